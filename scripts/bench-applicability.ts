// Applicability benchmark: N assets × ~300 packages drawn from real package names and versions
// (the corpus inventories when ../shared/corpora is present, else the project's own seed lists),
// 2,000 generated patches; times a full assessment, one new patch (incremental) and one plain
// sequential scan of installed_software (the floor).
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { TDbHandle } from '../db/client';
import { rawRows } from '../db/client';
import { patchFixes, patches } from '../db/schema';
import { parseSeedListing } from '../lib/seed/data/seed-listing';
import { DEBIAN12_CORE } from '../lib/seed/data/packages-debian12';
import { ALMA9_CORE } from '../lib/seed/data/packages-alma9';
import { parseInventory } from '../lib/domain/inventory-formats/detect';
import { matchFields } from '../lib/domain/match-fields';
import type { TSoftwareItem } from '../lib/domain/types';
import { assessApplicability } from '../lib/intake/assess';
import type { TActor } from '../lib/auth/permissions';
import { fixRows } from '../lib/intake/fix-rows';
import { findPatchAssets, findPatches, getPatch, ZAffectedQuery, ZPatchListQuery } from '../lib/intake/queries';
import { replaceSoftware } from '../lib/inventory/replace-software';

const CORPUS = process.env.PATCHWARD_CORPUS_DIR ?? path.resolve(__dirname, '../../shared/corpora');

function pool(): { deb: TSoftwareItem[]; rpm: TSoftwareItem[]; from: string } {
  const deb = path.join(CORPUS, 'inventories', 'debian-12-dpkg-query-W-source.tsv');
  const rpm = path.join(CORPUS, 'inventories', 'almalinux-9.2-rpm-qa.txt');
  if (fs.existsSync(deb) && fs.existsSync(rpm)) {
    const d = parseInventory(fs.readFileSync(deb, 'utf8'), { format: 'dpkg-query' });
    const r = parseInventory(fs.readFileSync(rpm, 'utf8'), { format: 'rpm-qa' });
    if (d.ok && r.ok) return { deb: d.items, rpm: r.items, from: 'corpus inventories' };
  }
  return { deb: parseSeedListing(DEBIAN12_CORE, 'deb'), rpm: parseSeedListing(ALMA9_CORE, 'rpm'), from: 'seed package lists' };
}

/** An older version of the same package: the last number of the version decremented (never below 0). */
function older(version: string, step: number): string {
  return version.replace(/(\d+)(?!.*\d)/, (m) => String(Math.max(0, Number(m) - step)));
}

/** An operator of every tenant, for the page queries. */
export async function benchActor(h: TDbHandle): Promise<TActor> {
  const tenantList = await rawRows<{ id: string; slug: string; name: string }>(h.db, sql`select id, slug, name from tenants order by slug`);
  return {
    kind: 'user',
    userId: '00000000-0000-0000-0000-000000000000',
    email: 'bench',
    name: 'bench',
    memberships: tenantList.map((t) => ({ tenantId: t.id, tenantSlug: t.slug, tenantName: t.name, role: 'operator' as const })),
  };
}

type TPoolRow = { os: 'debian' | 'almalinux'; item: TSoftwareItem };

/**
 * How far the generated fleet lags behind its advisories.
 *   fleet — a mostly patched fleet: 80% of packages at the pooled (current) version, 15% one release
 *           behind, 5% two; the 2,000 advisories span history: 1% fix a release newer than anything
 *           installed (just published), 19% the current release, 20% one release back, 60% older.
 *   dense — the worst case: packages 0–2 releases behind with equal odds and every advisory fixing
 *           the current release, so two thirds of the matched pairs are missing.
 */
export type TDensity = 'fleet' | 'dense';

/** Releases behind the pooled version for an asset's package, from a uniform draw 0–99. */
const ASSET_STEP = { fleet: 'case when d < 80 then 0 when d < 95 then 1 else 2 end', dense: 'd % 3' } as const;
/** Releases behind the pooled version that advisory k fixes (−1: newer than anything installed). */
function patchAge(density: TDensity, k: number): number {
  if (density === 'dense') return 0;
  const d = (k * 37) % 100;
  return d < 1 ? -1 : d < 20 ? 0 : d < 40 ? 1 : d < 70 ? 2 : 3;
}

