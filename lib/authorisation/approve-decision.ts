import { eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { patchDecisions } from '@/db/schema';
import { actorUserId, requirePermission, type TActor } from '@/lib/auth/permissions';
import { DECISION_KINDS, DECISION_TARGET, type TDecisionKind } from '@/lib/domain/patch-lifecycle';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { assertDecisionAllowed } from './decision-rules';
import { actorName, loadDecisionForDecide, parseDecide, tenantNameOf, type TDecide } from './load-decision';
import { notifyDecided } from './notify-decision';
import { assertFresh, writeStatus } from './patch-state';

export const STALE_REQUEST = 'The patch changed after this request was made (a vendor revision or another decision): refuse it and request again.';

const asKind = (k: string): TDecisionKind => {
  if (!(DECISION_KINDS as readonly string[]).includes(k)) throw new Error(`unknown decision kind in the database: ${k}`);
  return k as TDecisionKind;
};

/**
 * A second security user approves a pending request: the decision's transition is applied to the
 * patch in the decision's tenant (and only there). Refused when the approver is the requester (four eyes, FORBIDDEN), when the patch changed
 * since the approver's page loaded or since the request was made (CONFLICT, nothing written), or when
 * the decision's rules no longer hold (a deferral date that has passed, a test that now fails).
 */
export async function approveDecision(db: TDb, actor: TActor, raw: TDecide, now = new Date()): Promise<{ status: string; version: number }> {
  requirePermission(actor, 'patch:authorize');
  const input = parseDecide(raw);
  return db.transaction(async (tx) => {
    const { decision, state } = await loadDecisionForDecide(tx, actor, input, now);
    assertFresh(state, { version: input.expectedVersion, contentHash: input.expectedContentHash });
    if (decision.patchVersion !== state.version || decision.patchContentHash !== state.patch.contentHash) throw new AppError('CONFLICT', STALE_REQUEST);
    const kind = asKind(decision.kind);
    await assertDecisionAllowed(
      tx,
      state,
      { kind, deferredUntil: decision.deferredUntil, isEmergency: decision.isEmergency, emergencyReason: decision.emergencyReason },
      now,
    );
    const to = DECISION_TARGET[kind];
    await tx
      .update(patchDecisions)
      .set({ status: 'approved', decidedBy: actorUserId(actor), decidedAt: now, decisionNote: input.note })
      .where(eq(patchDecisions.id, decision.id));
    // Any approved decision is the review of a vendor revision: the flag clears.
    const version = await writeStatus(tx, state, { status: to, deferredUntil: kind === 'defer' ? decision.deferredUntil : null, needsReview: false }, now);
    await writeAudit(
      tx,
      actor,
      {
        tenantId: decision.tenantId,
        action: 'patch.decision.approve',
        targetType: 'patch',
        targetId: decision.patchId,
        before: { status: state.status, version: state.version, needsReview: state.needsReview },
        after: {
          status: to,
          version,
          decisionId: decision.id,
          kind,
          requestedBy: decision.requestedBy,
          deferredUntil: decision.deferredUntil,
          isEmergency: decision.isEmergency,
          note: input.note,
        },
      },
      now,
    );
    await notifyDecided(tx, {
      tenantId: decision.tenantId,
      tenantName: tenantNameOf(actor, decision.tenantId),
      patch: state.patch,
      kind,
      requestedBy: decision.requestedBy,
      outcome: 'approved',
      deciderName: actorName(actor),
      note: input.note,
    });
    return { status: to, version };
  });
}
