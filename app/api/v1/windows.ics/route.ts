import { getDb } from '@/lib/runtime/db';
import { withActor } from '@/lib/auth/api';
import { windowsCalendar } from '@/lib/scheduling/calendars';
import { getSchedulingTenant } from '@/lib/scheduling/queries';

export const dynamic = 'force-dynamic';

/** GET /api/v1/windows.ics?tenant=<id or slug> — enabled windows for the next 90 days and the blackouts, as iCalendar. */
export const GET = withActor('GET /api/v1/windows.ics', async (actor, req) => {
  const db = await getDb();
  const tenant = await getSchedulingTenant(db, actor, new URL(req.url).searchParams.get('tenant') ?? undefined);
  const ics = await windowsCalendar(db, actor, tenant);
  return new Response(ics, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="patchward-windows-${tenant.slug}.ics"`, 'Cache-Control': 'no-store' },
  });
});
