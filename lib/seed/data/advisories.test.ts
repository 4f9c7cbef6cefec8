import { describe, expect, it } from 'vitest';
import { transformAdvisory } from '@/lib/connectors/feeds/detect';
import type { TPatchDraft } from '@/lib/domain/patch';
import { parseCvss, severityFromScore } from '@/lib/domain/severity';
import { ECOSYSTEM_SCHEME, type TSoftwareItem } from '@/lib/domain/types';
import { compareVersions } from '@/lib/domain/versions';
import { DEMO_ADVISORIES, DEMO_KEV_CATALOG, demoAdvisoryFiles, type TDemoAdvisory } from './advisories';
import { generateDemoFleet, type TDemoAsset } from './fleet';

const files = demoAdvisoryFiles();
const fleet = generateDemoFleet();
const live = fleet.assets.filter((a) => a.lifecycle !== 'decommissioned');

const OS_OF: Record<TDemoAdvisory['ecosystem'], (a: TDemoAsset) => boolean> = {
  'Debian:12': (a) => a.osFamily === 'debian' && a.osRelease === '12',
  'Ubuntu:22.04:LTS': (a) => a.osFamily === 'ubuntu' && a.osRelease === '22.04',
  'AlmaLinux:9': (a) => a.osFamily === 'almalinux' && a.osRelease.startsWith('9.'),
};

const fileById = new Map(
  files
    .filter((f) => f.format !== 'kev')
    .map((f) => {
      const doc = JSON.parse(f.text);
      return [f.format === 'osv' ? doc.id : doc.document.tracking.id, f] as const;
    }),
);

function draftOf(advisory: TDemoAdvisory): TPatchDraft {
  const file = fileById.get(advisory.id);
  if (!file) throw new Error(`no file for ${advisory.id}`);
  const result = transformAdvisory(file.text, file.filename);
  if (!result.ok || result.kind === 'kev' || result.kind === 'epss') throw new Error(`${file.filename} did not transform: ${JSON.stringify(result)}`);
  expect(result.drafts).toHaveLength(1);
  return result.drafts[0];
}

/**
 * Installed versions below / at-or-above a fix, per the ZPatchFix matching rule: a source fix is
 * compared with the item's source version, a binary fix with its own version.
 */
function exposure(advisory: TDemoAdvisory, draft: TPatchDraft) {
  let older = 0;
  let current = 0;
  for (const asset of live.filter(OS_OF[advisory.ecosystem])) {
    let isOlder = false;
    let isCurrent = false;
    for (const fix of draft.fixes) {
      if (!fix.fixedVersion) continue;
      const scheme = ECOSYSTEM_SCHEME[fix.ecosystem];
      const hit = (i: TSoftwareItem) => i.ecosystem === fix.ecosystem && (fix.nameKind === 'source' ? i.sourceName : i.name) === fix.packageName;
      for (const item of asset.software.filter(hit)) {
        const installed = fix.nameKind === 'source' ? (item.sourceVersion ?? item.version) : item.version;
        if (compareVersions(scheme, installed, fix.fixedVersion) < 0) isOlder = true;
        else isCurrent = true;
      }
    }
    if (isOlder) older++;
    else if (isCurrent) current++;
  }
  return { older, current };
}

