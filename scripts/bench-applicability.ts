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
import { parseSeedListing } from '../db/seed/data/seed-listing';
import { DEBIAN12_CORE } from '../db/seed/data/packages-debian12';
import { ALMA9_CORE } from '../db/seed/data/packages-alma9';
import { parseInventory } from '../lib/domain/inventory-formats/detect';
import { matchFields } from '../lib/domain/match-fields';
import type { TSoftwareItem } from '../lib/domain/types';
import { assessApplicability } from '../lib/intake/assess';
import { fixRows } from '../lib/intake/fix-rows';

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

type TPoolRow = { os: 'debian' | 'almalinux'; item: TSoftwareItem };

export async function benchApplicability(h: TDbHandle, n: number, time: <T>(label: string, fn: () => Promise<T>, runs?: number) => Promise<T>) {
  const { deb, rpm, from } = pool();
  const rows: TPoolRow[] = [...deb.map((item) => ({ os: 'debian' as const, item })), ...rpm.map((item) => ({ os: 'almalinux' as const, item }))];
  // Three versions per package: current, one and two steps behind; keys computed once here.
  const variants = rows.flatMap((r, i) =>
    [0, 1, 2].map((step) => {
      const version = step === 0 ? r.item.version : older(r.item.version, step);
      const sourceVersion = r.item.sourceVersion && step > 0 ? older(r.item.sourceVersion, step) : r.item.sourceVersion;
      const m = matchFields({ ...r.item, version, sourceVersion });
      return { pkg: i, step, os: r.os, ecosystem: r.item.ecosystem, name: r.item.name, version, arch: r.item.arch, match_name: m.matchName, match_version: m.matchVersion, match_key: m.matchKeyHex, epoch_known: m.epochKnown };
    }),
  );
  const db = h.db;
  await db.execute(sql`create unlogged table bench_variants (pkg int, step int, os text, ecosystem text, name text, version text, arch text, match_name text, match_version text, match_key bytea, epoch_known boolean)`);
  const json = JSON.stringify(variants);
  await db.execute(sql`insert into bench_variants select pkg, step, os, ecosystem, name, version, arch, match_name, match_version, decode(match_key, 'hex'), epoch_known
    from jsonb_to_recordset(${json}::jsonb) as x(pkg int, step int, os text, ecosystem text, name text, version text, arch text, match_name text, match_version text, match_key text, epoch_known boolean)`);
  await db.execute(sql`create index on bench_variants (pkg, step)`);
  await db.execute(sql`analyze bench_variants`);
  const debCount = deb.length;
  const rpmCount = rpm.length;
  // ~300 packages per asset: each asset takes a contiguous, hash-shifted window of its OS's pool,
  // and each package a version 0–2 steps behind (drift), all generated server-side.
  console.log('  pool ready; generating installed software…');
  const t0 = performance.now();
  await db.execute(sql`
    insert into installed_software (tenant_id, asset_id, ecosystem, name, version, arch, match_name, match_version, match_key, epoch_known)
    select a.tenant_id, a.id, v.ecosystem::package_ecosystem, v.name, v.version, v.arch, v.match_name, v.match_version, v.match_key, v.epoch_known
    from assets a
    cross join generate_series(0, 299) g
    join bench_variants v
      on v.os = a.os_family::text
     and v.pkg = case when a.os_family = 'debian'
                      then (abs(hashtext(a.id::text)) + g) % ${debCount}
                      else ${debCount} + (abs(hashtext(a.id::text)) + g) % ${rpmCount} end
     and v.step = abs(hashtext(a.id::text || g::text)) % 3`);
  await db.execute(sql`analyze installed_software`);
  const [{ c }] = await rawRows<{ c: number }>(db, sql`select count(*)::int as c from installed_software`);
  console.log(`  generated ${c.toLocaleString('en-US')} installed-software rows (${from}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // 2,000 patches, each fixing one pooled package at its current version (so assets one or two steps behind miss it).
  const t1 = performance.now();
  for (let i = 0; i < 2000; i += 500) {
    const batch = Array.from({ length: Math.min(500, 2000 - i) }, (_, j) => i + j);
    const inserted = await db
      .insert(patches)
      .values(batch.map((k) => ({ source: 'osv', vendorId: `BENCH-${k}`, title: `bench ${k}`, cves: [], severity: (['critical', 'high', 'medium', 'low'] as const)[k % 4], cvss: [], references: [], contentHash: `h${k}` })))
      .returning({ id: patches.id, vendorId: patches.vendorId });
    const fixValues = inserted.flatMap((p) => {
      const k = Number(p.vendorId.slice(6));
      const r = rows[(k * 7919) % rows.length];
      const m = matchFields(r.item);
      return fixRows({ ecosystem: r.item.ecosystem, distro: r.os === 'debian' ? 'Debian:12' : 'AlmaLinux:9', packageName: m.matchName, nameKind: r.item.ecosystem === 'deb' ? 'source' : 'binary', fixedVersion: m.matchVersion, introduced: null, lastAffected: null, arch: null }).map((f) => ({ ...f, patchId: p.id }));
    });
    await db.insert(patchFixes).values(fixValues);
  }
  await db.execute(sql`analyze patch_fixes`);
  console.log(`  generated 2,000 patches in ${((performance.now() - t1) / 1000).toFixed(1)} s`);

  await time('plain sequential scan of installed_software (floor)', () => rawRows(db, sql`select count(*), sum(length(version)) from installed_software`), 3);
  await time('full assessment, first (empty table: every pair written)', () => db.transaction((tx) => assessApplicability(tx, {})), 1);
  // As recomputeApplicability does (and autovacuum would): statistics after the bulk write.
  await db.execute(sql`analyze applicability`);
  await time('full assessment, recompute (settled fleet)', () => db.transaction((tx) => assessApplicability(tx, {})), 3);
  const [{ missing }] = await rawRows<{ missing: number }>(db, sql`select count(*)::int as missing from applicability where state = 'missing'`);
  console.log(`  → ${missing.toLocaleString('en-US')} missing patch × asset pairs`);
  const r = rows[12345 % rows.length];
  const m = matchFields(r.item);
  await time('one new patch (insert + incremental assessment)', async () => {
    return db.transaction(async (tx) => {
      const [p] = await tx.insert(patches).values({ source: 'osv', vendorId: `BENCH-NEW-${Math.random()}`, title: 'new', cves: [], severity: 'critical', cvss: [], references: [], contentHash: 'x' }).returning({ id: patches.id });
      await tx.insert(patchFixes).values(fixRows({ ecosystem: r.item.ecosystem, distro: r.os === 'debian' ? 'Debian:12' : 'AlmaLinux:9', packageName: m.matchName, nameKind: 'binary', fixedVersion: m.matchVersion, introduced: null, lastAffected: null, arch: null }).map((f) => ({ ...f, patchId: p.id })));
      return assessApplicability(tx, { patchIds: [p.id] });
    });
  }, 3);
  await db.delete(patches).where(eq(patches.title, 'new'));
}
