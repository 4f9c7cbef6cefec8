import { getDb } from '@/lib/runtime/db';
import { withActor } from '@/lib/auth/api';
import { listQuerySchema } from '@/lib/list-query';
import { deadlineMisses, pageOf, ringCounts } from '@/lib/scheduling/plan-view';
import { previewSchedule, ZSchedulePreviewQuery } from '@/lib/scheduling/preview-schedule';
import { getSchedulingTenant } from '@/lib/scheduling/queries';

export const dynamic = 'force-dynamic';
const ZPaging = listQuerySchema(['deadline'], 'deadline');

/**
 * GET /api/v1/schedule/preview?tenant=<id or slug>&severity&minutes&mode&app&ring&at&page&size — the
 * previewed waves (without their jobs), per-ring counts and one page of deadline misses.
 */
export const GET = withActor('GET /api/v1/schedule/preview', async (actor, req) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const db = await getDb();
  const tenant = await getSchedulingTenant(db, actor, params.tenant);
  const preview = await previewSchedule(db, actor, tenant.id, ZSchedulePreviewQuery.parse(params));
  const paging = ZPaging.parse(params);
  return Response.json({
    tenant,
    plannedAt: preview.plan.plannedAt,
    summary: preview.summary,
    rings: ringCounts(preview.plan, preview.policy, preview.assets),
    misses: pageOf(deadlineMisses(preview.plan, preview.assets), paging.page, paging.size),
  });
});
