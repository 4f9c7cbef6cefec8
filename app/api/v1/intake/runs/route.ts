import { getDb } from '@/lib/runtime/db';
import { withActor } from '@/lib/auth/api';
import { requirePermission } from '@/lib/auth/permissions';
import { findIntakeRuns } from '@/lib/intake/queries';

export const dynamic = 'force-dynamic';

/** GET /api/v1/intake/runs — the latest intake runs the caller may see, with progress (the intake page polls it). */
export const GET = withActor('GET /api/v1/intake/runs', async (actor) => {
  requirePermission(actor, 'patch:import');
  return Response.json({ runs: await findIntakeRuns(await getDb(), actor, 20) });
});
