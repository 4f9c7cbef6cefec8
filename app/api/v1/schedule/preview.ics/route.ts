import { apiRoute } from '@/lib/auth/api';
import { scheduleCalendar } from '@/lib/scheduling/calendars';
import { previewSchedule, ZSchedulePreviewQuery } from '@/lib/scheduling/preview-schedule';
import { getSchedulingTenant, ZSchedulingTenantQuery } from '@/lib/scheduling/queries';

export const dynamic = 'force-dynamic';

/** GET /api/v1/schedule/preview.ics?tenant=<id or slug>&severity&minutes&mode&app&ring&at — the previewed waves as iCalendar. */
export const GET = apiRoute(
  { route: 'GET /api/v1/schedule/preview.ics', permission: 'schedule:read', query: ZSchedulePreviewQuery.extend(ZSchedulingTenantQuery.shape) },
  async (actor, { db, query: { tenant: idOrSlug, ...query } }) => {
    const tenant = await getSchedulingTenant(db, actor, idOrSlug);
    const preview = await previewSchedule(db, actor, tenant.id, query);
    return new Response(scheduleCalendar(preview, tenant), {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="patchward-schedule-${tenant.slug}.ics"`,
        'Cache-Control': 'no-store',
      },
    });
  },
);
