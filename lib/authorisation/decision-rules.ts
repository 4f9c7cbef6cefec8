import type { TDb } from '@/db/client';
import { checkDeferralDate, DECISION_TARGET, type TDecisionKind } from '@/lib/domain/patch-lifecycle';
import { AppError } from '@/lib/errors';
import { assertTransition, findPassedRuns, type TPatchState } from './patch-state';

/** A decision for one tenant, as requested and again as approved. */
export type TDecisionDraft = {
  kind: TDecisionKind;
  deferredUntil: string | null;
  isEmergency: boolean;
  /** This tenant's own written reason: one tenant's emergency never covers another. */
  emergencyReason: string | null;
};

export const NEEDS_PASSED_TEST =
  'Authorising needs a passed test run of this revision in this tenant (a run with a passed result and no failed one) — or mark it an emergency and write this tenant’s reason.';

/**
 * The rules a decision must meet for its tenant both when it is requested and again when it is
 * approved (time passes and tests change in between): a legal transition from that tenant's status,
 * a passed test run in that tenant for an authorisation unless it is an emergency with that tenant's
 * own reason, and a deferral date still in the future. Another tenant's test never counts.
 */
export async function assertDecisionAllowed(tx: TDb, state: TPatchState, d: TDecisionDraft, now: Date): Promise<void> {
  assertTransition(state, DECISION_TARGET[d.kind]);
  if (d.kind === 'defer') {
    const check = d.deferredUntil
      ? checkDeferralDate(d.deferredUntil, now)
      : { ok: false as const, message: 'Choose the date until which the patch is deferred.' };
    if (!check.ok) throw new AppError('VALIDATION', check.message, [{ field: 'deferredUntil', message: check.message }]);
  }
  if (d.kind === 'authorise') {
    if (d.isEmergency) {
      if (!d.emergencyReason?.trim())
        throw new AppError('VALIDATION', 'An emergency authorisation needs a written reason for each tenant it covers.', [
          { field: `emergencyReasons.${state.tenantId}`, message: 'Required for an emergency' },
        ]);
      return;
    }
    const passed = await findPassedRuns(tx, state.patch.id, state.patch.contentHash, [state.tenantId]);
    if (passed.length === 0) throw new AppError('VALIDATION', NEEDS_PASSED_TEST, [{ field: 'isEmergency', message: 'No passed test run' }]);
  }
}
