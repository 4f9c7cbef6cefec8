import { and, asc, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { webhookDeliveries } from '@/db/schema';
import { QUEUES } from '@/lib/jobs/boss';
import { deliverOne, DELIVERY_RETRY_LIMIT } from './deliver-one';
import { enqueueChangeEventDeliveries, SWEEP_LOOKBACK_MS, type TSendDeliveryJobs } from './enqueue-deliveries';

export const ZDeliverChangeEventJob = z.object({ deliveryId: z.string().uuid() });

/**
 * A queued delivery untouched this long has lost its job (a crash between commit and send, an
 * expired job): far above the longest backoff between retries (30 s × 2^5 ≈ 16 min).
 */
const ORPHAN_AFTER_MS = 30 * 60_000;
const SWEEP_BATCH = 500;

/**
 * One job per delivery, its id the delivery's id: sending the same delivery twice while its job
 * lives is a no-op (pg-boss inserts jobs with ON CONFLICT DO NOTHING), so the sweeper may re-send.
 */
export function deliveryJobSender(boss: PgBoss): TSendDeliveryJobs {
  return async (ids) => {
    for (const deliveryId of ids) {
      await boss.send(QUEUES.deliverChangeEvent, { deliveryId }, { id: deliveryId, retryLimit: DELIVERY_RETRY_LIMIT, retryDelay: 30, retryBackoff: true });
    }
  };
}

/** The job: one attempt; a failure to retry throws, so pg-boss retries it with backoff. */
export async function runDeliveryJob(db: TDb, data: unknown): Promise<void> {
  const { deliveryId } = ZDeliverChangeEventJob.parse(data);
  const result = await deliverOne(db, deliveryId);
  if (result.status === 'queued') throw new Error(`change webhook delivery ${deliveryId}, attempt ${result.attempts}: ${result.error}`);
  if (result.status === 'failed')
    console.warn(`[patchward] change webhook delivery ${deliveryId} given up after ${result.attempts} attempt(s): ${result.error}`);
}

/**
 * Every minute: deliveries for recent events that have none yet (their use-case's kick did not run:
 * no queue in that process, or a crash after the commit), and a job again for queued deliveries
 * whose job was lost. Returns how many of each.
 */
export async function sweepChangeDeliveries(db: TDb, send: TSendDeliveryJobs, now = new Date()): Promise<{ created: number; resent: number }> {
  const created = await enqueueChangeEventDeliveries(db, { since: new Date(now.getTime() - SWEEP_LOOKBACK_MS), send });
  const idleBefore = new Date(now.getTime() - ORPHAN_AFTER_MS);
  const orphans = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'queued'),
        sql`coalesce(${webhookDeliveries.lastAttemptAt}, ${webhookDeliveries.createdAt}) < ${idleBefore.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(webhookDeliveries.createdAt))
    .limit(SWEEP_BATCH);
  if (orphans.length) await send(orphans.map((o) => o.id));
  return { created: created.length, resent: orphans.length };
}
