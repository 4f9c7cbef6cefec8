import { apiRoute, ZIdParams, ZJsonObject } from '@/lib/auth/api';
import { requestDecision, ZRequestDecision } from '@/lib/authorisation/request-decision';
import { parseInput } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/**
 * POST — request a decision on a patch (the same use-case as the page): `{ kind, justification,
 * impact, scope: { tenantIds, rings }, deferredUntil?, isEmergency?, emergencyReasons?,
 * expectedVersions, expectedContentHash }`. 201 with `{ decisionId }`. Roles without the permission
 * get 403 before their body is even read.
 */
export const POST = apiRoute(
  { route: 'POST /api/v1/patches/:id/decisions', permission: 'patch:authorize', params: ZIdParams, body: ZJsonObject, status: 201 },
  (actor, { db, params, body }) => requestDecision(db, actor, parseInput(ZRequestDecision, { ...body, patchId: params.id }, 'Invalid decision request.')),
);
