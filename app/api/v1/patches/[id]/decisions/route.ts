import { getDb } from '@/lib/runtime/db';
import { withActor } from '@/lib/auth/api';
import { requirePermission } from '@/lib/auth/permissions';
import { requestDecision, ZRequestDecision } from '@/lib/authorisation/request-decision';
import { parseBody, readJsonObject } from '@/app/api/v1/patches/read-json';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/**
 * POST — request a decision on a patch (the same use-case as the page): `{ kind, justification,
 * impact, scope: { tenantIds, rings }, deferredUntil?, isEmergency?, emergencyReason?,
 * expectedVersion, expectedContentHash }`. 201 with `{ decisionId }`.
 */
export const POST = withActor<Ctx>('POST /api/v1/patches/:id/decisions', async (actor, req, { params }) => {
  const { id } = await params;
  // Roles without the permission get 403 before their body is even read.
  requirePermission(actor, 'patch:authorize');
  const body = await readJsonObject(req);
  return Response.json(await requestDecision(await getDb(), actor, parseBody(ZRequestDecision, { ...body, patchId: id })), { status: 201 });
});
