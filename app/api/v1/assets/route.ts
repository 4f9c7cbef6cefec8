import { createAsset, ZCreateAsset } from '@/lib/assets/create-asset';
import { findAssets, ZAssetListQuery } from '@/lib/assets/queries';
import { apiRoute } from '@/lib/auth/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/assets?page&size&sort&q&tenant&app&ring&kind&os&lifecycle&zone — the actor's tenants only. */
export const GET = apiRoute({ route: 'GET /api/v1/assets', permission: 'asset:read', query: ZAssetListQuery }, (actor, { db, query }) =>
  findAssets(db, actor, query),
);

/** POST /api/v1/assets — register an asset: { tenant (slug), name, kind, ring, zone, osFamily, osRelease, … }. */
export const POST = apiRoute({ route: 'POST /api/v1/assets', permission: 'asset:write', body: ZCreateAsset, status: 201 }, async (actor, { db, body }) => ({
  asset: await createAsset(db, actor, body),
}));
