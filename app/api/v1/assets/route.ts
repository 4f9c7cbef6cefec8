import { getDb } from '@/lib/runtime/db';
import { createAsset } from '@/lib/assets/create-asset';
import { findAssets, ZAssetListQuery } from '@/lib/assets/queries';
import { withActor } from '@/lib/auth/api';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** GET /api/v1/assets?page&size&sort&q&tenant&app&ring&kind&os&lifecycle&zone — the actor's tenants only. */
export const GET = withActor('GET /api/v1/assets', async (actor, req) => {
  const query = ZAssetListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await findAssets(await getDb(), actor, query));
});

/** POST /api/v1/assets — register an asset: { tenant (slug), name, kind, ring, zone, osFamily, osRelease, … }. */
export const POST = withActor('POST /api/v1/assets', async (actor, req) => {
  const body = await req.json().catch(() => {
    throw new AppError('VALIDATION', 'The body must be JSON.');
  });
  const asset = await createAsset(await getDb(), actor, body);
  return Response.json({ asset }, { status: 201 });
});
