import { setImplementationWindow } from '@/lib/changes/transition-change';
import { approveChange, rejectChange } from '@/lib/changes/vote-change';
import type { TApplyCallback } from './receive-callback';

/**
 * A verified callback, applied by the change use-cases as the connector's system actor. They do the
 * state checks (already approved, rejected, started: CONFLICT) and the audit; the external approval
 * counts in the capacity 'external'. A rejection without a note names the connector as its reason.
 */
export const applyCallbackAction: TApplyCallback = async (db, actor, connector, body) => {
  switch (body.action) {
    case 'approve':
      return approveChange(db, actor, { changeId: body.changeId, note: body.note }, { externalConnectorId: connector.id });
    case 'reject':
      return rejectChange(db, actor, { changeId: body.changeId, note: body.note || `Rejected in ${connector.name}.` }, { externalConnectorId: connector.id });
    case 'implementation_window':
      return setImplementationWindow(db, actor, { changeId: body.changeId, start: body.start ?? '', end: body.end ?? '' });
    default: {
      const never: never = body.action;
      throw new Error(`unknown callback action ${String(never)}`);
    }
  }
};
