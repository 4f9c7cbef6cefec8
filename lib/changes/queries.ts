import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applications, changeAssets, changePatches, changeRequests, tenants, users } from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';
import { CHANGE_STATES, CHANGE_TYPES, RISK_LEVELS } from '@/lib/domain/change';
import { likePattern, listQuerySchema } from '@/lib/list-query';

/** Human number of a change: CHG-001234. */
export const changeNumber = (n: number) => `CHG-${String(n).padStart(6, '0')}`;

/** "CHG-1234", "chg001234" or "1234": the number a search names, or null. */
export function parseChangeNumber(q: string): number | null {
  const m = /^(?:chg-?)?0*(\d{1,12})$/i.exec(q.trim());
  return m ? Number(m[1]) : null;
}

const CHANGE_SORTS = ['number', 'planned', 'risk', 'state'] as const;
const listQuery = listQuerySchema(CHANGE_SORTS, 'number');
export const ZChangeListQuery = listQuery.extend({
  // Newest change first unless the URL asks for another valid order.
  sort: listQuery.shape.sort.unwrap().catch({ id: 'number', desc: true }),
  /** A tenant id or slug (among the actor's tenants; another one matches nothing). */
  tenant: z.string().trim().min(1).max(100).optional().catch(undefined),
  state: z.enum(CHANGE_STATES).optional().catch(undefined),
  type: z.enum(CHANGE_TYPES).optional().catch(undefined),
  risk: z.enum(RISK_LEVELS).optional().catch(undefined),
});
export type TChangeListQuery = z.infer<typeof ZChangeListQuery>;

/** Lifecycle order of the states, so "sort by state" reads draft → … → closed instead of alphabetically. */
const STATE_ORDER = sql.raw(`array_position(array[${CHANGE_STATES.map((s) => `'${s}'`).join(',')}]::text[], "change_requests"."state")`);

const sortColumn: Record<(typeof CHANGE_SORTS)[number], SQL> = {
  number: sql`${changeRequests.number}`,
  planned: sql`${changeRequests.plannedStart}`,
  risk: sql`${changeRequests.riskScore}`,
  state: STATE_ORDER,
};

export type TTenantOption = { id: string; slug: string; name: string };

