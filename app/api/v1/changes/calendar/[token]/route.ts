import { z } from 'zod';
import { publicApiRoute } from '@/lib/auth/api';
import { changesCalendar } from '@/lib/changes/calendar';
import { actorForCalendarToken } from '@/lib/changes/calendar-tokens';

export const dynamic = 'force-dynamic';

const ZParams = z.object({ token: z.string().max(200) });

/**
 * GET /api/v1/changes/calendar/<token>.ics — a calendar app's subscription: no session, the personal
 * token in the path (calendar apps cannot send headers). It serves the changes of the tenants its user
 * reads now; a revoked or unknown token is 401, an ill-formed one 404.
 */
export const GET = publicApiRoute({ route: 'GET /api/v1/changes/calendar/[token]', params: ZParams }, async (_none, { db, params, req }) => {
  const actor = await actorForCalendarToken(db, params.token.replace(/\.ics$/, ''));
  const ics = await changesCalendar(db, actor, { baseUrl: new URL(req.url).origin });
  return new Response(ics, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
});
