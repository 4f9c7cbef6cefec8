import { z } from 'zod';
import { apiRoute, ZIdParams, ZJsonObject } from '@/lib/auth/api';
import { ZDecide } from '@/lib/authorisation/load-decision';
import { approveDecision } from '@/lib/authorisation/approve-decision';
import { refuseDecision } from '@/lib/authorisation/refuse-decision';
import { parseInput } from '@/lib/errors';

const DECIDE = { approve: approveDecision, refuse: refuseDecision } as const;

/**
 * POST handler that approves or refuses a pending decision request with the page's use-case, so four
 * eyes and the "reload" check hold here too: `{ expectedVersion, expectedContentHash, note? }`.
 * 403 for the requester and for roles without patch:authorize (before the body is read); 409 when the patch changed.
 */
export function decideRoute(verb: keyof typeof DECIDE) {
  return apiRoute(
    {
      route: `POST /api/v1/patches/:id/decisions/:decisionId/${verb}`,
      permission: 'patch:authorize',
      params: ZIdParams.extend({ decisionId: z.string().uuid() }),
      body: ZJsonObject,
    },
    (actor, { db, params, body }) =>
      DECIDE[verb](db, actor, parseInput(ZDecide, { ...body, patchId: params.id, decisionId: params.decisionId }, 'Invalid decision.')),
  );
}
