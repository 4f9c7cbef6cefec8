import { eq, sql } from 'drizzle-orm';
import { rawRows, type TDb } from '@/db/client';
import { assets, installedSoftware } from '@/db/schema';
import { assessApplicability, judgeLines } from '@/lib/intake/assess';
import { matchFields } from '@/lib/domain/match-fields';
import { normaliseSoftware, softwareHash } from '@/lib/domain/software-list';
import type { TSoftwareItem } from '@/lib/domain/types';

const CHUNK = 20_000;
/** The advisory distro of the row's asset `a` ('Debian:12'; '' when the OS family has none). */
const LINE_DISTRO = sql.raw(`coalesce(pw_distro(a.os_family, a.os_release), '')`);
/** Software line `l` is the line of row `r` (input or installed_software) of asset `a`. */
const sameLine = (r: string) =>
  sql.raw(`l.ecosystem = ${r}.ecosystem::package_ecosystem and l.match_name = ${r}.match_name and l.distro = coalesce(pw_distro(a.os_family, a.os_release), '')
       and l.match_version = ${r}.match_version and l.arch = coalesce(${r}.arch, '') and l.epoch_known = ${r}.epoch_known`);

/**
 * Inserts software rows set-based (one jsonb_to_recordset statement per chunk): row-by-row inserts
 * are bound by Node CPU and ~20× slower (shared/STACK.md §8). Same SQL on PGlite and PostgreSQL.
 * Each row is tied to its fleet-wide software line; lines seen for the first time are judged against
 * every fix before returning, so the rows' assets can inherit their verdicts (lib/intake/assess.ts).
 */
export async function insertSoftwareRows(tx: TDb, rows: { tenantId: string; assetId: string; item: TSoftwareItem }[]): Promise<void> {
  const newLines: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(
      rows.slice(i, i + CHUNK).map(({ tenantId, assetId, item }) => {
        const m = matchFields(item);
        return {
          tenant_id: tenantId,
          asset_id: assetId,
          ecosystem: item.ecosystem,
          name: item.name,
          version: item.version,
          arch: item.arch,
          source_name: item.sourceName,
          source_version: item.sourceVersion,
          match_name: m.matchName,
          match_version: m.matchVersion,
          match_key: m.matchKeyHex,
          epoch_known: m.epochKnown,
        };
      }),
    );
    const input = sql`jsonb_to_recordset(${json}::jsonb) as x(tenant_id uuid, asset_id uuid, ecosystem text, name text, version text,
                                                arch text, source_name text, source_version text, match_name text, match_version text, match_key text, epoch_known boolean)`;
    const created = await rawRows<{ id: number }>(
      tx,
      sql`insert into software_lines (ecosystem, distro, match_name, match_version, match_key, epoch_known, arch)
          select distinct x.ecosystem::package_ecosystem, ${LINE_DISTRO}, x.match_name, x.match_version, decode(x.match_key, 'hex'), x.epoch_known, coalesce(x.arch, '')
          from ${input} join assets a on a.id = x.asset_id
          on conflict (ecosystem, match_name, distro, match_version, arch, epoch_known) do nothing
          returning id`,
    );
    newLines.push(...created.map((c) => c.id));
    await tx.execute(sql`
      insert into ${installedSoftware} (tenant_id, asset_id, ecosystem, name, version, arch, source_name, source_version, match_name, match_version, match_key, epoch_known, line_id)
      select x.tenant_id, x.asset_id, x.ecosystem::package_ecosystem, x.name, x.version, x.arch, x.source_name, x.source_version, x.match_name, x.match_version, decode(x.match_key, 'hex'), x.epoch_known, l.id
      from ${input}
      join assets a on a.id = x.asset_id
      join software_lines l on ${sameLine('x')}`);
  }
  await judgeLines(tx, { lineIds: newLines });
}

export type TReplaceOutcome = {
  outcome: 'replaced' | 'unchanged';
  count: number;
  previousCount: number;
  hash: string;
  /** Patch × asset pairs that became missing with this list (for notifications after commit). */
  newlyMissing: { patchId: string; assetId: string; tenantId: string }[];
};

/**
 * Atomically replaces an asset's software list (call inside the caller's transaction).
 * A list identical to the stored one (same canonical hash) changes nothing, not even last-seen rows.
 */
export async function replaceSoftware(
  tx: TDb,
  asset: { id: string; tenantId: string; softwareHash: string | null; softwareCount: number },
  items: readonly TSoftwareItem[],
  now = new Date(),
): Promise<TReplaceOutcome> {
  const list = normaliseSoftware(items);
  const hash = softwareHash(list);
  if (hash === asset.softwareHash) {
    await tx.update(assets).set({ lastSeenAt: now }).where(eq(assets.id, asset.id));
    return { outcome: 'unchanged', count: list.length, previousCount: asset.softwareCount, hash, newlyMissing: [] };
  }
  await tx.delete(installedSoftware).where(eq(installedSoftware.assetId, asset.id));
  await insertSoftwareRows(
    tx,
    list.map((item) => ({ tenantId: asset.tenantId, assetId: asset.id, item })),
  );
  await tx.update(assets).set({ softwareHash: hash, softwareCount: list.length, lastSeenAt: now, updatedAt: now }).where(eq(assets.id, asset.id));
  // A new inventory re-assesses only this asset (incremental applicability).
  const newlyMissing = await assessApplicability(tx, { assetIds: [asset.id] }, now);
  return { outcome: 'replaced', count: list.length, previousCount: asset.softwareCount, hash, newlyMissing };
}

/**
 * After an asset's OS changes, its packages belong to other software lines (lines carry the advisory
 * distro): re-points its rows, judges lines new to the fleet and re-assesses the asset. Returns the
 * pairs that became missing.
 */
export async function relineAsset(tx: TDb, assetId: string, now = new Date()): Promise<TReplaceOutcome['newlyMissing']> {
  const created = await rawRows<{ id: number }>(
    tx,
    sql`insert into software_lines (ecosystem, distro, match_name, match_version, match_key, epoch_known, arch)
        select distinct s.ecosystem, ${LINE_DISTRO}, s.match_name, s.match_version, s.match_key, s.epoch_known, coalesce(s.arch, '')
        from ${installedSoftware} s join assets a on a.id = s.asset_id
        where s.asset_id = ${assetId}
        on conflict (ecosystem, match_name, distro, match_version, arch, epoch_known) do nothing
        returning id`,
  );
  await tx.execute(sql`update ${installedSoftware} s set line_id = l.id
    from assets a, software_lines l
    where s.asset_id = ${assetId} and a.id = s.asset_id and ${sameLine('s')}`);
  await judgeLines(tx, { lineIds: created.map((c) => c.id) });
  return assessApplicability(tx, { assetIds: [assetId] }, now);
}
