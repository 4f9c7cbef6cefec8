import { apiRoute } from '@/lib/auth/api';
import { exportAudit, type TAuditExportFormat } from '@/lib/audit/export-audit';
import { ZAuditQuery } from '@/lib/audit/queries';

const CONTENT_TYPE: Record<TAuditExportFormat, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/** GET handler for one export format: the audit page's filters (tenant, action, actor, from, to, q), tenant-scoped like the list. */
export function auditExportHandler(format: TAuditExportFormat) {
  return apiRoute({ route: `GET /api/v1/audit/export.${format}`, permission: 'audit:read', query: ZAuditQuery }, async (actor, { db, query }) => {
    const body = exportAudit(db, actor, query, format);
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'Content-Type': CONTENT_TYPE[format],
        'Content-Disposition': `attachment; filename="patchward-audit-${stamp}.${format}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
