import { auditExportHandler } from '../export-handler';

export const dynamic = 'force-dynamic';

/** GET /api/v1/audit/export.csv — the filtered audit slice as CSV, permission-checked and tenant-scoped. */
export const GET = auditExportHandler('csv');
