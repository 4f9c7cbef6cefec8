import { getDb } from '@/lib/runtime/db';
import { findSoftware, ZSoftwareQuery } from '@/lib/assets/queries';
import { withActor } from '@/lib/auth/api';
import { maxUploadBytes } from '@/lib/env';
import { assertUploadSize, importSoftware } from '@/lib/inventory/import-software';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** GET — the asset's installed software, paged, sorted and filtered. */
export const GET = withActor<Ctx>('GET /api/v1/assets/:id/software', async (actor, req, { params }) => {
  const { id } = await params;
  const query = ZSoftwareQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await findSoftware(await getDb(), actor, id, query));
});

/**
 * POST — replace the software list from a listing in the body (dpkg-query, dpkg -l, rpm -qa,
 * CycloneDX, SPDX, CSV). `?format=` picks the parser (default auto); `?filename=` is recorded.
 */
export const POST = withActor<Ctx>('POST /api/v1/assets/:id/software', async (actor, req, { params }) => {
  const { id } = await params;
  const url = new URL(req.url);
  const declared = Number(req.headers.get('content-length') ?? 0);
  assertUploadSize(declared, maxUploadBytes());
  const text = await req.text();
  const result = await importSoftware(await getDb(), actor, {
    assetId: id,
    format: (url.searchParams.get('format') ?? 'auto') as 'auto',
    filename: url.searchParams.get('filename') ?? undefined,
    text,
    maxBytes: maxUploadBytes(),
    source: 'api',
  });
  return Response.json(result);
});