describe('demo advisory files', () => {
  it('are valid JSON with the top-level fields of their format, one file per advisory plus the KEV catalog', () => {
    expect(files).toEqual(demoAdvisoryFiles());
    expect(new Set(files.map((f) => f.filename)).size).toBe(files.length);
    expect(files.filter((f) => f.format === 'kev')).toHaveLength(1);
    expect(files.length).toBe(DEMO_ADVISORIES.length + 1);
    for (const f of files) {
      const doc = JSON.parse(f.text) as Record<string, unknown>;
      if (f.format === 'osv') {
        expect(doc).toMatchObject({ schema_version: '1.6.0', id: expect.any(String), modified: expect.any(String), published: expect.any(String) });
        expect(doc.affected).toEqual(expect.arrayContaining([expect.objectContaining({ package: expect.any(Object), ranges: expect.any(Array) })]));
        // OSV only accepts ids that start with a known home-database prefix.
        expect(doc.id).toMatch(/^(DSA|DLA|ALSA|USN)-DEMO-/);
      } else if (f.format === 'csaf') {
        expect(doc).toMatchObject({
          document: { category: 'csaf_security_advisory', csaf_version: '2.0', tracking: { id: expect.stringMatching(/^ALSA-DEMO-/), status: 'final' } },
          product_tree: { branches: expect.any(Array), relationships: expect.any(Array) },
          vulnerabilities: expect.any(Array),
        });
      } else {
        expect(doc).toMatchObject({ title: expect.any(String), catalogVersion: expect.any(String), dateReleased: expect.any(String), count: 3 });
        expect(doc.vulnerabilities).toHaveLength(3);
      }
    }
    expect(files.some((f) => f.format === 'csaf')).toBe(true);
  });

  it('CSAF documents reference only products they define, each rpm by purl', () => {
    for (const f of files.filter((x) => x.format === 'csaf')) {
      const doc = JSON.parse(f.text);
      const ids = new Set<string>();
      const walk = (branches: { product?: { product_id: string; product_identification_helper?: { purl?: string } }; branches?: unknown[] }[]) => {
        for (const b of branches) {
          expect(Object.keys(b)).toHaveLength(3); // category, name, and either branches or product
          if (b.product) ids.add(b.product.product_id);
          if (b.branches) walk(b.branches as never);
        }
      };
      walk(doc.product_tree.branches);
      for (const r of doc.product_tree.relationships) {
        expect(ids.has(r.product_reference)).toBe(true);
        ids.add(r.full_product_name.product_id);
      }
      for (const v of doc.vulnerabilities) for (const id of v.product_status.fixed) expect(ids.has(id), id).toBe(true);
      expect(f.text).toMatch(/"purl": "pkg:rpm\/almalinux\//);
    }
  });

  it('declare CVSS scores and severities that follow from their vectors', () => {
    expect(new Set(DEMO_ADVISORIES.map((a) => a.id)).size).toBe(DEMO_ADVISORIES.length);
    for (const a of DEMO_ADVISORIES) {
      const cvss = parseCvss(a.cvss);
      expect(cvss?.score, a.id).toBe(a.score);
      expect(severityFromScore(a.score, '3.1'), a.id).toBe(a.severity);
    }
  });

  it('go through the intake transforms with the declared package, fix, CVEs and severity', () => {
    for (const a of DEMO_ADVISORIES) {
      const draft = draftOf(a);
      expect(draft.vendorId).toBe(a.id);
      expect([...draft.cves].sort()).toEqual([...a.cves].sort());
      expect(draft.severity, a.id).toBe(a.severity);
      const fixed = draft.fixes.filter((fix) => fix.fixedVersion === a.fixed);
      expect(fixed.map((fix) => fix.packageName)).toEqual(expect.arrayContaining(a.ecosystem === 'AlmaLinux:9' ? [...a.binaries] : [a.source]));
    }
    const kev = files.find((f) => f.format === 'kev');
    const result = transformAdvisory(kev?.text ?? '', kev?.filename);
    expect(result.ok && result.kind === 'kev' ? result.kev.records.map((r) => r.cve).sort() : []).toEqual(
      DEMO_KEV_CATALOG.vulnerabilities.map((v) => v.cveID).sort(),
    );
  });

  it('each apply to some generated machines (older version installed) and not to others', () => {
    for (const a of DEMO_ADVISORIES) {
      const { older, current } = exposure(a, draftOf(a));
      expect(older, `${a.id}: machines below ${a.fixed}`).toBeGreaterThan(0);
      expect(current, `${a.id}: machines at or above ${a.fixed}`).toBeGreaterThan(0);
    }
  });

  it('cover every severity with applicable patches, and KEV-listed CVEs among them', () => {
    const applicable = DEMO_ADVISORIES.filter((a) => exposure(a, draftOf(a)).older > 0);
    expect(new Set(applicable.map((a) => a.severity))).toEqual(new Set(['critical', 'high', 'medium', 'low']));
    const kevCves = new Set(DEMO_KEV_CATALOG.vulnerabilities.map((v) => v.cveID));
    const flagged = applicable.filter((a) => a.cves.some((c) => kevCves.has(c)));
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    // The isKev flag agrees with the catalog, and every catalog CVE is fixed by some advisory.
    for (const a of DEMO_ADVISORIES) expect(a.isKev, a.id).toBe(a.cves.some((c) => kevCves.has(c)));
    for (const cve of kevCves)
      expect(
        DEMO_ADVISORIES.some((a) => a.cves.includes(cve)),
        cve,
      ).toBe(true);
  });
});
