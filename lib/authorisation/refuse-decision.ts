import { eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { patchDecisions } from '@/db/schema';
import { actorUserId, requirePermission, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { actorName, loadDecisionForDecide, parseDecide, tenantNameOf, type TDecide } from './load-decision';
import { notifyDecided } from './notify-decision';
import { assertFresh } from './patch-state';

/**
 * A second security user refuses a pending request, with a note saying why. The patch does not
 * change. A request made stale by a vendor revision can (and should) still be refused.
 */
export async function refuseDecision(db: TDb, actor: TActor, raw: TDecide, now = new Date()): Promise<{ status: 'refused' }> {
  requirePermission(actor, 'patch:authorize');
  const input = parseDecide(raw);
  if (!input.note) throw new AppError('VALIDATION', 'Say why you refuse this request.', [{ field: 'note', message: 'A note is required to refuse' }]);
  return db.transaction(async (tx) => {
    const { decision, state } = await loadDecisionForDecide(tx, actor, input, now);
    assertFresh(state, { version: input.expectedVersion, contentHash: input.expectedContentHash });
    await tx
      .update(patchDecisions)
      .set({ status: 'refused', decidedBy: actorUserId(actor), decidedAt: now, decisionNote: input.note })
      .where(eq(patchDecisions.id, decision.id));
    await writeAudit(
      tx,
      actor,
      {
        tenantId: decision.tenantId,
        action: 'patch.decision.refuse',
        targetType: 'patch',
        targetId: decision.patchId,
        after: { decisionId: decision.id, kind: decision.kind, requestedBy: decision.requestedBy, note: input.note },
      },
      now,
    );
    await notifyDecided(tx, {
      tenantId: decision.tenantId,
      tenantName: tenantNameOf(actor, decision.tenantId),
      patch: state.patch,
      kind: decision.kind,
      requestedBy: decision.requestedBy,
      outcome: 'refused',
      deciderName: actorName(actor),
      note: input.note,
    });
    return { status: 'refused' as const };
  });
}
