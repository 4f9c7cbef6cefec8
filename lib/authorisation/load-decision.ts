import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { patchDecisions, users } from '@/db/schema';
import { actorTenantName, can, requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { AppError, parseInput } from '@/lib/errors';
import { loadPatchState, type TPatchState } from './patch-state';

export const ZDecide = z.object({
  decisionId: z.string().uuid(),
  /** When given (routes name the patch in the path), the decision must belong to it. */
  patchId: z.string().uuid().optional(),
  /** The patch_status version and content hash the approver's page showed. */
  expectedVersion: z.number().int().min(0),
  expectedContentHash: z.string().min(1),
  note: z
    .string()
    .trim()
    .max(4000, 'Keep the note under 4,000 characters.')
    .nullish()
    .transform((s) => s || null),
});
export type TDecide = z.input<typeof ZDecide>;

export const parseDecide = (raw: TDecide) => parseInput(ZDecide, raw, 'Invalid decision.');

export type TDecisionRow = typeof patchDecisions.$inferSelect;

/**
 * Loads a pending decision for an approver, with the patch locked: the patch row first, then the
 * tenant's status, then the decision row (the order every decision writer uses). A decision of a
 * tenant the actor does not read is NOT_FOUND; four eyes — the requester can never approve or refuse
 * their own request — is checked before anything else about its state, so it holds even for a
 * request already decided.
 */
export async function loadDecisionForDecide(
  tx: TDb,
  actor: TActor,
  input: { decisionId: string; patchId?: string },
  now: Date,
): Promise<{ decision: TDecisionRow; state: TPatchState }> {
  const { decisionId } = input;
  const [peek] = await tx
    .select({ patchId: patchDecisions.patchId, tenantId: patchDecisions.tenantId })
    .from(patchDecisions)
    .where(eq(patchDecisions.id, decisionId));
  const isVisible = !!peek && (input.patchId === undefined || input.patchId === peek.patchId) && can(actor, 'patch:read', peek.tenantId);
  if (!peek || !isVisible) throw new AppError('NOT_FOUND', 'Decision request not found.');
  requireTenantAccess(actor, peek.tenantId, 'patch:authorize');
  const state = await loadPatchState(tx, peek.patchId, peek.tenantId, now, { lock: true });
  const [decision] = await tx.select().from(patchDecisions).where(eq(patchDecisions.id, decisionId)).for('update');
  if (actor.kind === 'user' && decision.requestedBy === actor.userId) {
    throw new AppError('FORBIDDEN', 'You requested this decision, so you cannot approve or refuse it: another security user must (four eyes).');
  }
  if (decision.status !== 'requested') {
    const [by] = decision.decidedBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, decision.decidedBy)) : [];
    throw new AppError('CONFLICT', `This request was already ${decision.status}${by ? ` by ${by.name}` : ''} — reload`);
  }
  return { decision, state };
}

/** The tenant's name in a message: the actor holds a role there (checked before). */
export const tenantNameOf = (actor: TActor, tenantId: string) => actorTenantName(actor, tenantId) ?? 'your tenant';
export const actorName = (actor: TActor) => (actor.kind === 'user' ? actor.name : actor.kind === 'system' ? actor.label : 'An agent');
