import { sql, type SQL } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { rawRows } from '@/db/client';

/** Ecosystems that inventories report and fixes can match; product-only fixes (windows, generic) never match packages. */

/**
 * One installed line met by one fix row (one affected interval), shared by the assessment and the
 * pages that show which packages are behind a state. Rows whose epoch is unknown use the fix's
 * epoch-less keys.
 */
export const MATCH_COLUMNS = sql.raw(`s.match_name, s.match_version, f.fixed_version,
        s.match_key is null as is_unknown,
        case when s.epoch_known then f.fixed_key else f.fixed_key_no_epoch end as fk,
        case when s.epoch_known then f.introduced_key else f.introduced_key_no_epoch end as ik,
        case when s.epoch_known then f.last_affected_key else f.last_affected_key_no_epoch end as lk,
        f.fixed_version is null and f.last_affected is null and f.affected_versions is not null as by_list,
        f.affected_versions, s.match_key as k`);
export const MATCH_FROM = sql.raw(`from patch_fixes f
      join installed_software s on s.ecosystem = f.ecosystem and s.match_name = f.package_name
      join assets a on a.id = s.asset_id`);
export const MATCH_WHERE = sql.raw(`f.ecosystem in ('deb','rpm','apk','npm','pypi','maven','go','cargo','nuget')
        and f.version_error is null
        and (f.distro is null or f.distro = pw_distro(a.os_family, a.os_release))
        and (f.arch is null or s.arch is null or s.arch = f.arch or s.arch = 'noarch')`);
/** affected: the line lies in this fix's interval (byte order of keys); fixed_present: at or above its fix. */
export const JUDGE_COLUMNS = sql.raw(`case
          when is_unknown then false
          when by_list then match_version = any(affected_versions)
          else (ik is null or k >= ik) and (
                 (fk is not null and k < fk)
              or (fk is null and lk is not null and k <= lk)
              or (fk is null and lk is null))
        end as affected,
        (not is_unknown and fk is not null and k >= fk and (ik is null or k >= ik)) as fixed_present`);

/**
 * Applicability, set-based: one INSERT … SELECT joins the fixes in scope to installed software on
 * (ecosystem, match name) — a hash join over one scan of installed_software — filters by distro,
 * and decides per patch × asset:
 *   missing   — some installed version lies in an affected interval (byte order of version keys),
 *   unknown   — no affected version, but a version could not be parsed (reported, never guessed),
 *   installed — the package is present at or above a fixed version,
 *   (no row)  — not affected.
 * For rpm rows whose epoch is unknown (plain `rpm -qa`), the fix's epoch-less keys are used.
 * `scope` limits the work: a patch set (new/revised advisories) or an asset set (new inventory).
 * Pairs whose outcome is unchanged are not rewritten, so a recompute of a settled fleet mostly reads.
 * Returns the patch × asset pairs that became `missing` with this assessment.
 */
export async function assessApplicability(tx: TDb, scope: { patchIds?: string[]; assetIds?: string[] }, now = new Date()): Promise<{ patchId: string; assetId: string; tenantId: string }[]> {
  const conds: SQL[] = [];
  if (scope.patchIds) {
    if (scope.patchIds.length === 0) return [];
    conds.push(sql`f.patch_id = any(${toPgArray(scope.patchIds)}::uuid[])`);
  }
  if (scope.assetIds) {
    if (scope.assetIds.length === 0) return [];
    conds.push(sql`s.asset_id = any(${toPgArray(scope.assetIds)}::uuid[])`);
  }
  const scopeWhere = conds.length ? sql`and ${sql.join(conds, sql` and `)}` : sql``;
  const removeWhere = [
    scope.patchIds ? sql`a.patch_id = any(${toPgArray(scope.patchIds)}::uuid[])` : null,
    scope.assetIds ? sql`a.asset_id = any(${toPgArray(scope.assetIds)}::uuid[])` : null,
  ].filter(Boolean) as SQL[];
  const iso = now.toISOString();
  // A bulk run (full recompute, large scopes): the distro filter defeats row estimates (hundreds
  // estimated, millions real) and a nested loop would be quadratic, so hash joins only. Small
  // scopes (one new patch, one report) keep index lookups.
  const isBulk = !scope.patchIds && !scope.assetIds ? true : (scope.patchIds?.length ?? 0) + (scope.assetIds?.length ?? 0) > 50;
  if (isBulk) await tx.execute(sql`set local enable_nestloop = off`);
  await tx.execute(sql`set local work_mem = '64MB'`);
  const rows = await rawRows<{ patch_id: string; asset_id: string; tenant_id: string }>(
    tx,
    sql`
    with m as (
      select s.tenant_id, f.patch_id, s.asset_id, ${MATCH_COLUMNS}
      ${MATCH_FROM}
      where ${MATCH_WHERE}
        ${scopeWhere}
    ),
    judged as (select *, ${JUDGE_COLUMNS} from m),
    -- Only the state is stored: the packages behind it are looked up when a page shows them
    -- (lib/intake/queries.ts), which keeps this aggregate a plain hash aggregate.
    decided as (
      select tenant_id, patch_id, asset_id,
        case when bool_or(affected) then 'missing' when bool_or(is_unknown) then 'unknown' when bool_or(fixed_present) then 'installed' end as state
      from judged
      group by tenant_id, patch_id, asset_id
    ),
    -- Only pairs whose outcome changed are written: one hash join against the current rows instead
    -- of an index probe per pair. Pairs in later states (pending, failed, excepted) belong to other
    -- workflows and are left alone.
    changed as (
      select d.* from decided d
      left join applicability c on c.patch_id = d.patch_id and c.asset_id = d.asset_id
      where d.state is not null
        and (c.patch_id is null or (c.state in ('missing', 'installed', 'unknown') and c.state <> d.state))
    ),
    upserted as (
      insert into applicability as cur (tenant_id, patch_id, asset_id, state, detected_at, assessed_at)
      select tenant_id, patch_id, asset_id, state, ${iso}::timestamptz, ${iso}::timestamptz
      from changed
      on conflict (patch_id, asset_id) do update
        set state = excluded.state, assessed_at = excluded.assessed_at, detected_at = excluded.detected_at, previous_state = cur.state
        where cur.state in ('missing', 'installed', 'unknown') and cur.state <> excluded.state
      returning cur.patch_id, cur.asset_id, cur.tenant_id, cur.state, cur.previous_state, (cur.xmax = 0) as is_new
    ),
    removed as (
      delete from applicability a
      where a.state in ('missing', 'installed', 'unknown') ${removeWhere.length ? sql`and ${sql.join(removeWhere, sql` and `)}` : sql``}
        and not exists (select 1 from decided d where d.patch_id = a.patch_id and d.asset_id = a.asset_id and d.state is not null)
      returning 1
    )
    select patch_id, asset_id, tenant_id from upserted
    where state = 'missing' and (is_new or previous_state is distinct from 'missing')`,
  );
  return rows.map((r) => ({ patchId: r.patch_id, assetId: r.asset_id, tenantId: r.tenant_id }));
}

/** A Postgres array literal for a list of uuids (validated by the callers' zod schemas or db ids). */
function toPgArray(ids: string[]): string {
  return `{${ids.map((id) => id.replace(/[^0-9a-f-]/gi, '')).join(',')}}`;
}
