import type PgBoss from 'pg-boss';
import type { TDb } from '@/db/client';
import { deliveryJobSender } from './delivery-jobs';
import { enqueueChangeEventDeliveries } from './enqueue-deliveries';

/**
 * The queue this process runs, if it started one (lib/runtime/jobs.ts keeps it on globalThis). Read,
 * never started from here: a use-case in a test or a script has no queue, and must not start one.
 */
function runningBoss(): Promise<PgBoss> | undefined {
  return (globalThis as { __patchwardBoss?: Promise<PgBoss> }).__patchwardBoss;
}

/**
 * Call after a change transition commits: creates the deliveries of its events and sends their jobs
 * now rather than at the next sweep. Without a queue in this process it does nothing (the per-minute
 * sweeper finds the events). Never throws: the transition has committed, and the sweeper recovers.
 */
export async function kickChangeDeliveries(db: TDb, opts: { eventIds?: number[] } = {}): Promise<void> {
  const running = runningBoss();
  if (!running) return;
  try {
    const boss = await running;
    await enqueueChangeEventDeliveries(db, {
      eventIds: opts.eventIds,
      since: opts.eventIds ? undefined : new Date(Date.now() - 3600_000),
      send: deliveryJobSender(boss),
    });
  } catch (err) {
    console.error('[patchward] change webhook deliveries not enqueued now (the sweeper retries within a minute):', err);
  }
}
