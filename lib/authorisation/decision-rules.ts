import type { TDb } from '@/db/client';
import { writeAudit, type TAuditEntry } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { checkDeferralDate, DECISION_TARGET, type TDecisionKind } from '@/lib/domain/patch-lifecycle';
import { AppError } from '@/lib/errors';
import { assertTransition, findPassedRuns, type TPatchState } from './patch-state';

export type TDecisionDraft = {
  kind: TDecisionKind;
  tenantIds: readonly string[];
  deferredUntil: string | null;
  isEmergency: boolean;
  emergencyReason: string | null;
};

export const NEEDS_PASSED_TEST =
  'Authorising needs at least one passed test run of this revision in the chosen tenants (a run with a passed result and no failed one) — or mark it an emergency and write the reason.';

/**
 * The rules a decision must meet both when it is requested and again when it is approved (time
 * passes and tests change in between): a legal transition, a passed test for an authorisation
 * unless it is an emergency with a reason, and a deferral date still in the future.
 */
export async function assertDecisionAllowed(tx: TDb, state: TPatchState, d: TDecisionDraft, now: Date): Promise<void> {
  assertTransition(state, DECISION_TARGET[d.kind]);
  if (d.kind === 'defer') {
    const check = d.deferredUntil ? checkDeferralDate(d.deferredUntil, now) : { ok: false as const, message: 'Choose the date until which the patch is deferred.' };
    if (!check.ok) throw new AppError('VALIDATION', check.message, [{ field: 'deferredUntil', message: check.message }]);
  }
  if (d.kind === 'authorise') {
    if (d.isEmergency) {
      if (!d.emergencyReason?.trim()) throw new AppError('VALIDATION', 'An emergency authorisation needs a written reason.', [{ field: 'emergencyReason', message: 'Required for an emergency' }]);
      return;
    }
    const passed = await findPassedRuns(tx, state.patch.id, state.patch.contentHash, d.tenantIds);
    if (passed.length === 0) throw new AppError('VALIDATION', NEEDS_PASSED_TEST, [{ field: 'isEmergency', message: 'No passed test run' }]);
  }
}

/**
 * One audit row per tenant in the decision's scope, so each tenant's auditors see the decisions
 * that concern them (audit rows carry one tenant).
 */
export async function auditPerTenant(tx: TDb, actor: TActor, tenantIds: readonly string[], entry: Omit<TAuditEntry, 'tenantId'>, now: Date): Promise<void> {
  for (const tenantId of [...new Set(tenantIds)].sort()) await writeAudit(tx, actor, { ...entry, tenantId }, now);
}
