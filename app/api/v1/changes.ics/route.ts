import { z } from 'zod';
import { apiRoute } from '@/lib/auth/api';
import { changesCalendar } from '@/lib/changes/calendar';
import { changeTenants, pickChangeTenant } from '@/lib/changes/queries';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({ tenant: z.string().trim().min(1).max(100).optional() });

/** GET /api/v1/changes.ics[?tenant=<id or slug>] — the waves of the signed-in user's changes as iCalendar. */
export const GET = apiRoute({ route: 'GET /api/v1/changes.ics', permission: 'change:read', query: ZQuery }, async (actor, { db, query, req }) => {
  const tenant = query.tenant ? pickChangeTenant(changeTenants(actor), query.tenant) : undefined;
  if (query.tenant && !tenant) throw new AppError('NOT_FOUND', 'Tenant not found.');
  const ics = await changesCalendar(db, actor, { baseUrl: new URL(req.url).origin, tenantId: tenant?.id });
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="patchward-changes${tenant ? `-${tenant.slug}` : ''}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
});
