import { inArray, sql, type SQL } from 'drizzle-orm';
import { rawRows, type TDb } from '@/db/client';
import { assets, tenantPolicies } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { defaultPolicy } from '@/lib/domain/policy';
import { SEVERITIES } from '@/lib/domain/types';
import { uuidArray } from '@/lib/intake/assess';
import { effectivePolicy } from '@/lib/scheduling/tenant-policy';
import { AFFECTED_STATES_SQL, exceptionCoversPairSql, isPairCoveredSql } from './coverage';
import { closingEvidenceSql } from './evidence-sql';

/**
 * What a synchronisation looks at. Every kind is a set of (tenant, patch, application) buckets the
 * statement reads in one pass: the rows of some patches (an intake run), of some tenant × patch
 * pairs, of whole tenants (seed, repair), or of some applications (an inventory report touches the
 * asset's application, `null` = the tenant's assets with no application).
 */
export type TTrackingScope =
  | { patchIds: string[] }
  | { pairs: { tenantId: string; patchId: string }[] }
  | { tenantIds: string[] }
  | { applications: { tenantId: string; applicationId: string | null }[] };

export type TTrackingSyncResult = { opened: number; reopened: number; refreshed: number; closed: number };

const NOTHING: TTrackingSyncResult = { opened: 0, reopened: 0, refreshed: 0, closed: 0 };
const TRACKING_ACTOR: TActor = { kind: 'system', label: 'tracking' };

type TCols = { tenant: SQL; patch: SQL; app: SQL };

function isEmpty(scope: TTrackingScope): boolean {
  if ('patchIds' in scope) return scope.patchIds.length === 0;
  if ('pairs' in scope) return scope.pairs.length === 0;
  if ('tenantIds' in scope) return scope.tenantIds.length === 0;
  return scope.applications.length === 0;
}

