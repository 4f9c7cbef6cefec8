import { auditExportHandler } from '../export-handler';

export const dynamic = 'force-dynamic';

/** GET /api/v1/audit/export.json — the filtered audit slice as JSON, permission-checked and tenant-scoped. */
export const GET = auditExportHandler('json');
