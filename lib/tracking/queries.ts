import { aliasedTable, and, asc, count, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applications, patches, resolverGroups, tenants, trackingRecords } from '@/db/schema';
import { rolesIn, type TActor } from '@/lib/auth/permissions';
import { SEVERITIES } from '@/lib/domain/types';
import { uuidArray } from '@/lib/intake/assess';
import { likePattern, listQuerySchema, type TPage } from '@/lib/list-query';
import { AppError } from '@/lib/errors';

export const TRACKING_STATES = ['open', 'in_change', 'remediated', 'excepted', 'closed'] as const;
export const QUEUE_VIEWS = ['active', 'overdue', 'closed'] as const;
const QUEUE_SORTS = ['due', 'severity', 'opened', 'assets', 'patch'] as const;

export const ZQueueQuery = listQuerySchema(QUEUE_SORTS, 'due').extend({
  view: z.enum(QUEUE_VIEWS).catch('active'),
  state: z.enum(['open', 'in_change']).optional().catch(undefined),
  tenant: z.string().uuid().optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
});
export type TQueueQuery = z.infer<typeof ZQueueQuery>;

export type TQueueRow = {
  id: string;
  tenantName: string;
  patchId: string;
  vendorId: string;
  title: string;
  severity: string;
  isKev: boolean;
  applicationName: string | null;
  groupName: string | null;
  state: string;
  dueAt: Date;
  assetCount: number;
  openedAt: Date;
  closedAt: Date | null;
  isOverdue: boolean;
};

const severityRank = sql<number>`array_position(array['critical','high','medium','low','none']::severity[], ${patches.severity})`;

/** Tenants the actor holds any role in: the walls of every tracking read. */
function myTenantIds(actor: TActor): string[] {
  return actor.kind === 'user' ? [...new Set(actor.memberships.map((m) => m.tenantId))] : [];
}

/**
 * The records assigned to the actor: a member of the record's resolver group; the application's
 * owner when the record has no group; security of the tenant for a record with no application and
 * no group. Only in tenants where the actor still holds a role.
 */
function assignedToSql(actor: TActor & { kind: 'user' }): SQL {
  const security = actor.memberships.filter((m) => m.role === 'security').map((m) => m.tenantId);
  return sql`(${trackingRecords.tenantId} = any(${uuidArray(myTenantIds(actor))}::uuid[]) and (
    exists (select 1 from resolver_group_members m where m.group_id = ${trackingRecords.resolverGroupId} and m.user_id = ${actor.userId})
    or (${trackingRecords.resolverGroupId} is null and ${trackingRecords.applicationId} is not null and ${applications.ownerId} = ${actor.userId})
    or (${trackingRecords.resolverGroupId} is null and ${trackingRecords.applicationId} is null
        and ${trackingRecords.tenantId} = any(${uuidArray(security)}::uuid[]))))`;
}