/** The scope as a condition on a row's tenant, patch and application columns. */
function scopeSql(scope: TTrackingScope, c: TCols): SQL {
  if ('patchIds' in scope) return sql`${c.patch} = any(${uuidArray(scope.patchIds)}::uuid[])`;
  if ('tenantIds' in scope) return sql`${c.tenant} = any(${uuidArray(scope.tenantIds)}::uuid[])`;
  if ('pairs' in scope) {
    const patchIds = [...new Set(scope.pairs.map((p) => p.patchId))];
    return sql`(${c.patch} = any(${uuidArray(patchIds)}::uuid[])
      and (${c.tenant}, ${c.patch}) in (select * from unnest(${uuidArray(scope.pairs.map((p) => p.tenantId))}::uuid[], ${uuidArray(scope.pairs.map((p) => p.patchId))}::uuid[])))`;
  }
  const withApp = scope.applications.filter((b): b is { tenantId: string; applicationId: string } => b.applicationId !== null);
  const noApp = [...new Set(scope.applications.filter((b) => b.applicationId === null).map((b) => b.tenantId))];
  const parts: SQL[] = [];
  if (withApp.length)
    parts.push(
      sql`(${c.tenant}, ${c.app}) in (select * from unnest(${uuidArray(withApp.map((b) => b.tenantId))}::uuid[], ${uuidArray(withApp.map((b) => b.applicationId))}::uuid[]))`,
    );
  if (noApp.length) parts.push(sql`(${c.app} is null and ${c.tenant} = any(${uuidArray(noApp)}::uuid[]))`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

function scopeTenants(scope: TTrackingScope): string[] | null {
  if ('tenantIds' in scope) return scope.tenantIds;
  if ('pairs' in scope) return [...new Set(scope.pairs.map((p) => p.tenantId))];
  if ('applications' in scope) return [...new Set(scope.applications.map((b) => b.tenantId))];
  return null;
}

/**
 * SLA days per tenant and severity, as one jsonb parameter: `{ "<tenant>": { "critical": 7, … }, "*": default }`.
 * Read from the stored policies in one query (the SLA does not depend on rings), so the statement
 * needs no per-tenant round trip.
 */
async function slaDaysJson(db: TDb, tenantIds: string[] | null): Promise<string> {
  const rows = await db
    .select({ tenantId: tenantPolicies.tenantId, policy: tenantPolicies.policy })
    .from(tenantPolicies)
    .where(tenantIds ? inArray(tenantPolicies.tenantId, tenantIds) : undefined);
  const days = (p: ReturnType<typeof defaultPolicy>) => Object.fromEntries(SEVERITIES.map((s) => [s, p.severity[s].slaDays]));
  const out: Record<string, Record<string, number>> = { '*': days(defaultPolicy()) };
  for (const r of rows) out[r.tenantId] = days(effectivePolicy(r.policy, []));
  return JSON.stringify(out);
}

/** The (tenant, application) buckets of some assets, for an inventory change of those assets. */
export async function applicationsOfAssets(db: TDb, assetIds: string[]): Promise<{ tenantId: string; applicationId: string | null }[]> {
  if (assetIds.length === 0) return [];
  const rows = await db.selectDistinct({ tenantId: assets.tenantId, applicationId: assets.applicationId }).from(assets).where(inArray(assets.id, assetIds));
  return rows;
}

/**
 * Brings the tracking records in `scope` in line with applicability, set-based (one statement reads
 * the affected pairs once, whatever the fleet size):
 *
 * - opens one record per patch × application (application null: the tenant's assets with none)
 *   that has affected assets (AFFECTED_STATES, non-decommissioned, not covered by an exception),
 *   due `slaDays` of the patch severity after the earliest detection, assigned to the application's
 *   resolver group (none: the application's owner works it);
 * - refreshes the asset count and group of open ones; a raised severity can only bring the due date
 *   forward; a closed record that becomes applicable again reopens (its old evidence is kept under
 *   `previous` at the next closure);
 * - closes, with its evidence, every record in scope with no affected asset left: 'remediated' (or
 *   'excepted' when exceptions cover the rest) and then 'closed'.
 *
 * Runs in its own transaction, after the assessment that changed applicability has committed. One
 * audit row per tenant whose records opened or closed.
 */
export async function syncTracking(db: TDb, scope: TTrackingScope, { now = new Date() }: { now?: Date } = {}): Promise<TTrackingSyncResult> {
  if (isEmpty(scope)) return NOTHING;
  const sla = await slaDaysJson(db, scopeTenants(scope));
  const iso = now.toISOString();
  return db.transaction(async (tx) => {
    const inLive = scopeSql(scope, { tenant: sql`a.tenant_id`, patch: sql`a.patch_id`, app: sql`s.application_id` });
    const inRecords = scopeSql(scope, { tenant: sql`tr.tenant_id`, patch: sql`tr.patch_id`, app: sql`tr.application_id` });
    const covered = exceptionCoversPairSql({
      tenantId: sql`a.tenant_id`,
      patchId: sql`a.patch_id`,
      assetId: sql`a.asset_id`,
      applicationId: sql`s.application_id`,
    });
    const rows = await rawRows<{ kind: 'upserted' | 'closing'; id: string; tenant_id: string; is_new: boolean; is_reopened: boolean }>(
      tx,
      sql`
      with live as materialized (
        select a.tenant_id, a.patch_id, s.application_id, count(*)::int as n, min(a.detected_at) as first_detected
        from applicability a
        join assets s on s.id = a.asset_id and s.tenant_id = a.tenant_id
        where a.state in (${AFFECTED_STATES_SQL}) and s.lifecycle <> 'decommissioned' and not ${covered} and ${inLive}
        group by a.tenant_id, a.patch_id, s.application_id
      ),
      target as (
        select l.tenant_id, l.patch_id, l.application_id, l.n, rg.id as group_id,
          l.first_detected + make_interval(days => coalesce(
            (${sla}::jsonb -> l.tenant_id::text ->> p.severity::text)::int,
            (${sla}::jsonb -> '*' ->> p.severity::text)::int)) as due_at
        from live l
        -- A private advisory is its own tenant's only, whatever rows exist.
        join patches p on p.id = l.patch_id and (p.tenant_id is null or p.tenant_id = l.tenant_id)
        left join resolver_groups rg on rg.tenant_id = l.tenant_id and rg.application_id is not distinct from l.application_id
      ),
      upserted as (
        insert into tracking_records as tr (tenant_id, patch_id, application_id, resolver_group_id, state, due_at, asset_count, opened_at, updated_at)
        select t.tenant_id, t.patch_id, t.application_id, t.group_id, 'open', t.due_at, t.n, ${iso}::timestamptz, ${iso}::timestamptz from target t
        on conflict on constraint tracking_records_identity do update set
          asset_count = excluded.asset_count,
          resolver_group_id = excluded.resolver_group_id,
          due_at = case when tr.state = 'closed' then excluded.due_at else least(tr.due_at, excluded.due_at) end,
          state = case when tr.state = 'closed' then 'open' else tr.state end,
          opened_at = case when tr.state = 'closed' then excluded.opened_at else tr.opened_at end,
          closed_at = null,
          updated_at = excluded.updated_at,
          version = tr.version + 1
        where tr.state = 'closed' or tr.asset_count <> excluded.asset_count
          or tr.resolver_group_id is distinct from excluded.resolver_group_id or excluded.due_at < tr.due_at
        returning tr.id, tr.tenant_id, (tr.xmax = 0) as is_new, (tr.opened_at = ${iso}::timestamptz) as is_fresh
      ),
      closing as (
        select tr.id, tr.tenant_id from tracking_records tr
        where tr.state in ('open', 'in_change') and ${inRecords}
          and not exists (select 1 from live l
            where l.tenant_id = tr.tenant_id and l.patch_id = tr.patch_id and l.application_id is not distinct from tr.application_id)
      )
      select 'upserted' as kind, u.id, u.tenant_id, u.is_new, (u.is_fresh and not u.is_new) as is_reopened from upserted u
      union all
      select 'closing', c.id, c.tenant_id, false, false from closing c`,
    );
    const upserted = rows.filter((r) => r.kind === 'upserted');
    const closingIds = rows.filter((r) => r.kind === 'closing').map((r) => r.id);
    const closed = closingIds.length ? await closeRecords(tx, closingIds, iso) : [];
    const result: TTrackingSyncResult = {
      opened: upserted.filter((r) => r.is_new).length,
      reopened: upserted.filter((r) => r.is_reopened).length,
      refreshed: upserted.filter((r) => !r.is_new && !r.is_reopened).length,
      closed: closed.length,
    };
    await auditPerTenant(tx, upserted, closed, now);
    return result;
  });
}

/**
 * Closes records with no affected asset left: first 'remediated' (or 'excepted') with the evidence
 * frozen, then 'closed'. Each is checked again under the update, so an assessment committed since
 * the candidates were read keeps its record open.
 */
async function closeRecords(tx: TDb, ids: string[], iso: string): Promise<{ id: string; tenant_id: string; outcome: string }[]> {
  const pair = { tenantId: sql`a.tenant_id`, patchId: sql`a.patch_id`, assetId: sql`a.asset_id`, applicationId: sql`s.application_id` };
  const inBucket = sql`a.tenant_id = tr.tenant_id and a.patch_id = tr.patch_id and s.application_id is not distinct from tr.application_id
    and s.lifecycle <> 'decommissioned'`;
  const settled = await rawRows<{ id: string; tenant_id: string; outcome: string }>(
    tx,
    sql`
    with o as (
      select tr.id, case when exists (
          select 1 from applicability a join assets s on s.id = a.asset_id
          where ${inBucket} and ${isPairCoveredSql(sql`a.state`, pair)}
        ) then 'excepted' else 'remediated' end as outcome
      from tracking_records tr where tr.id = any(${uuidArray(ids)}::uuid[])
    )
    update tracking_records tr set
      state = o.outcome,
      asset_count = 0,
      evidence = ${closingEvidenceSql(sql`o.outcome`, iso)},
      updated_at = ${iso}::timestamptz,
      version = tr.version + 1
    from o
    where o.id = tr.id and tr.state in ('open', 'in_change')
      and not exists (select 1 from applicability a join assets s on s.id = a.asset_id
        where ${inBucket} and a.state in (${AFFECTED_STATES_SQL}) and not ${exceptionCoversPairSql(pair)})
    returning tr.id, tr.tenant_id, o.outcome`,
  );
  if (settled.length === 0) return [];
  await tx.execute(sql`update tracking_records set state = 'closed', closed_at = ${iso}::timestamptz, version = version + 1
    where id = any(${uuidArray(settled.map((s) => s.id))}::uuid[]) and state in ('remediated', 'excepted')`);
  return settled;
}

async function auditPerTenant(
  tx: TDb,
  upserted: { id: string; tenant_id: string; is_new: boolean; is_reopened: boolean }[],
  closed: { id: string; tenant_id: string; outcome: string }[],
  now: Date,
): Promise<void> {
  const tenantIds = [...new Set([...upserted.filter((r) => r.is_new || r.is_reopened).map((r) => r.tenant_id), ...closed.map((r) => r.tenant_id)])];
  for (const tenantId of tenantIds.sort()) {
    const mine = upserted.filter((r) => r.tenant_id === tenantId);
    const done = closed.filter((r) => r.tenant_id === tenantId);
    await writeAudit(
      tx,
      TRACKING_ACTOR,
      {
        tenantId,
        action: 'tracking.sync',
        targetType: 'tenant',
        targetId: tenantId,
        after: {
          opened: mine.filter((r) => r.is_new).length,
          reopened: mine.filter((r) => r.is_reopened).length,
          closed: done.length,
          // The ids name the records for the trail; capped so a repair over a whole fleet stays one row.
          openedIds: mine
            .filter((r) => r.is_new || r.is_reopened)
            .map((r) => r.id)
            .slice(0, 100),
          closedIds: done.map((r) => r.id).slice(0, 100),
        },
      },
      now,
    );
  }
}

/**
 * A change was approved or scheduled: its open records — patch in the change, application with an
 * asset in the change — are now worked through it. Call inside the change's transaction. A record
 * does not go back to 'open' when the change fails: it closes when its assets are remediated.
 */
export async function markTrackingInChange(tx: TDb, changeId: string): Promise<number> {
  const rows = await rawRows<{ id: string }>(
    tx,
    sql`update tracking_records tr set state = 'in_change', updated_at = now(), version = tr.version + 1
      from change_requests c
      where c.id = ${changeId} and tr.tenant_id = c.tenant_id and tr.state = 'open'
        and exists (select 1 from change_patches cp where cp.change_id = c.id and cp.patch_id = tr.patch_id)
        and exists (select 1 from change_assets ca join assets s on s.id = ca.asset_id
          where ca.change_id = c.id and s.application_id is not distinct from tr.application_id)
      returning tr.id`,
  );
  return rows.length;
}
