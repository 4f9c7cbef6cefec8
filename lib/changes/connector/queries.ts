import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { changeConnectors, changeEvents, changeRequests, tenants, webhookDeliveries } from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';
import { parseChangeNumber } from '@/lib/changes/queries';
import { likePattern, listQuerySchema } from '@/lib/list-query';
import type { TPublicConnector } from './load-connector';

export const DELIVERY_STATUSES = ['queued', 'delivered', 'failed'] as const;

const listQuery = listQuerySchema(['created'] as const, 'created');
/** The delivery log's URL: newest first, paged; filter by status and connector within the selected tenant. */
export const ZDeliveryListQuery = listQuery.extend({
  sort: listQuery.shape.sort.unwrap().catch({ id: 'created', desc: true }),
  tenant: z.string().max(100).optional().catch(undefined),
  status: z.enum(DELIVERY_STATUSES).optional().catch(undefined),
  connector: z.string().uuid().optional().catch(undefined),
});
export type TDeliveryListQuery = z.infer<typeof ZDeliveryListQuery>;

export type TConnectorOverview = {
  tenant: { id: string; slug: string; name: string };
  connectors: (TPublicConnector & { counts: Record<(typeof DELIVERY_STATUSES)[number], number> })[];
};

/** The tenants the actor administers, each with its connectors (never their secrets) and delivery counts per status. */
export async function findChangeConnectors(db: TDb, actor: TActor): Promise<TConnectorOverview[]> {
  const ids = tenantsWith(actor, 'tenant:admin');
  if (ids.length === 0) return [];
  const [tenantRows, connectorRows, countRows] = await Promise.all([
    db.select({ id: tenants.id, slug: tenants.slug, name: tenants.name }).from(tenants).where(inArray(tenants.id, ids)).orderBy(tenants.name),
    db
      .select({
        id: changeConnectors.id,
        tenantId: changeConnectors.tenantId,
        kind: changeConnectors.kind,
        name: changeConnectors.name,
        url: changeConnectors.url,
        keyId: changeConnectors.keyId,
        isEnabled: changeConnectors.isEnabled,
        createdBy: changeConnectors.createdBy,
        createdAt: changeConnectors.createdAt,
      })
      .from(changeConnectors)
      .where(inArray(changeConnectors.tenantId, ids))
      .orderBy(changeConnectors.name),
    db
      .select({ connectorId: webhookDeliveries.connectorId, status: webhookDeliveries.status, n: count() })
      .from(webhookDeliveries)
      .where(inArray(webhookDeliveries.tenantId, ids))
      .groupBy(webhookDeliveries.connectorId, webhookDeliveries.status),
  ]);
  return tenantRows.map((tenant) => ({
    tenant,
    connectors: connectorRows
      .filter((c) => c.tenantId === tenant.id)
      .map((c) => {
        const counts = { queued: 0, delivered: 0, failed: 0 };
        for (const r of countRows) if (r.connectorId === c.id && r.status in counts) counts[r.status as keyof typeof counts] = r.n;
        return { ...c, counts };
      }),
  }));
}

/**
 * One tenant's delivery log, newest first, paged in SQL: each delivery with its connector, event and
 * change. Empty for a tenant the actor does not administer.
 */
export async function findWebhookDeliveries(db: TDb, actor: TActor, tenantId: string, query: TDeliveryListQuery) {
  const empty = { rows: [], total: 0, page: query.page, size: query.size };
  if (!tenantsWith(actor, 'tenant:admin').includes(tenantId)) return empty;
  const where: SQL[] = [eq(webhookDeliveries.tenantId, tenantId)];
  if (query.status) where.push(eq(webhookDeliveries.status, query.status));
  if (query.connector) where.push(eq(webhookDeliveries.connectorId, query.connector));
  if (query.q) {
    // A change number ("CHG-1234", "1234") or words of its title.
    const n = parseChangeNumber(query.q);
    where.push(or(ilike(changeRequests.title, likePattern(query.q)), n === null ? undefined : eq(changeRequests.number, n)) as SQL);
  }
  const cond = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: webhookDeliveries.id,
        status: webhookDeliveries.status,
        attempts: webhookDeliveries.attempts,
        lastHttpStatus: webhookDeliveries.lastHttpStatus,
        lastError: webhookDeliveries.lastError,
        createdAt: webhookDeliveries.createdAt,
        lastAttemptAt: webhookDeliveries.lastAttemptAt,
        deliveredAt: webhookDeliveries.deliveredAt,
        connectorName: changeConnectors.name,
        event: changeEvents.type,
        eventAt: changeEvents.at,
        changeId: changeRequests.id,
        changeNumber: changeRequests.number,
        changeTitle: changeRequests.title,
      })
      .from(webhookDeliveries)
      .innerJoin(changeConnectors, eq(changeConnectors.id, webhookDeliveries.connectorId))
      .innerJoin(changeEvents, eq(changeEvents.id, webhookDeliveries.eventId))
      // Tenant events (the customer digest) have no change.
      .leftJoin(changeRequests, eq(changeRequests.id, changeEvents.changeId))
      .where(cond)
      .orderBy(
        ...(query.sort.desc
          ? [desc(webhookDeliveries.createdAt), desc(webhookDeliveries.eventId)]
          : [asc(webhookDeliveries.createdAt), asc(webhookDeliveries.eventId)]),
        asc(webhookDeliveries.id),
      )
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(webhookDeliveries)
      .innerJoin(changeEvents, eq(changeEvents.id, webhookDeliveries.eventId))
      .leftJoin(changeRequests, eq(changeRequests.id, changeEvents.changeId))
      .where(cond),
  ]);
  return { rows, total, page: query.page, size: query.size };
}
