import { sql, type SQL } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { rawRows } from '@/db/client';

/*
 * Applicability in two set-based steps.
 *
 * 1. Judge: every fix is compared with every distinct software line of its package once
 *    (software_lines: ecosystem, distro, name, version, arch — thousands, however large the fleet),
 *    giving a verdict per line × patch in line_verdicts: affected, unknown or fixed.
 * 2. Pairs: assets inherit the verdicts of their lines (installed_software.line_id, read from the
 *    (line, asset) index alone). Only the pairs that need attention are stored in `applicability`
 *    (missing, unknown); `installed` is derived (the applicability_pairs view), so a mostly patched
 *    fleet writes little.
 *
 * Version order is byte order of the order-preserving keys (lib/domain/version-key.ts).
 */

/** Ecosystems inventories report; product-only fixes (windows, generic) never match packages. */
const FIX_MATCHABLE = `f.ecosystem in ('deb','rpm','apk','npm','pypi','maven','go','cargo','nuget') and f.version_error is null`;

/**
 * One installed line (`s`: an installed_software row or a software_lines row, which share these
 * columns) met by one fix row (`f`, one affected interval). Lines whose epoch is unknown use the
 * fix's epoch-less keys.
 */
export const MATCH_COLUMNS = sql.raw(`s.match_name, s.match_version, f.fixed_version,
        s.match_key is null as is_unknown,
        case when s.epoch_known then f.fixed_key else f.fixed_key_no_epoch end as fk,
        case when s.epoch_known then f.introduced_key else f.introduced_key_no_epoch end as ik,
        case when s.epoch_known then f.last_affected_key else f.last_affected_key_no_epoch end as lk,
        f.fixed_version is null and f.last_affected is null and f.affected_versions is not null as by_list,
        f.affected_versions, s.match_key as k`);
/** The fix applies to the line's architecture ('' or null = the inventory did not say). */
export const FIX_LINE_WHERE = sql.raw(`${FIX_MATCHABLE}
        and (f.arch is null or coalesce(s.arch, '') in ('', 'noarch') or s.arch = f.arch)`);
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

type TJudgeScope = { patchIds: string[] } | { lineIds: number[] } | 'all';

/**
 * Step 1: replaces the verdicts in scope (some patches, some lines, or all) with fresh ones. A line
 * × patch is affected when any of the patch's intervals for the line's distro (or for any distro)
 * holds it, else unknown when its version could not be parsed, else fixed when it is at or above a
 * fixed version; otherwise no row. Judged lines are marked, so lines stored before verdicts were kept
 * are found.
 */
export async function judgeLines(tx: TDb, scope: TJudgeScope): Promise<void> {
  const [verdictScope, fixScope] =
    scope === 'all'
      ? [sql`true`, sql``]
      : 'patchIds' in scope
        ? [sql`patch_id = any(${uuidArray(scope.patchIds)}::uuid[])`, sql`and f.patch_id = any(${uuidArray(scope.patchIds)}::uuid[])`]
        : [sql`line_id = any(${intArray(scope.lineIds)}::int[])`, sql`and s.id = any(${intArray(scope.lineIds)}::int[])`];
  if (scope !== 'all' && ('patchIds' in scope ? scope.patchIds : scope.lineIds).length === 0) return;
  await tx.execute(sql`delete from line_verdicts where ${verdictScope}`);
  await tx.execute(sql`
    insert into line_verdicts (line_id, patch_id, verdict)
    select line_id, patch_id,
      case when bool_or(affected) then 'affected' when bool_or(is_unknown) then 'unknown' else 'fixed' end
    from (
      select line_id, patch_id, is_unknown, ${JUDGE_COLUMNS}
      from (
        select s.id as line_id, f.patch_id, ${MATCH_COLUMNS}
        from patch_fixes f
        join software_lines s on s.ecosystem = f.ecosystem and s.match_name = f.package_name
        where ${FIX_LINE_WHERE} and (f.distro is null or f.distro = s.distro) ${fixScope}
      ) m
    ) j
    group by line_id, patch_id
    having bool_or(affected) or bool_or(is_unknown) or bool_or(fixed_present)`);
  if (scope === 'all') await tx.execute(sql`update software_lines set judged = true where not judged`);
  else if ('lineIds' in scope) await tx.execute(sql`update software_lines set judged = true where id = any(${intArray(scope.lineIds)}::int[]) and not judged`);
}

/** Judges the lines no assessment has seen yet (new inventory lines are judged on insert; this catches the rest). */
export async function judgePendingLines(tx: TDb): Promise<number> {
  const pending = await rawRows<{ id: number }>(tx, sql`select id from software_lines where not judged`);
  await judgeLines(tx, { lineIds: pending.map((p) => p.id) });
  return pending.length;
}

/**
 * Applicability of patch × asset pairs, set-based and incremental:
 *   { patchIds } — new or revised advisories: their verdicts are re-judged, then their pairs;
 *   { assetIds } — a new inventory: the assets' lines already carry verdicts, only their pairs;
 *   {}           — everything (the full assessment).
 * Stored states: missing (some installed version is affected), unknown (none affected, but a version
 * could not be parsed: reported, never guessed). Pairs whose outcome is unchanged are not rewritten;
 * pairs in later states (pending, failed, excepted) belong to other workflows and are left alone.
 * Each verdict row reaches its assets through the (line, asset) index, so the work grows with the
 * pairs needing attention, not with the size of installed_software.
 * Returns the pairs that became `missing` with this assessment.
 */