/** The tenants whose changes the actor reads, by name (filters, the generate form, the calendar). */
export function changeTenants(actor: TActor, permission: 'change:read' | 'change:request' | 'change:operate' = 'change:read'): TTenantOption[] {
  if (actor.kind !== 'user') return [];
  const ids = new Set(tenantsWith(actor, permission));
  const byId = new Map(
    actor.memberships.filter((m) => ids.has(m.tenantId)).map((m) => [m.tenantId, { id: m.tenantId, slug: m.tenantSlug, name: m.tenantName }]),
  );
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A tenant named by id or slug among `options`; undefined when it is none of them. */
export const pickChangeTenant = (options: TTenantOption[], idOrSlug: string | undefined) =>
  idOrSlug ? options.find((t) => t.id === idOrSlug || t.slug === idOrSlug) : undefined;

/** The columns of a change in a list (the list, the inbox, the calendar). */
export const changeListColumns = {
  id: changeRequests.id,
  number: changeRequests.number,
  title: changeRequests.title,
  type: changeRequests.type,
  state: changeRequests.state,
  tenantId: changeRequests.tenantId,
  tenantName: tenants.name,
  tenantSlug: tenants.slug,
  ring: changeRequests.ring,
  applicationName: applications.name,
  plannedStart: changeRequests.plannedStart,
  plannedEnd: changeRequests.plannedEnd,
  riskScore: changeRequests.riskScore,
  riskLevel: changeRequests.riskLevel,
  approvalDueAt: changeRequests.approvalDueAt,
  version: changeRequests.version,
  assetCount: sql<number>`(select count(*)::int from ${changeAssets} where ${changeAssets.changeId} = ${changeRequests.id})`,
  patchCount: sql<number>`(select count(*)::int from ${changePatches} where ${changePatches.changeId} = ${changeRequests.id})`,
  conflictCount: sql<number>`coalesce(jsonb_array_length(${changeRequests.conflicts}), 0)`,
  requestedByName: users.name,
  createdAt: changeRequests.createdAt,
};

export type TChangeListRow = {
  id: string;
  number: number;
  title: string;
  type: string;
  state: string;
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  ring: string | null;
  applicationName: string | null;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  riskScore: number;
  riskLevel: string;
  approvalDueAt: Date | null;
  version: number;
  assetCount: number;
  patchCount: number;
  conflictCount: number;
  requestedByName: string | null;
  createdAt: Date;
};

/** The filters of the list as SQL, inside the actor's tenants. */
function listWhere(tenantIds: string[], query: Omit<TChangeListQuery, 'page' | 'size' | 'sort'>, tenantId: string | null): SQL {
  const where: SQL[] = [inArray(changeRequests.tenantId, tenantIds)];
  if (tenantId) where.push(eq(changeRequests.tenantId, tenantId));
  if (query.state) where.push(eq(changeRequests.state, query.state));
  if (query.type) where.push(eq(changeRequests.type, query.type));
  if (query.risk) where.push(eq(changeRequests.riskLevel, query.risk));
  if (query.q) {
    const n = parseChangeNumber(query.q);
    const title = ilike(changeRequests.title, likePattern(query.q));
    where.push(n !== null ? (or(eq(changeRequests.number, n), title) as SQL) : title);
  }
  return and(...where) as SQL;
}

/**
 * The change requests the actor reads, filtered, sorted and paged in SQL; with the tenants to filter by
 * and counts per state over all of the actor's changes (filters aside), so the page can tell "none
 * yet" from "none match" and show what awaits approval. `onlyIds` narrows it to a set (the "waiting for
 * me" inbox), still filtered, sorted and paged in SQL.
 */
export async function findChanges(db: TDb, actor: TActor, query: TChangeListQuery, opts: { onlyIds?: string[] } = {}) {
  const tenantOptions = changeTenants(actor);
  const tenantIds = tenantOptions.map((t) => t.id);
  const empty = {
    rows: [] as TChangeListRow[],
    total: 0,
    page: query.page,
    size: query.size,
    tenants: tenantOptions,
    byState: {} as Record<string, number>,
    all: 0,
  };
  if (tenantIds.length === 0) return empty;
  const picked = query.tenant ? pickChangeTenant(tenantOptions, query.tenant) : undefined;
  // A tenant outside the actor's: nothing, not an error that leaks it. An inbox with no ids: nothing.
  if ((query.tenant && !picked) || opts.onlyIds?.length === 0) return empty;
  const where = listWhere(tenantIds, query, picked?.id ?? null);
  const cond = opts.onlyIds ? (and(where, inArray(changeRequests.id, opts.onlyIds)) as SQL) : where;
  const col = sortColumn[query.sort.id];
  const order = query.sort.desc ? sql`${col} desc nulls last` : sql`${col} asc nulls last`;
  const [rows, [{ total }], states] = await Promise.all([
    db
      .select(changeListColumns)
      .from(changeRequests)
      .innerJoin(tenants, eq(tenants.id, changeRequests.tenantId))
      .leftJoin(applications, eq(applications.id, changeRequests.applicationId))
      .leftJoin(users, eq(users.id, changeRequests.requestedBy))
      .where(cond)
      .orderBy(order, desc(changeRequests.number))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(changeRequests).where(cond),
    db
      .select({ state: changeRequests.state, n: count() })
      .from(changeRequests)
      .where(inArray(changeRequests.tenantId, tenantIds))
      .groupBy(changeRequests.state),
  ]);
  const byState = Object.fromEntries(states.map((s) => [s.state, s.n]));
  return {
    rows: rows as TChangeListRow[],
    total,
    page: query.page,
    size: query.size,
    tenants: tenantOptions,
    byState,
    all: states.reduce((s, x) => s + x.n, 0),
  };
}

/** Changes by id, in the list's shape, inside the actor's tenants (the inbox pages ids it found itself). */
export async function findChangeRowsByIds(db: TDb, actor: TActor, ids: string[]): Promise<TChangeListRow[]> {
  const tenantIds = tenantsWith(actor, 'change:read');
  if (ids.length === 0 || tenantIds.length === 0) return [];
  const rows = await db
    .select(changeListColumns)
    .from(changeRequests)
    .innerJoin(tenants, eq(tenants.id, changeRequests.tenantId))
    .leftJoin(applications, eq(applications.id, changeRequests.applicationId))
    .leftJoin(users, eq(users.id, changeRequests.requestedBy))
    .where(and(inArray(changeRequests.id, ids), inArray(changeRequests.tenantId, tenantIds)))
    .orderBy(asc(changeRequests.number));
  return rows as TChangeListRow[];
}
