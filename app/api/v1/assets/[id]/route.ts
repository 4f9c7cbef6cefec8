import { getDb } from '@/lib/runtime/db';
import { getAsset } from '@/lib/assets/queries';
import { updateAsset, ZUpdateAsset } from '@/lib/assets/update-asset';
import { withActor } from '@/lib/auth/api';
import { AppError, zodIssues } from '@/lib/errors';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const GET = withActor<Ctx>('GET /api/v1/assets/:id', async (actor, _req, { params }) => {
  const { id } = await params;
  const { asset, ...rest } = await getAsset(await getDb(), actor, id);
  return Response.json({ asset, tenant: rest.tenantSlug, ring: rest.ring, application: rest.applicationName, parentHost: rest.parentName, sourceImage: rest.imageName });
});

export const PATCH = withActor<Ctx>('PATCH /api/v1/assets/:id', async (actor, req, { params }) => {
  const { id } = await params;
  const body = await req.json().catch(() => null);
  const parsed = ZUpdateAsset.safeParse({ ...(body ?? {}), assetId: id });
  if (!parsed.success) throw new AppError('VALIDATION', 'Invalid asset update.', zodIssues(parsed.error.issues));
  return Response.json(await updateAsset(await getDb(), actor, parsed.data));
});
