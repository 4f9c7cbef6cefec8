import { apiRoute } from '@/lib/auth/api';
import { ZHistoryQuery } from '@/lib/authorisation/history';
import { exportHistoryCsv } from '@/lib/authorisation/history-csv';
import { atToDate } from '@/lib/authorisation/queries';

export const dynamic = 'force-dynamic';

/** GET /api/v1/patches/history.csv — the patch history with the page's filters (status, severity, tenant, failed, q, sort), tenant-scoped. */
export const GET = apiRoute({ route: 'GET /api/v1/patches/history.csv', permission: 'patch:read', query: ZHistoryQuery }, async (actor, { db, query }) => {
  const { csv } = await exportHistoryCsv(db, actor, query, atToDate(query.at));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="patchward-patch-history-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
