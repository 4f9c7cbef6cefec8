import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TDb } from '@/db/client';
import { patchStatus } from '@/db/schema';
import { effectiveStatus, PATCH_STATUSES, utcDate, type TPatchStatus } from '@/lib/domain/patch-lifecycle';

/**
 * SQL condition: the patch (its id column given) has effective status `status` in at least one of
 * `tenantIds` — each tenant decides for itself, so "authorised" means authorised somewhere of yours.
 * A tenant with no status row counts as new; another tenant's private advisory is never counted.
 */
export function statusInAnyTenantSql(
  patchId: AnyPgColumn | SQL,
  patchTenant: AnyPgColumn | SQL,
  tenantIds: readonly string[],
  status: TPatchStatus,
  now: Date,
): SQL {
  if (tenantIds.length === 0) return sql`false`;
  const ids = sql.join(
    tenantIds.map((t) => sql`${t}::uuid`),
    sql`, `,
  );
  return sql`exists (
    select 1 from unnest(array[${ids}]) as t(id)
    left join patch_tenant_status ps on ps.patch_id = ${patchId} and ps.tenant_id = t.id
    where (${patchTenant} is null or ${patchTenant} = t.id)
      and (case when ps.status = 'deferred' and ps.deferred_until <= ${utcDate(now)}::date then 'new' else coalesce(ps.status, 'new') end) = ${status}
  )`;
}

export type TTenantStatus = { tenantId: string; status: TPatchStatus; needsReview: boolean; deferredUntil: string | null };

/** Each listed patch's effective status per tenant that has one (a tenant without a row is new). */
export async function findTenantStatuses(db: TDb, patchIds: readonly string[], tenantIds: readonly string[], now: Date): Promise<Map<string, TTenantStatus[]>> {
  const out = new Map<string, TTenantStatus[]>();
  if (patchIds.length === 0 || tenantIds.length === 0) return out;
  const rows = await db
    .select()
    .from(patchStatus)
    .where(sql`${inArray(patchStatus.patchId, [...patchIds])} and ${inArray(patchStatus.tenantId, [...tenantIds])}`);
  for (const r of rows) {
    const status = effectiveStatus(
      { status: (PATCH_STATUSES as readonly string[]).includes(r.status) ? (r.status as TPatchStatus) : 'new', deferredUntil: r.deferredUntil },
      now,
    );
    out.set(r.patchId, [...(out.get(r.patchId) ?? []), { tenantId: r.tenantId, status, needsReview: r.needsReview, deferredUntil: r.deferredUntil }]);
  }
  return out;
}
