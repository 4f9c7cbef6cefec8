import type PgBoss from 'pg-boss';
import type { TDb } from '@/db/client';
import { deliveryJobSender } from './delivery-jobs';
import { enqueueChangeEventDeliveries } from './enqueue-deliveries';

const NOT_STARTED = Symbol('not started');

/**
 * The queue this process runs, if it has started (lib/runtime/jobs.ts keeps its promise on
 * globalThis). Never started or awaited from here: a use-case in a test or a script has no queue,
 * and a change written while the queue is still starting — by the demo seed, which the queue's
 * start waits for — would wait for itself. Those events are the sweeper's.
 */
async function startedBoss(): Promise<PgBoss | null> {
  const running = (globalThis as { __patchwardBoss?: Promise<PgBoss> }).__patchwardBoss;
  if (!running) return null;
  // A settled promise wins the race against the marker placed after it; a pending one loses.
  const boss = await Promise.race([running, Promise.resolve(NOT_STARTED)]).catch(() => NOT_STARTED);
  return boss === NOT_STARTED ? null : (boss as PgBoss);
}

/**
 * Call after a change transition commits: creates the deliveries of its events and sends their jobs
 * now rather than at the next sweep. Without a started queue in this process it does nothing (the
 * per-minute sweeper finds the events). Never throws: the transition has committed, and the sweeper recovers.
 */
export async function kickChangeDeliveries(db: TDb, opts: { eventIds?: number[] } = {}): Promise<void> {
  try {
    const boss = await startedBoss();
    if (!boss) return;
    await enqueueChangeEventDeliveries(db, {
      eventIds: opts.eventIds,
      since: opts.eventIds ? undefined : new Date(Date.now() - 3600_000),
      send: deliveryJobSender(boss),
    });
  } catch (err) {
    console.error('[patchward] change webhook deliveries not enqueued now (the sweeper retries within a minute):', err);
  }
}
