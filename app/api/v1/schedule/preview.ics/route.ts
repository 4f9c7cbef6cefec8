import { getDb } from '@/lib/runtime/db';
import { withActor } from '@/lib/auth/api';
import { scheduleCalendar } from '@/lib/scheduling/calendars';
import { previewSchedule, ZSchedulePreviewQuery } from '@/lib/scheduling/preview-schedule';
import { getSchedulingTenant } from '@/lib/scheduling/queries';

export const dynamic = 'force-dynamic';

/** GET /api/v1/schedule/preview.ics?tenant=<id or slug>&severity&minutes&mode&app&ring&at — the previewed waves as iCalendar. */
export const GET = withActor('GET /api/v1/schedule/preview.ics', async (actor, req) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const db = await getDb();
  const tenant = await getSchedulingTenant(db, actor, params.tenant);
  const preview = await previewSchedule(db, actor, tenant.id, ZSchedulePreviewQuery.parse(params));
  return new Response(scheduleCalendar(preview, tenant), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="patchward-schedule-${tenant.slug}.ics"`, 'Cache-Control': 'no-store' },
  });
});
