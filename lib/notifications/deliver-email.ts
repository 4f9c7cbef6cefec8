import { and, asc, eq, lt, notInArray, or, sql } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { notifications, users } from '@/db/schema';
import type { TDeliveryResult, TNotifier, TNotifierMessage } from '@/lib/connectors/notifiers/types';

export type TDeliverEmailOptions = {
  /** At most this many messages per run. */
  batch?: number;
  /** A message that failed this many times (retryable or not) is given up as 'failed'. */
  maxAttempts?: number;
  /** Stamped as `sentAt` on the messages sent. */
  now?: Date;
};
export type TDeliverEmailCounts = { sent: number; retrying: number; failed: number };

/**
 * How old a claim must be before another run takes the message over: its worker stopped mid-send
 * (a crash, a deploy). Far above the SMTP timeouts, so a send that is merely slow is not taken over
 * while it still runs — which would send the message twice.
 */
const STALE_CLAIM_MS = 10 * 60_000;

const DISABLED_RECIPIENT = 'The recipient’s account is disabled.';

/** The next message of a run: claimed for sending, or settled as 'failed' in the claim itself. */
type TClaim = { id: string; isSettled: true } | { id: string; isSettled: false; claimedAt: Date; attempts: number; message: TNotifierMessage };

type TOutcome = { status: 'sent' | 'queued' | 'failed'; isUnavailable: boolean };

/**
 * Sends queued notification e-mail (oldest first) and records each outcome on its row: 'sent' with
 * `sentAt`, or the error — 'failed' when the failure is permanent or attempts reach `maxAttempts`,
 * otherwise 'queued' again for the next run. `emailAttempts` counts every attempt, the successful
 * one included. The counts are the outcomes this run recorded.
 *
 * Each message goes claim → send → record. The claim is a short transaction (`for update skip
 * locked`, so workers on several machines never claim the same row) that marks the row 'sending',
 * stamps `emailClaimedAt` and counts the attempt. The send runs with no transaction open: on the
 * embedded database an open transaction blocks every other query in the process, and an SMTP server
 * may take a whole timeout to answer. The outcome is then recorded only if the row still carries
 * this claim, so a run that took too long cannot overwrite the outcome of a newer one.
 *
 * A row left 'sending' by a worker that stopped mid-send is claimed again once the claim is stale
 * (STALE_CLAIM_MS); if that interrupted attempt was its last, it is failed instead: something in
 * sending it may be what stops the worker. When the server itself is unavailable the run stops: the
 * remaining messages would each wait for the same timeout, and they keep their attempts for when it
 * is back. Delivery is at least once: a message the server accepted is sent again if its outcome
 * could not be recorded (it stays 'sending' until the claim is stale).
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
    const claim = await claimNext(db, handled, maxAttempts);
    if (!claim) break;
    handled.push(claim.id);
    if (claim.isSettled) {
      counts.failed++;
      continue;
    }
    const result = await sendSafely(notifier, claim.message);
    const outcome = outcomeOf(result, claim.attempts, maxAttempts);
    if (await recordOutcome(db, claim, result, outcome.status, now)) {
      if (outcome.status === 'sent') counts.sent++;
      else if (outcome.status === 'failed') counts.failed++;
      else counts.retrying++;
    } else {
      console.warn(`[patchward] e-mail notification ${claim.id}: outcome '${outcome.status}' not recorded, the message was claimed again meanwhile`);
    }
    if (outcome.isUnavailable) break;
  }
  return counts;
}

/** Claims the oldest queued (or stale 'sending') message not handled yet; commits before returning. */
async function claimNext(db: TDb, handled: string[], maxAttempts: number): Promise<TClaim | null> {
  const claimedAt = new Date();
  const staleBefore = new Date(claimedAt.getTime() - STALE_CLAIM_MS);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: notifications.id,
        status: notifications.emailStatus,
        subject: notifications.subject,
        body: notifications.body,
        attempts: notifications.emailAttempts,
        // A contact's own address when the notification names one (customer contacts), else the account's.
        to: sql<string>`coalesce(${notifications.recipientEmail}, ${users.email})`,
        isDisabled: sql<boolean>`coalesce(${users.isDisabled}, false)`,
      })
      .from(notifications)
      .leftJoin(users, eq(users.id, notifications.recipientId))
      .where(
        and(
          or(eq(notifications.emailStatus, 'queued'), and(eq(notifications.emailStatus, 'sending'), lt(notifications.emailClaimedAt, staleBefore))),
          handled.length ? notInArray(notifications.id, handled) : undefined,
        ),
      )
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .limit(1)
      .for('update', { of: notifications, skipLocked: true });
    if (!row) return null;
    const byId = eq(notifications.id, row.id);
    if (row.isDisabled) {
      await tx
        .update(notifications)
        .set({ emailStatus: 'failed', emailAttempts: row.attempts + 1, emailError: DISABLED_RECIPIENT })
        .where(byId);
      return { id: row.id, isSettled: true };
    }
    if (row.status === 'sending' && row.attempts >= maxAttempts) {
      // The interrupted attempt was counted when it was claimed.
      const tried = row.attempts === 1 ? '1 attempt' : `${row.attempts} attempts`;
      await tx
        .update(notifications)
        .set({ emailStatus: 'failed', emailError: `Sending was interrupted; given up after ${tried}.` })
        .where(byId);
      return { id: row.id, isSettled: true };
    }
    const attempts = row.attempts + 1;
    await tx.update(notifications).set({ emailStatus: 'sending', emailClaimedAt: claimedAt, emailAttempts: attempts }).where(byId);
    return { id: row.id, isSettled: false, claimedAt, attempts, message: { to: row.to, subject: row.subject, text: row.body } };
  });
}

function outcomeOf(result: TDeliveryResult, attempts: number, maxAttempts: number): TOutcome {
  if (result.ok) return { status: 'sent', isUnavailable: false };
  const status = !result.retryable || attempts >= maxAttempts ? 'failed' : 'queued';
  return { status, isUnavailable: result.isUnavailable === true };
}

/** Records the outcome unless the row was claimed again meanwhile; says whether it did. */
async function recordOutcome(
  db: TDb,
  claim: Extract<TClaim, { isSettled: false }>,
  result: TDeliveryResult,
  status: TOutcome['status'],
  now: Date,
): Promise<boolean> {
  const values = result.ok ? { emailStatus: status, sentAt: now, emailError: null } : { emailStatus: status, emailError: result.error };
  const recorded = await db
    .update(notifications)
    .set(values)
    .where(and(eq(notifications.id, claim.id), eq(notifications.emailStatus, 'sending'), eq(notifications.emailClaimedAt, claim.claimedAt)))
    .returning({ id: notifications.id });
  return recorded.length > 0;
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
