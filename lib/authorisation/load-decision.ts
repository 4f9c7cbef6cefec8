import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { patchDecisions, users } from '@/db/schema';
import { can, type TActor } from '@/lib/auth/permissions';
import { AppError, zodIssues } from '@/lib/errors';
import { loadPatchState, requireTenant, type TPatchState } from './patch-state';

export const ZDecide = z.object({
  decisionId: z.string().uuid(),
  /** When given (routes name the patch in the path), the decision must belong to it. */
  patchId: z.string().uuid().optional(),
  /** The patch_status version and content hash the approver's page showed. */
  expectedVersion: z.number().int().min(0),
  expectedContentHash: z.string().min(1),
  note: z.string().trim().max(4000, 'Keep the note under 4,000 characters.').nullish().transform((s) => s || null),
});
export type TDecide = z.input<typeof ZDecide>;

export function parseDecide(raw: TDecide) {
  const parsed = ZDecide.safeParse(raw);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error.issues);
    throw new AppError('VALIDATION', issues[0]?.message ?? 'Invalid decision.', issues);
  }
  return parsed.data;
}

export type TDecisionRow = typeof patchDecisions.$inferSelect;
export const scopeTenants = (d: TDecisionRow): string[] => d.scope?.tenantIds ?? [];

/**
 * Loads a pending decision for an approver, with the patch locked: the patch row first, then the
 * decision row (the order every decision writer uses). A decision outside the actor's tenants is
 * NOT_FOUND; four eyes — the requester can never approve or refuse their own request — is checked
 * before anything else about its state, so it holds even for a request already decided.
 */
export async function loadDecisionForDecide(tx: TDb, actor: TActor, input: { decisionId: string; patchId?: string }, now: Date): Promise<{ decision: TDecisionRow; state: TPatchState }> {
  const { decisionId } = input;
  const [peek] = await tx.select({ patchId: patchDecisions.patchId, scope: patchDecisions.scope }).from(patchDecisions).where(eq(patchDecisions.id, decisionId));
  const isVisible = !!peek && (input.patchId === undefined || input.patchId === peek.patchId) && (peek.scope?.tenantIds ?? []).some((t) => can(actor, 'patch:read', t));
  if (!peek || !isVisible) throw new AppError('NOT_FOUND', 'Decision request not found.');
  const state = await loadPatchState(tx, peek.patchId, now, { lock: true });
  const [decision] = await tx.select().from(patchDecisions).where(eq(patchDecisions.id, decisionId)).for('update');
  for (const t of scopeTenants(decision)) requireTenant(actor, t, 'patch:authorize');
  if (actor.kind === 'user' && decision.requestedBy === actor.userId) {
    throw new AppError('FORBIDDEN', 'You requested this decision, so you cannot approve or refuse it: another security user must (four eyes).');
  }
  if (decision.status !== 'requested') {
    const [by] = decision.decidedBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, decision.decidedBy)) : [];
    throw new AppError('CONFLICT', `This request was already ${decision.status}${by ? ` by ${by.name}` : ''} — reload`);
  }
  return { decision, state };
}