export async function benchApplicability(
  h: TDbHandle,
  n: number,
  density: TDensity,
  time: <T>(label: string, fn: () => Promise<T>, runs?: number) => Promise<T>,
) {
  const { deb, rpm, from } = pool();
  const rows: TPoolRow[] = [...deb.map((item) => ({ os: 'debian' as const, item })), ...rpm.map((item) => ({ os: 'almalinux' as const, item }))];
  // Three versions per package: current, one and two steps behind; keys computed once here.
  const variants = rows.flatMap((r, i) =>
    [0, 1, 2].map((step) => {
      const version = step === 0 ? r.item.version : older(r.item.version, step);
      const sourceVersion = r.item.sourceVersion && step > 0 ? older(r.item.sourceVersion, step) : r.item.sourceVersion;
      const m = matchFields({ ...r.item, version, sourceVersion });
      return {
        pkg: i,
        step,
        os: r.os,
        ecosystem: r.item.ecosystem,
        name: r.item.name,
        version,
        arch: r.item.arch,
        match_name: m.matchName,
        match_version: m.matchVersion,
        match_key: m.matchKeyHex,
        epoch_known: m.epochKnown,
      };
    }),
  );
  const db = h.db;
  await db.execute(
    sql`create unlogged table bench_variants (pkg int, step int, os text, ecosystem text, name text, version text, arch text, match_name text, match_version text, match_key bytea, epoch_known boolean, line_id int)`,
  );
  const json = JSON.stringify(variants);
  await db.execute(sql`insert into bench_variants select pkg, step, os, ecosystem, name, version, arch, match_name, match_version, decode(match_key, 'hex'), epoch_known
    from jsonb_to_recordset(${json}::jsonb) as x(pkg int, step int, os text, ecosystem text, name text, version text, arch text, match_name text, match_version text, match_key text, epoch_known boolean)`);
  // The fleet's distinct software lines, as lib/inventory/replace-software.ts records them.
  // Generated assets run Debian 12 or AlmaLinux 9.4 (scripts/bench.ts generateInventory).
  const distro = sql.raw(`case v.os when 'debian' then 'Debian:12' else 'AlmaLinux:9' end`);
  await db.execute(sql`insert into software_lines (ecosystem, distro, match_name, match_version, match_key, epoch_known, arch)
    select distinct v.ecosystem::package_ecosystem, ${distro}, v.match_name, v.match_version, v.match_key, v.epoch_known, coalesce(v.arch, '') from bench_variants v
    on conflict do nothing`);
  await db.execute(sql`update bench_variants v set line_id = l.id from software_lines l
    where l.ecosystem = v.ecosystem::package_ecosystem and l.distro = ${distro} and l.match_name = v.match_name and l.match_version = v.match_version
      and l.arch = coalesce(v.arch, '') and l.epoch_known = v.epoch_known`);
  await db.execute(sql`create index on bench_variants (pkg, step)`);
  await db.execute(sql`analyze bench_variants`);
  const debCount = deb.length;
  const rpmCount = rpm.length;
  // ~300 packages per asset: each asset takes a contiguous, hash-shifted window of its OS's pool,
  // and each package a version 0–2 steps behind (drift), all generated server-side.
  console.log(`  pool ready (${from}, ${density} density); generating installed software…`);
  const t0 = performance.now();
  await db.execute(sql`
    insert into installed_software (tenant_id, asset_id, ecosystem, name, version, arch, match_name, match_version, match_key, epoch_known, line_id)
    select a.tenant_id, a.id, v.ecosystem::package_ecosystem, v.name, v.version, v.arch, v.match_name, v.match_version, v.match_key, v.epoch_known, v.line_id
    from assets a
    cross join generate_series(0, 299) g
    cross join lateral (select abs(hashtext(a.id::text || g::text)) % 100 as d) r
    join bench_variants v
      on v.os = a.os_family::text
     and v.pkg = case when a.os_family = 'debian'
                      then (abs(hashtext(a.id::text)) + g) % ${debCount}
                      else ${debCount} + (abs(hashtext(a.id::text)) + g) % ${rpmCount} end
     and v.step = ${sql.raw(ASSET_STEP[density])}`);
  // As autovacuum does after a bulk insert: statistics and the visibility map (index-only scans).
  if (h.kind === 'postgres') await db.execute(sql`vacuum analyze installed_software`);
  else await db.execute(sql`analyze installed_software`);
  const [{ c }] = await rawRows<{ c: number }>(db, sql`select count(*)::int as c from installed_software`);
  console.log(`  generated ${c.toLocaleString('en-US')} installed-software rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // 2,000 patches, each fixing one pooled package at a version `patchAge` releases behind the pool's.
  const t1 = performance.now();
  for (let i = 0; i < 2000; i += 500) {
    const batch = Array.from({ length: Math.min(500, 2000 - i) }, (_, j) => i + j);
    const inserted = await db
      .insert(patches)
      .values(
        batch.map((k) => ({
          source: 'osv',
          vendorId: `BENCH-${k}`,
          title: `bench ${k}`,
          cves: [],
          severity: (['critical', 'high', 'medium', 'low'] as const)[k % 4],
          cvss: [],
          references: [],
          contentHash: `h${k}`,
        })),
      )
      .returning({ id: patches.id, vendorId: patches.vendorId });
    const fixValues = inserted.flatMap((p) => {
      const k = Number(p.vendorId.slice(6));
      const r = rows[(k * 7919) % rows.length];
      const m = matchFields(r.item);
      const fixed = older(m.matchVersion, patchAge(density, k));
      return fixRows({
        ecosystem: r.item.ecosystem,
        distro: r.os === 'debian' ? 'Debian:12' : 'AlmaLinux:9',
        packageName: m.matchName,
        nameKind: r.item.ecosystem === 'deb' ? 'source' : 'binary',
        fixedVersion: fixed,
        introduced: null,
        lastAffected: null,
        arch: null,
      }).map((f) => ({ ...f, patchId: p.id }));
    });
    await db.insert(patchFixes).values(fixValues);
  }
  await db.execute(sql`analyze patch_fixes`);
  console.log(`  generated 2,000 patches in ${((performance.now() - t1) / 1000).toFixed(1)} s`);

  // The floor: one plain sequential scan in one process. The assessment writes, and PostgreSQL never
  // runs a writing statement in parallel, so this is the like-for-like comparison; the parallel scan
  // (2 workers on this machine) is printed too.
  const scan = sql`select count(*), sum(length(version)) from installed_software`;
  await time(
    'plain sequential scan of installed_software (floor, one process)',
    () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
        return rawRows(tx, scan);
      }),
    3,
  );
  await time('the same scan with parallel workers', () => rawRows(db, scan), 3);
  await time('full assessment, first (nothing judged or stored yet)', () => db.transaction((tx) => assessApplicability(tx, {})), 1);
  // As recomputeApplicability does (and autovacuum would): statistics after the bulk write.
  await db.execute(sql`analyze applicability`);
  await db.execute(sql`analyze line_verdicts`);
  await time('full assessment, recompute (settled fleet)', () => db.transaction((tx) => assessApplicability(tx, {})), 3);
  const [counts] = await rawRows<{ missing: number; verdicts: number; lines: number }>(
    db,
    sql`select (select count(*)::int from applicability where state = 'missing') as missing, (select count(*)::int from line_verdicts) as verdicts, (select count(*)::int from software_lines) as lines`,
  );
  console.log(
    `  → ${counts.missing.toLocaleString('en-US')} missing patch × asset pairs stored; ${counts.verdicts.toLocaleString('en-US')} verdicts over ${counts.lines.toLocaleString('en-US')} software lines`,
  );
  const actor = await benchActor(h);
  const top = await time('patches list, most affected first', () => findPatches(db, actor, ZPatchListQuery.parse({ sort: 'affected' })), 5);
  await time('patch detail: per-tenant counts incl. derived installed', () => getPatch(db, actor, top.rows[0].id), 5);
  await time('patch detail: affected assets page 1', () => findPatchAssets(db, actor, top.rows[0].id, ZAffectedQuery.parse({})), 5);
  const r = rows[12345 % rows.length];
  const m = matchFields(r.item);
  await time(
    'one new patch (insert + incremental assessment)',
    async () => {
      return db.transaction(async (tx) => {
        const [p] = await tx
          .insert(patches)
          .values({
            source: 'osv',
            vendorId: `BENCH-NEW-${Math.random()}`,
            title: 'new',
            cves: [],
            severity: 'critical',
            cvss: [],
            references: [],
            contentHash: 'x',
          })
          .returning({ id: patches.id });
        await tx.insert(patchFixes).values(
          fixRows({
            ecosystem: r.item.ecosystem,
            distro: r.os === 'debian' ? 'Debian:12' : 'AlmaLinux:9',
            packageName: m.matchName,
            nameKind: 'binary',
            fixedVersion: older(m.matchVersion, -1),
            introduced: null,
            lastAffected: null,
            arch: null,
          }).map((f) => ({ ...f, patchId: p.id })),
        );
        return assessApplicability(tx, { patchIds: [p.id] });
      });
    },
    5,
  );
  await db.delete(patches).where(eq(patches.title, 'new'));
  const [asset] = await rawRows<{ id: string; tenant_id: string; software_hash: string | null; software_count: number }>(
    db,
    sql`select id, tenant_id, software_hash, software_count from assets where os_family = 'debian' limit 1`,
  );
  let flip = 0;
  await time(
    'one inventory report (300 packages replaced + assessment)',
    () =>
      db.transaction(async (tx) => {
        // Alternate between two lists so each report changes something (an identical list is a no-op).
        const items = deb.slice(0, 300).map((item, i) => (i === 0 && flip++ % 2 ? { ...item, version: older(item.version, 1) } : item));
        return replaceSoftware(tx, { id: asset.id, tenantId: asset.tenant_id, softwareHash: null, softwareCount: asset.software_count }, items);
      }),
    5,
  );
}
