import { apiRoute } from '@/lib/auth/api';
import { listQuerySchema } from '@/lib/list-query';
import { deadlineMisses, pageOf, ringCounts } from '@/lib/scheduling/plan-view';
import { previewSchedule, ZSchedulePreviewQuery } from '@/lib/scheduling/preview-schedule';
import { getSchedulingTenant, ZSchedulingTenantQuery } from '@/lib/scheduling/queries';

export const dynamic = 'force-dynamic';
const ZPreviewPageQuery = ZSchedulePreviewQuery.extend(ZSchedulingTenantQuery.shape).extend(listQuerySchema(['deadline'], 'deadline').shape);

/**
 * GET /api/v1/schedule/preview?tenant=<id or slug>&severity&minutes&mode&app&ring&at&page&size — the
 * previewed waves (without their jobs), per-ring counts and one page of deadline misses.
 */
export const GET = apiRoute({ route: 'GET /api/v1/schedule/preview', permission: 'schedule:read', query: ZPreviewPageQuery }, async (actor, { db, query }) => {
  const tenant = await getSchedulingTenant(db, actor, query.tenant);
  const preview = await previewSchedule(db, actor, tenant.id, query);
  return {
    tenant,
    plannedAt: preview.plan.plannedAt,
    summary: preview.summary,
    rings: ringCounts(preview.plan, preview.policy, preview.assets),
    misses: pageOf(deadlineMisses(preview.plan, preview.assets), query.page, query.size),
  };
});
