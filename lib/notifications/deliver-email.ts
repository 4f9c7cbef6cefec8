import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { notifications, users } from '@/db/schema';
import type { TDeliveryResult, TNotifier, TNotifierMessage } from '@/lib/connectors/notifiers/types';

export type TDeliverEmailOptions = {
  /** At most this many messages per run. */
  batch?: number;
  /** A message that failed this many times (retryable or not) is given up as 'failed'. */
  maxAttempts?: number;
  now?: Date;
};
export type TDeliverEmailCounts = { sent: number; retrying: number; failed: number };

/**
 * Sends queued notification e-mail (oldest first) and records each outcome on its row: 'sent' with
 * `sentAt`, or the error with one more attempt — 'failed' when the failure is permanent or attempts
 * reach `maxAttempts`, otherwise still 'queued' for the next run. `emailAttempts` counts every
 * attempt, the successful one included.
 *
 * Each message is claimed, sent and recorded in its own transaction (`for update skip locked`, so
 * workers on several machines never send the same row): a message that fails, or a crash halfway,
 * never undoes the outcomes already recorded, and the row lock is held for one send only — on the
 * embedded database a transaction blocks every other query in the process. When the server itself
 * is unavailable the run stops: the remaining messages would each wait for the same timeout, and
 * they keep their attempts for when it is back. Delivery is at least once: if recording an outcome
 * fails after the server accepted the message, it is sent again next run.
 *
 * A disabled recipient gets no e-mail: the row is marked 'failed' without sending.
 */
export async function deliverQueuedEmail(
  db: TDb,
  notifier: TNotifier,
  { batch = 50, maxAttempts = 5, now = new Date() }: TDeliverEmailOptions = {},
): Promise<TDeliverEmailCounts> {
  const counts: TDeliverEmailCounts = { sent: 0, retrying: 0, failed: 0 };
  // Rows handled in this run: one that stays queued after a temporary failure is not retried at once.
  const handled: string[] = [];
  while (handled.length < batch) {
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: notifications.id, subject: notifications.subject, body: notifications.body, attempts: notifications.emailAttempts, to: users.email, isDisabled: users.isDisabled })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.recipientId))
        .where(and(eq(notifications.emailStatus, 'queued'), handled.length ? notInArray(notifications.id, handled) : undefined))
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .limit(1)
        .for('update', { of: notifications, skipLocked: true });
      if (!row) return null;
      handled.push(row.id);
      const result: TDeliveryResult = row.isDisabled
        ? { ok: false, error: 'The recipient’s account is disabled.', retryable: false }
        : await sendSafely(notifier, { to: row.to, subject: row.subject, text: row.body });
      const attempts = row.attempts + 1;
      if (result.ok) {
        await tx.update(notifications).set({ emailStatus: 'sent', sentAt: now, emailAttempts: attempts, emailError: null }).where(eq(notifications.id, row.id));
        return { status: 'sent' as const, isUnavailable: false };
      }
      const status = !result.retryable || attempts >= maxAttempts ? ('failed' as const) : ('queued' as const);
      await tx.update(notifications).set({ emailStatus: status, emailAttempts: attempts, emailError: result.error }).where(eq(notifications.id, row.id));
      return { status, isUnavailable: result.isUnavailable === true };
    });
    if (!outcome) break;
    if (outcome.status === 'sent') counts.sent++;
    else if (outcome.status === 'failed') counts.failed++;
    else counts.retrying++;
    if (outcome.isUnavailable) break;
  }
  return counts;
}

/** Connectors return failures rather than throw; one that throws anyway must not lose the batch. */
async function sendSafely(notifier: TNotifier, message: TNotifierMessage): Promise<TDeliveryResult> {
  try {
    return await notifier.send(message);
  } catch (err) {
    console.error(`[patchward] notifier ${notifier.id} threw instead of returning a result:`, err);
    return { ok: false, error: err instanceof Error ? err.message : String(err), retryable: true };
  }
}
