import { sql } from 'drizzle-orm';
import { rawRows, type TDb } from '@/db/client';
import { changeConnectors, changeEvents, webhookDeliveries } from '@/db/schema';

/** Hands new delivery ids to the job queue (one job each); the use-cases and tests pass their own. */
export type TSendDeliveryJobs = (deliveryIds: string[]) => Promise<void>;

/** How far back the sweeper looks for events without deliveries (a worker down longer loses them). */
export const SWEEP_LOOKBACK_MS = 24 * 3600_000;

export type TEnqueueOptions = {
  /** Only these events; otherwise every event without its deliveries yet. */
  eventIds?: number[];
  /** Only events at or after this instant (the sweeper looks back a bounded time). */
  since?: Date;
  /** Called with the ids of the rows this call inserted; nothing is sent without it. */
  send?: TSendDeliveryJobs;
};

/**
 * Set-based: one delivery row per (event × enabled webhook connector of the event's tenant) that
 * does not exist yet, in one INSERT … SELECT. A connector receives only events from its creation on.
 * Concurrent callers (the use-case's kick and the sweeper) cannot create a delivery twice: the unique
 * (connector, event) index and ON CONFLICT DO NOTHING leave the second caller nothing to send.
 * Returns the new delivery ids, after handing them to `send`.
 */
export async function enqueueChangeEventDeliveries(db: TDb, { eventIds, since, send }: TEnqueueOptions = {}): Promise<string[]> {
  if (eventIds && eventIds.length === 0) return [];
  const ids = await insertDeliveries(db, { eventIds, since });
  if (ids.length && send) await send(ids);
  return ids;
}

export const MISSED_WHILE_DISABLED = 'Not sent: the connector was disabled when this event happened.';

/**
 * Called in the transaction that enables a connector again: the events it missed while disabled
 * (within the sweeper's look-back, which would otherwise send them now) are logged as failed, not sent.
 */
export async function skipEventsMissedWhileDisabled(tx: TDb, connectorId: string, now = new Date()): Promise<number> {
  const rows = await insertDeliveries(tx, { since: new Date(now.getTime() - SWEEP_LOOKBACK_MS), connectorId, failedWith: MISSED_WHILE_DISABLED });
  return rows.length;
}

type TInsertOptions = { eventIds?: number[]; since?: Date; connectorId?: string; failedWith?: string };

async function insertDeliveries(db: TDb, { eventIds, since, connectorId, failedWith }: TInsertOptions): Promise<string[]> {
  const e = changeEvents;
  const c = changeConnectors;
  const d = webhookDeliveries;
  const col = (name: string) => sql.identifier(name);
  const onlyEvents = eventIds
    ? sql`and ${e.id} in (${sql.join(
        eventIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const onlySince = since ? sql`and ${e.at} >= ${since.toISOString()}::timestamptz` : sql``;
  const onlyConnector = connectorId ? sql`and ${c.id} = ${connectorId}` : sql``;
  const status = failedWith === undefined ? sql`'queued'` : sql`'failed'`;
  const rows = await rawRows<{ id: string }>(
    db,
    sql`insert into ${d} (${col(d.tenantId.name)}, ${col(d.connectorId.name)}, ${col(d.eventId.name)}, ${col(d.status.name)}, ${col(d.lastError.name)})
        select ${e.tenantId}, ${c.id}, ${e.id}, ${status}, ${failedWith ?? null}::text
        from ${e}
        join ${c} on ${c.tenantId} = ${e.tenantId} and ${c.isEnabled} and ${c.kind} = 'webhook' and ${e.at} >= ${c.createdAt} ${onlyConnector}
        where not exists (select 1 from ${d} where ${d.connectorId} = ${c.id} and ${d.eventId} = ${e.id}) ${onlyEvents} ${onlySince}
        order by ${e.id}, ${c.id}
        on conflict (${col(d.connectorId.name)}, ${col(d.eventId.name)}) do nothing
        returning ${col(d.id.name)} as id`,
  );
  return rows.map((r) => r.id);
}
