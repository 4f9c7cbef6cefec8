import { apiRoute } from '@/lib/auth/api';
import { findIntakeRuns } from '@/lib/intake/queries';

export const dynamic = 'force-dynamic';

/** GET /api/v1/intake/runs — the latest intake runs the caller may see, with progress (the intake page polls it). */
export const GET = apiRoute({ route: 'GET /api/v1/intake/runs', permission: 'patch:import' }, async (actor, { db }) => ({
  runs: await findIntakeRuns(db, actor, 20),
}));
