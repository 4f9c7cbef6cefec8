import { apiRoute } from '@/lib/auth/api';
import { windowsCalendar } from '@/lib/scheduling/calendars';
import { getSchedulingTenant, ZSchedulingTenantQuery } from '@/lib/scheduling/queries';

export const dynamic = 'force-dynamic';

/** GET /api/v1/windows.ics?tenant=<id or slug> — enabled windows for the next 90 days and the blackouts, as iCalendar. */
export const GET = apiRoute({ route: 'GET /api/v1/windows.ics', permission: 'schedule:read', query: ZSchedulingTenantQuery }, async (actor, { db, query }) => {
  const tenant = await getSchedulingTenant(db, actor, query.tenant);
  const ics = await windowsCalendar(db, actor, tenant);
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="patchward-windows-${tenant.slug}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
});