export async function assessApplicability(
  tx: TDb,
  scope: { patchIds?: string[]; assetIds?: string[] },
  now = new Date(),
): Promise<{ patchId: string; assetId: string; tenantId: string }[]> {
  if (scope.patchIds?.length === 0 || scope.assetIds?.length === 0) return [];
  if (scope.patchIds) await judgeLines(tx, { patchIds: scope.patchIds });
  else if (!scope.assetIds) await judgeLines(tx, 'all');
  else await judgePendingLines(tx);

  const pairScope: SQL[] = [];
  const storedScope: SQL[] = [];
  if (scope.patchIds) {
    pairScope.push(sql`v.patch_id = any(${uuidArray(scope.patchIds)}::uuid[])`);
    storedScope.push(sql`c.patch_id = any(${uuidArray(scope.patchIds)}::uuid[])`);
  }
  if (scope.assetIds) {
    pairScope.push(sql`s.asset_id = any(${uuidArray(scope.assetIds)}::uuid[])`);
    storedScope.push(sql`c.asset_id = any(${uuidArray(scope.assetIds)}::uuid[])`);
  }
  const and_ = (conds: SQL[]) => (conds.length ? sql`and ${sql.join(conds, sql` and `)}` : sql``);
  const iso = now.toISOString();
  await tx.execute(sql`set local work_mem = '64MB'`);
  // Both sides of the comparison arrive sorted by (patch, asset) — the aggregate from the verdict
  // index, the stored rows from the primary key — so a merge join streams them in constant memory.
  // Over the whole fleet the planner may prefer hashing the stored rows, which spills to disk once
  // they outgrow work_mem (millions of pairs at 100k assets).
  if (!scope.patchIds && !scope.assetIds) await tx.execute(sql`set local enable_hashjoin = off`);
  const rows = await rawRows<{ patch_id: string; asset_id: string; tenant_id: string }>(
    tx,
    sql`
    -- decided and stored are read once each, inline: the planner hashes the stored rows and streams
    -- the decided ones past them (materialised, both were sorted again for a merge join).
    with decided as not materialized (
      -- Only the lines needing attention are joined; their assets come from the (line, asset) index.
      -- A tenant's private advisory applies to that tenant's assets only. Written as two hashed
      -- subplans (an OR cannot become a join), so the rows keep the order the merge relies on.
      select v.patch_id, s.asset_id, s.tenant_id,
        case when bool_or(v.verdict = 'affected') then 'missing' else 'unknown' end as state
      from line_verdicts v
      join installed_software s on s.line_id = v.line_id
      where v.verdict in ('affected', 'unknown') ${and_(pairScope)}
        and (v.patch_id not in (select id from patches where tenant_id is not null)
          or (v.patch_id, s.tenant_id) in (select id, tenant_id from patches where tenant_id is not null))
      group by v.patch_id, s.asset_id, s.tenant_id
    ),
    stored as not materialized (
      select c.patch_id, c.asset_id, c.tenant_id, c.state from applicability c where true ${and_(storedScope)}
    ),
    -- One comparison of what is with what was; only differences are written.
    diff as materialized (
      select coalesce(d.patch_id, st.patch_id) as patch_id, coalesce(d.asset_id, st.asset_id) as asset_id, coalesce(d.tenant_id, st.tenant_id) as tenant_id,
        d.state as new_state, st.state as old_state
      from decided d
      full join stored st on st.patch_id = d.patch_id and st.asset_id = d.asset_id
      where d.state is distinct from st.state and (st.state is null or st.state in ('missing', 'unknown'))
    ),
    upserted as (
      insert into applicability as cur (tenant_id, patch_id, asset_id, state, detected_at, assessed_at)
      -- In (patch, asset) order, as the merge produced it: the table's heap then follows its primary
      -- key, and the next full comparison reads it sequentially.
      select x.tenant_id, x.patch_id, x.asset_id, x.new_state, ${iso}::timestamptz, ${iso}::timestamptz
      from diff x
      where x.new_state is not null
      on conflict (patch_id, asset_id) do update
        set state = excluded.state, assessed_at = excluded.assessed_at, detected_at = excluded.detected_at, previous_state = cur.state
        where cur.state in ('missing', 'unknown') and cur.state <> excluded.state
      returning cur.patch_id, cur.asset_id, cur.tenant_id, cur.state, cur.previous_state, (cur.xmax = 0) as is_new
    ),
    removed as (
      delete from applicability a using diff x
      where x.new_state is null and a.patch_id = x.patch_id and a.asset_id = x.asset_id and a.state in ('missing', 'unknown')
      returning 1
    )
    select patch_id, asset_id, tenant_id from upserted
    where state = 'missing' and (is_new or previous_state is distinct from 'missing')`,
  );
  // Assessed in this transaction: a crash after the documents were stored no longer needs repair.
  if (scope.patchIds)
    await tx.execute(sql`update patches set needs_assessment = false where needs_assessment and id = any(${uuidArray(scope.patchIds)}::uuid[])`);
  else if (!scope.assetIds) await tx.execute(sql`update patches set needs_assessment = false where needs_assessment`);
  return rows.map((r) => ({ patchId: r.patch_id, assetId: r.asset_id, tenantId: r.tenant_id }));
}

/** A Postgres array literal for a list of uuids (validated by the callers' zod schemas or db ids). */
export function uuidArray(ids: string[]): string {
  return `{${ids.map((id) => id.replace(/[^0-9a-f-]/gi, '')).join(',')}}`;
}

function intArray(ids: number[]): string {
  return `{${ids.map((id) => Math.trunc(Number(id))).join(',')}}`;
}
