import { apiRoute } from '@/lib/auth/api';
import { createWindow, ZCreateWindow } from '@/lib/scheduling/create-window';
import { findBlackouts, findWindows, getSchedulingTenant, ZSchedulingTenantQuery } from '@/lib/scheduling/queries';

export const dynamic = 'force-dynamic';

/** GET /api/v1/windows?tenant=<id or slug> — the tenant's windows and blackouts (404 outside your tenants). */
export const GET = apiRoute({ route: 'GET /api/v1/windows', permission: 'schedule:read', query: ZSchedulingTenantQuery }, async (actor, { db, query }) => {
  const tenant = await getSchedulingTenant(db, actor, query.tenant);
  const [windows, blackouts] = await Promise.all([findWindows(db, actor, tenant.id), findBlackouts(db, actor, tenant.id)]);
  return { tenant, windows, blackouts };
});

/** POST /api/v1/windows — { tenantId, window: { name, recurrence, start, durationMinutes, zone, scope } }; needs window:write. */
export const POST = apiRoute({ route: 'POST /api/v1/windows', permission: 'window:write', body: ZCreateWindow, status: 201 }, (actor, { db, body }) =>
  createWindow(db, actor, body),
);
