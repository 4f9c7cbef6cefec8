import { z } from 'zod';
import { findSoftware, ZSoftwareQuery } from '@/lib/assets/queries';
import { apiRoute, ZIdParams } from '@/lib/auth/api';
import { maxUploadBytes } from '@/lib/env';
import { importSoftware, ZImportSoftware } from '@/lib/inventory/import-software';

export const dynamic = 'force-dynamic';

const ZImportQuery = z.object({ format: ZImportSoftware.shape.format, filename: ZImportSoftware.shape.filename });

/** GET — the asset's installed software, paged, sorted and filtered. */
export const GET = apiRoute(
  { route: 'GET /api/v1/assets/:id/software', permission: 'asset:read', params: ZIdParams, query: ZSoftwareQuery },
  (actor, { db, params, query }) => findSoftware(db, actor, params.id, query),
);

/**
 * POST — replace the software list from a listing in the body (dpkg-query, dpkg -l, rpm -qa,
 * CycloneDX, SPDX, CSV). `?format=` picks the parser (default auto); `?filename=` is recorded.
 */
export const POST = apiRoute(
  { route: 'POST /api/v1/assets/:id/software', permission: 'inventory:import', params: ZIdParams, query: ZImportQuery, maxBytes: maxUploadBytes },
  async (actor, { db, params, query, req }) =>
    importSoftware(db, actor, {
      assetId: params.id,
      format: query.format,
      filename: query.filename,
      text: await req.text(),
      maxBytes: maxUploadBytes(),
      source: 'api',
    }),
);
