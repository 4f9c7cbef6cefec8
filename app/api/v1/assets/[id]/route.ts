import { getAsset } from '@/lib/assets/queries';
import { updateAsset, ZUpdateAsset } from '@/lib/assets/update-asset';
import { apiRoute, ZIdParams } from '@/lib/auth/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/assets/:id — one asset with its tenant, ring, application, parent host and source image names. */
export const GET = apiRoute({ route: 'GET /api/v1/assets/:id', permission: 'asset:read', params: ZIdParams }, async (actor, { db, params }) => {
  const { asset, ...rest } = await getAsset(db, actor, params.id);
  return { asset, tenant: rest.tenantSlug, ring: rest.ring, application: rest.applicationName, parentHost: rest.parentName, sourceImage: rest.imageName };
});

/** PATCH /api/v1/assets/:id — { name?, ringId?, zone?, criticality?, lifecycle?, applicationId?, osRelease?, tags? }. */
export const PATCH = apiRoute(
  { route: 'PATCH /api/v1/assets/:id', permission: 'asset:write', params: ZIdParams, body: ZUpdateAsset.omit({ assetId: true }) },
  (actor, { db, params, body }) => updateAsset(db, actor, { ...body, assetId: params.id }),
);
