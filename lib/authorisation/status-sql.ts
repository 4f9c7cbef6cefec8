import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TDb } from '@/db/client';
import { patchStatus } from '@/db/schema';
import { effectiveStatus, toPatchStatus, utcDate, type TPatchStatus } from '@/lib/domain/patch-lifecycle';

/** `effective status` in SQL (alias `ps` = patch_tenant_status), the same rule as effectiveStatus() in lib/domain/patch-lifecycle.ts. */
export const effectiveStatusSql = (now: Date) =>
  sql`(case when ps.status = 'deferred' and ps.deferred_until <= ${utcDate(now)}::date then 'new' else coalesce(ps.status, 'new') end)`;

/** Timestamps leave raw SQL as ISO text, so both drivers return the same shape. */
export const isoSql = (col: SQL) => sql`to_char((${col}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** `uuid, uuid, …` for an `in (…)` list or an array literal (callers never pass an empty list). */
export const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

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
  return sql`exists (
    select 1 from unnest(array[${uuidList(tenantIds)}]) as t(id)
    left join patch_tenant_status ps on ps.patch_id = ${patchId} and ps.tenant_id = t.id
    where (${patchTenant} is null or ${patchTenant} = t.id) and ${effectiveStatusSql(now)} = ${status}
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
    const status = effectiveStatus({ status: toPatchStatus(r.status), deferredUntil: r.deferredUntil }, now);
    out.set(r.patchId, [...(out.get(r.patchId) ?? []), { tenantId: r.tenantId, status, needsReview: r.needsReview, deferredUntil: r.deferredUntil }]);
  }
  return out;
}
