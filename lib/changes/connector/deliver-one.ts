import { and, eq, sql } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { changeConnectors, changeEvents, changeRequests, webhookDeliveries } from '@/db/schema';
import { createChangeSystem } from '@/lib/connectors/change-systems/registry';
import { changeEventPayload } from '@/lib/connectors/change-systems/webhook';

/** Job retries after the first attempt (pg-boss `retryLimit`); the delivery is failed after the last. */
export const DELIVERY_RETRY_LIMIT = 5;
export const MAX_DELIVERY_ATTEMPTS = DELIVERY_RETRY_LIMIT + 1;

export type TDeliverOneOptions = { fetch?: typeof fetch; now?: Date; maxAttempts?: number; timeoutMs?: number };

/**
 * What became of the delivery: `delivered`; `queued` (failed, to be retried: the job throws);
 * `failed` (given up: last attempt, or the connector is disabled); `skipped` (nothing to do: already
 * settled, or gone with its connector).
 */
export type TDeliverOneResult = {
  status: 'delivered' | 'queued' | 'failed' | 'skipped';
  attempts: number;
  httpStatus: number | null;
  error: string | null;
};

const DISABLED = 'Not sent: the connector is disabled.';

/**
 * Sends one queued delivery: load → count the attempt (committed before sending) → POST with no
 * transaction open (the embedded database serialises every query of the process while one is) →
 * record the answer. The body is built from the event and the change as they are now, and signed
 * afresh on every attempt (its timestamp must be recent when the receiver checks it).
 */
export async function deliverOne(db: TDb, deliveryId: string, opts: TDeliverOneOptions = {}): Promise<TDeliverOneResult> {
  const maxAttempts = opts.maxAttempts ?? MAX_DELIVERY_ATTEMPTS;
  const [row] = await db
    .select({ delivery: webhookDeliveries, connector: changeConnectors, event: changeEvents, change: changeRequests })
    .from(webhookDeliveries)
    .innerJoin(changeConnectors, eq(changeConnectors.id, webhookDeliveries.connectorId))
    .innerJoin(changeEvents, eq(changeEvents.id, webhookDeliveries.eventId))
    .leftJoin(changeRequests, eq(changeRequests.id, changeEvents.changeId))
    .where(eq(webhookDeliveries.id, deliveryId));
  const skipped: TDeliverOneResult = { status: 'skipped', attempts: row?.delivery.attempts ?? 0, httpStatus: null, error: null };
  if (!row || row.delivery.status !== 'queued') return skipped;
  const queued = and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'queued'));
  if (!row.connector.isEnabled || row.connector.kind !== 'webhook') {
    const error = row.connector.isEnabled ? `Not sent: unknown connector kind "${row.connector.kind}".` : DISABLED;
    const settled = await db.update(webhookDeliveries).set({ status: 'failed', lastError: error }).where(queued).returning({ id: webhookDeliveries.id });
    return settled.length ? { status: 'failed', attempts: row.delivery.attempts, httpStatus: null, error } : skipped;
  }
  const [claim] = await db
    .update(webhookDeliveries)
    .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: opts.now ?? new Date() })
    .where(queued)
    .returning({ attempts: webhookDeliveries.attempts });
  if (!claim) return skipped;

  const now = opts.now ?? new Date();
  const body = JSON.stringify(changeEventPayload(deliveryId, { event: row.event, change: row.change }));
  const system = createChangeSystem({
    id: 'webhook',
    config: { url: row.connector.url, keyId: row.connector.keyId, secret: row.connector.secret },
    options: { fetch: opts.fetch, timeoutMs: opts.timeoutMs },
  });
  // A webhook client always has `send`; the guard keeps the type honest.
  const result = system.send ? await system.send({ deliveryId, event: row.event.type, body, now }) : null;

  if (result?.ok) {
    await db
      .update(webhookDeliveries)
      .set({ status: 'delivered', deliveredAt: new Date(), lastHttpStatus: result.httpStatus, lastError: null })
      .where(eq(webhookDeliveries.id, deliveryId));
    return { status: 'delivered', attempts: claim.attempts, httpStatus: result.httpStatus, error: null };
  }
  const error = result?.error ?? 'The connector cannot send.';
  const httpStatus = result?.httpStatus ?? null;
  const status = claim.attempts >= maxAttempts || result?.retryable === false || !result ? 'failed' : 'queued';
  await db.update(webhookDeliveries).set({ status, lastHttpStatus: httpStatus, lastError: error }).where(queued);
  return { status, attempts: claim.attempts, httpStatus, error };
}
