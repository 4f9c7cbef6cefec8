import { getDb } from '@/lib/runtime/db';
import { withActor } from '@/lib/auth/api';
import { AppError, zodIssues } from '@/lib/errors';
import { createWindow, ZCreateWindow } from '@/lib/scheduling/create-window';
import { findBlackouts, findWindows, getSchedulingTenant } from '@/lib/scheduling/queries';

export const dynamic = 'force-dynamic';

/** GET /api/v1/windows?tenant=<id or slug> — the tenant's windows and blackouts (404 outside your tenants). */
export const GET = withActor('GET /api/v1/windows', async (actor, req) => {
  const db = await getDb();
  const tenant = await getSchedulingTenant(db, actor, new URL(req.url).searchParams.get('tenant') ?? undefined);
  const [windows, blackouts] = await Promise.all([findWindows(db, actor, tenant.id), findBlackouts(db, actor, tenant.id)]);
  return Response.json({ tenant, windows, blackouts });
});

/** POST /api/v1/windows — { tenantId, window: { name, recurrence, start, durationMinutes, zone, scope } }; needs window:write. */
export const POST = withActor('POST /api/v1/windows', async (actor, req) => {
  const body = await req.json().catch(() => {
    throw new AppError('VALIDATION', 'The body must be JSON.');
  });
  const parsed = ZCreateWindow.safeParse(body);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error.issues);
    throw new AppError('VALIDATION', issues[0]?.message ?? 'Invalid window.', issues);
  }
  return Response.json(await createWindow(await getDb(), actor, parsed.data), { status: 201 });
});
