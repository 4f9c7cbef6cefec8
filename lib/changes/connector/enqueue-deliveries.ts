import { sql } from 'drizzle-orm';
import { rawRows, type TDb } from '@/db/client';
import { changeConnectors, changeEvents, webhookDeliveries } from '@/db/schema';

/** Hands new delivery ids to the job queue (one job each); the use-cases and tests pass their own. */
export type TSendDeliveryJobs = (deliveryIds: string[]) => Promise<void>;

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
  const e = changeEvents;
  const c = changeConnectors;
  const d = webhookDeliveries;
  const onlyEvents = eventIds
    ? sql`and ${e.id} in (${sql.join(
        eventIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const onlySince = since ? sql`and ${e.at} >= ${since.toISOString()}::timestamptz` : sql``;
  const rows = await rawRows<{ id: string }>(
    db,
    sql`insert into ${d} (${sql.identifier(d.tenantId.name)}, ${sql.identifier(d.connectorId.name)}, ${sql.identifier(d.eventId.name)})
        select ${e.tenantId}, ${c.id}, ${e.id}
        from ${e}
        join ${c} on ${c.tenantId} = ${e.tenantId} and ${c.isEnabled} and ${c.kind} = 'webhook' and ${e.at} >= ${c.createdAt}
        where not exists (select 1 from ${d} where ${d.connectorId} = ${c.id} and ${d.eventId} = ${e.id}) ${onlyEvents} ${onlySince}
        order by ${e.id}, ${c.id}
        on conflict (${sql.identifier(d.connectorId.name)}, ${sql.identifier(d.eventId.name)}) do nothing
        returning ${sql.identifier(d.id.name)} as id`,
  );
  const ids = rows.map((r) => r.id);
  if (ids.length && send) await send(ids);
  return ids;
}
