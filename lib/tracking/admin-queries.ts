import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applications, cabMembers, memberships, resolverGroupMembers, resolverGroups, tenants, users } from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';
import { likePattern, listQuerySchema, type TPage } from '@/lib/list-query';
import { requireTenantAdmin } from './admin-guard';

export type TAdminTenant = { id: string; slug: string; name: string };

/** Tenants the actor administers, by name (the admin pages' tenant picker). */
export async function findAdminTenants(db: TDb, actor: TActor): Promise<TAdminTenant[]> {
  const ids = tenantsWith(actor, 'tenant:admin');
  if (ids.length === 0) return [];
  return db.select({ id: tenants.id, slug: tenants.slug, name: tenants.name }).from(tenants).where(inArray(tenants.id, ids)).orderBy(tenants.name);
}

/** Users holding any role in the tenant, for member pickers. */
export async function findTenantUsers(db: TDb, actor: TActor, tenantId: string): Promise<{ id: string; label: string }[]> {
  requireTenantAdmin(actor, tenantId);
  const rows = await db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, tenantId)))
    .orderBy(users.name, users.email);
  return rows.map((u) => ({ id: u.id, label: `${u.name} <${u.email}>` }));
}

/** The tenant's applications, with whether each already has its resolver group. */
export async function findTenantApplications(db: TDb, actor: TActor, tenantId: string) {
  requireTenantAdmin(actor, tenantId);
  return db
    .select({ id: applications.id, name: applications.name, hasGroup: sql<boolean>`${resolverGroups.id} is not null` })
    .from(applications)
    .leftJoin(resolverGroups, and(eq(resolverGroups.tenantId, tenantId), eq(resolverGroups.applicationId, applications.id)))
    .where(eq(applications.tenantId, tenantId))
    .orderBy(applications.name);
}

export const ZGroupListQuery = listQuerySchema(['name', 'application', 'members', 'records'] as const, 'name');
export type TGroupListQuery = z.infer<typeof ZGroupListQuery>;

export type TGroupRow = {
  id: string;
  name: string;
  applicationId: string | null;
  applicationName: string | null;
  members: { id: string; name: string }[];
  openRecords: number;
};

/** The tenant's resolver groups with their members and open records, paged, sorted and searched (group or application name). */
export async function findResolverGroups(db: TDb, actor: TActor, tenantId: string, query: TGroupListQuery): Promise<TPage<TGroupRow>> {
  requireTenantAdmin(actor, tenantId);
  const where: SQL[] = [eq(resolverGroups.tenantId, tenantId)];
  if (query.q) where.push(or(ilike(resolverGroups.name, likePattern(query.q)), ilike(applications.name, likePattern(query.q))) as SQL);
  const cond = and(...where);
  const memberCount = sql<number>`(select count(*)::int from ${resolverGroupMembers} m where m.group_id = ${resolverGroups.id})`;
  const openRecords = sql<number>`(select count(*)::int from tracking_records tr where tr.resolver_group_id = ${resolverGroups.id} and tr.state <> 'closed')`;
  const col = { name: resolverGroups.name, application: applications.name, members: memberCount, records: openRecords }[query.sort.id];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: resolverGroups.id,
        name: resolverGroups.name,
        applicationId: resolverGroups.applicationId,
        applicationName: applications.name,
        members: sql<{ id: string; name: string }[]>`coalesce((select jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name) order by u.name)
          from ${resolverGroupMembers} m join ${users} u on u.id = m.user_id where m.group_id = ${resolverGroups.id}), '[]'::jsonb)`,
        openRecords,
      })
      .from(resolverGroups)
      .leftJoin(applications, eq(applications.id, resolverGroups.applicationId))
      .where(cond)
      .orderBy(query.sort.desc ? sql`${col} desc nulls last` : sql`${col} asc nulls first`, asc(resolverGroups.name))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(resolverGroups).leftJoin(applications, eq(applications.id, resolverGroups.applicationId)).where(cond),
  ]);
  return { rows, total, page: query.page, size: query.size };
}

export const ZCabListQuery = listQuerySchema(['name', 'added'] as const, 'name');
export type TCabListQuery = z.infer<typeof ZCabListQuery>;
export type TCabRow = { userId: string; name: string; email: string; roles: string[]; addedAt: Date };

/** The tenant's CAB members with their roles there, paged, sorted and searched (name or e-mail). */
export async function findCabMembers(db: TDb, actor: TActor, tenantId: string, query: TCabListQuery): Promise<TPage<TCabRow>> {
  requireTenantAdmin(actor, tenantId);
  const where: SQL[] = [eq(cabMembers.tenantId, tenantId)];
  if (query.q) where.push(or(ilike(users.name, likePattern(query.q)), ilike(users.email, likePattern(query.q))) as SQL);
  const cond = and(...where);
  // Newest first when "ascending", like the other date columns.
  const order =
    query.sort.id === 'added' ? (query.sort.desc ? asc(cabMembers.addedAt) : desc(cabMembers.addedAt)) : query.sort.desc ? desc(users.name) : asc(users.name);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        roles: sql<string[]>`array(select m.role::text from ${memberships} m where m.user_id = ${users.id} and m.tenant_id = ${tenantId} order by 1)`,
        addedAt: cabMembers.addedAt,
      })
      .from(cabMembers)
      .innerJoin(users, eq(users.id, cabMembers.userId))
      .where(cond)
      .orderBy(order, asc(users.email))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(cabMembers).innerJoin(users, eq(users.id, cabMembers.userId)).where(cond),
  ]);
  return { rows, total, page: query.page, size: query.size };
}