/** "My queue": the actor's tracking records, by due date (the soonest first), paged, sorted and filtered. */
export async function findMyQueue(db: TDb, actor: TActor, query: TQueueQuery, now = new Date()): Promise<TPage<TQueueRow>> {
  if (actor.kind !== 'user') return { rows: [], total: 0, page: query.page, size: query.size };
  const at = sql`${now.toISOString()}::timestamptz`;
  const where: SQL[] = [assignedToSql(actor)];
  if (query.view === 'closed') where.push(eq(trackingRecords.state, 'closed'));
  else where.push(ne(trackingRecords.state, 'closed'));
  if (query.view === 'overdue') where.push(sql`${trackingRecords.dueAt} < ${at}`);
  if (query.state && query.view !== 'closed') where.push(eq(trackingRecords.state, query.state));
  if (query.tenant) where.push(eq(trackingRecords.tenantId, query.tenant));
  if (query.severity) where.push(eq(patches.severity, query.severity));
  if (query.q) {
    const p = likePattern(query.q);
    where.push(or(ilike(patches.vendorId, p), ilike(patches.title, p), ilike(applications.name, p)) as SQL);
  }
  const cond = and(...where);
  const d = query.sort.desc;
  const dir = (c: unknown, isDesc: boolean) => (isDesc ? sql`${c} desc nulls last` : sql`${c} asc nulls last`);
  const order: SQL[] = {
    due: [dir(trackingRecords.dueAt, d), desc(patches.isKev), severityRank],
    severity: [desc(patches.isKev), dir(severityRank, d), asc(trackingRecords.dueAt)],
    // Newest first when "ascending", like the other date columns; most assets first likewise.
    opened: [dir(trackingRecords.openedAt, !d)],
    assets: [dir(trackingRecords.assetCount, !d), asc(trackingRecords.dueAt)],
    patch: [dir(patches.vendorId, d)],
  }[query.sort.id];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: trackingRecords.id,
        tenantName: tenants.name,
        patchId: patches.id,
        vendorId: patches.vendorId,
        title: patches.title,
        severity: patches.severity,
        isKev: patches.isKev,
        applicationName: applications.name,
        groupName: resolverGroups.name,
        state: trackingRecords.state,
        dueAt: trackingRecords.dueAt,
        assetCount: trackingRecords.assetCount,
        openedAt: trackingRecords.openedAt,
        closedAt: trackingRecords.closedAt,
        isOverdue: sql<boolean>`(${trackingRecords.state} <> 'closed' and ${trackingRecords.dueAt} < ${at})`,
      })
      .from(trackingRecords)
      .innerJoin(patches, eq(patches.id, trackingRecords.patchId))
      .leftJoin(applications, eq(applications.id, trackingRecords.applicationId))
      .leftJoin(resolverGroups, eq(resolverGroups.id, trackingRecords.resolverGroupId))
      .innerJoin(tenants, eq(tenants.id, trackingRecords.tenantId))
      .where(cond)
      .orderBy(...order, asc(patches.vendorId), asc(trackingRecords.id))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db
      .select({ total: count() })
      .from(trackingRecords)
      .innerJoin(patches, eq(patches.id, trackingRecords.patchId))
      .leftJoin(applications, eq(applications.id, trackingRecords.applicationId))
      .where(cond),
  ]);
  return { rows: rows as TQueueRow[], total, page: query.page, size: query.size };
}

/** The tenants of the actor's queue filter. */
export async function queueTenants(db: TDb, actor: TActor): Promise<{ id: string; name: string }[]> {
  const ids = myTenantIds(actor);
  if (ids.length === 0) return [];
  return db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(inArray(tenants.id, ids)).orderBy(tenants.name);
}

/**
 * One tracking record with its patch, application and group. Tenants are walls: a record of a
 * tenant the actor holds no role in is not found, like a missing one.
 */
export async function getTrackingRecord(db: TDb, actor: TActor, id: string) {
  const parsed = z.string().uuid().safeParse(id);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'Tracking record not found.');
  const owner = aliasedTable(applications, 'owner_app');
  const [row] = await db
    .select({
      record: trackingRecords,
      tenantName: tenants.name,
      patch: { id: patches.id, vendorId: patches.vendorId, title: patches.title, severity: patches.severity, isKev: patches.isKev, cves: patches.cves },
      application: { id: owner.id, name: owner.name, ownerId: owner.ownerId },
      groupName: resolverGroups.name,
    })
    .from(trackingRecords)
    .innerJoin(tenants, eq(tenants.id, trackingRecords.tenantId))
    .innerJoin(patches, eq(patches.id, trackingRecords.patchId))
    .leftJoin(owner, eq(owner.id, trackingRecords.applicationId))
    .leftJoin(resolverGroups, eq(resolverGroups.id, trackingRecords.resolverGroupId))
    .where(eq(trackingRecords.id, parsed.data));
  if (!row || rolesIn(actor, row.record.tenantId).length === 0) throw new AppError('NOT_FOUND', 'Tracking record not found.');
  return { ...row, application: row.application?.id ? row.application : null };
}
export type TTrackingRecordView = Awaited<ReturnType<typeof getTrackingRecord>>;
