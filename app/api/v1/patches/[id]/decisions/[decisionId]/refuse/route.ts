import { getDb } from '@/lib/runtime/db';
import { withActor } from '@/lib/auth/api';
import { requirePermission } from '@/lib/auth/permissions';
import { ZDecide } from '@/lib/authorisation/load-decision';
import { refuseDecision } from '@/lib/authorisation/refuse-decision';
import { parseBody, readJsonObject } from '@/app/api/v1/patches/read-json';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; decisionId: string }> };

/**
 * POST — refuse a pending decision request (the same use-case as the page, so four eyes and the
 * "reload" check hold here too): `{ expectedVersion, expectedContentHash, note? }`.
 * 403 for the requester and for roles without patch:authorize; 409 when the patch changed.
 */
export const POST = withActor<Ctx>('POST /api/v1/patches/:id/decisions/:decisionId/refuse', async (actor, req, { params }) => {
  const { id, decisionId } = await params;
  // Roles without the permission get 403 before their body is even read.
  requirePermission(actor, 'patch:authorize');
  const body = await readJsonObject(req);
  return Response.json(await refuseDecision(await getDb(), actor, parseBody(ZDecide, { ...body, patchId: id, decisionId })));
});
