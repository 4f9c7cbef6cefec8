import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { applicability, applications, assets, patches } from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';
import { SEVERITIES } from '@/lib/domain/types';
import { loadTenantPolicy } from '@/lib/scheduling/queries';

/**
 * "Mine" for an application owner: applications whose owner is the user, in tenants where the user
 * still reads assets. Ownership alone opens nothing: an owner removed from a tenant sees none of it.
 */
export type TOwnerScope = { userId: string; tenantIds: string[] };

export function ownerScope(actor: TActor): TOwnerScope | null {
  if (actor.kind !== 'user') return null;
  const tenantIds = tenantsWith(actor, 'asset:read');
  return tenantIds.length ? { userId: actor.userId, tenantIds } : null;
}

/** Rows of `applications` the scope owns. */
export const ownedApplications = (s: TOwnerScope): SQL => and(eq(applications.ownerId, s.userId), inArray(applications.tenantId, s.tenantIds)) as SQL;

/** Joins an asset to its owned application; the tenant equality keeps a misfiled asset out. */
export const assetOfOwnedApplication = and(eq(applications.id, assets.applicationId), eq(applications.tenantId, assets.tenantId)) as SQL;

/** Whether the user owns at least one application in a tenant they belong to (for the sidebar). */
export async function ownsAnyApplication(db: TDb, actor: TActor): Promise<boolean> {
  const scope = ownerScope(actor);
  if (!scope) return false;
  const [row] = await db.select({ id: applications.id }).from(applications).where(ownedApplications(scope)).limit(1);
  return !!row;
}

/** Tenants in which the scope owns an application: the only policies the lists need. */
export async function ownedTenantIds(db: TDb, scope: TOwnerScope): Promise<string[]> {
  const rows = await db.selectDistinct({ tenantId: applications.tenantId }).from(applications).where(ownedApplications(scope));
  return rows.map((r) => r.tenantId);
}

/**
 * SLA due instant of a missing patch on an asset: detection + the SLA days of the patch's severity in
 * the asset's tenant policy (stored or default), as in the planner. One CASE over the few tenants
 * concerned, so lists filter and sort by it in SQL.
 */
export async function slaDueSql(db: TDb, tenantIds: readonly string[]): Promise<SQL<Date | null>> {
  if (tenantIds.length === 0) return sql<Date | null>`null::timestamptz`;
  const policies = await Promise.all(tenantIds.map(async (tenantId) => ({ tenantId, policy: (await loadTenantPolicy(db, tenantId)).policy })));
  const whens = policies.flatMap(({ tenantId, policy }) =>
    SEVERITIES.map((s) => sql`when ${applicability.tenantId} = ${tenantId}::uuid and ${patches.severity}::text = ${s} then ${policy.severity[s].slaDays}::int`),
  );
  return sql<Date | null>`(${applicability.detectedAt} + make_interval(days => (case ${sql.join(whens, sql` `)} end)))`;
}

/** Timestamps from raw SQL expressions: postgres.js returns text, PGlite a Date. */
export const toDate = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
