import type { TDb } from '@/db/client';
import { notifyChangeContacts, type TChangeNoticeKind } from '@/lib/contacts/notify-change';
import { markTrackingInChange } from '@/lib/tracking/sync-tracking';
import { kickChangeDeliveries } from './connector/kick';

/** What a committed transition sets off: webhook deliveries of its events, the customer's contacts, tracking records. */
export type TAfterCommit = { kind: 'event' } | { kind: 'contacts'; event: TChangeNoticeKind } | { kind: 'tracking' };

/**
 * Runs after the transition's transaction commits, so a slow receiver or mail server never holds the
 * change locked. Each step is retried by its own sweep if it fails here (webhook sweeper; contacts and
 * tracking are idempotent): a failure is logged, never thrown at the user whose action succeeded.
 */
export async function afterChangeCommit(db: TDb, changeId: string, steps: readonly TAfterCommit[]): Promise<void> {
  for (const step of steps) {
    try {
      if (step.kind === 'event') await kickChangeDeliveries(db);
      else if (step.kind === 'contacts') await notifyChangeContacts(db, changeId, step.event);
      else await db.transaction((tx) => markTrackingInChange(tx, changeId));
    } catch (err) {
      console.error(`[patchward] after change ${changeId} (${step.kind}):`, err);
    }
  }
}
