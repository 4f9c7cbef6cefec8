import { describe, expect, it } from 'vitest';
import type { TPatchDraft } from '@/lib/domain/patch';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import { mapOsvEcosystem } from './ecosystem';
import { transformOsv } from './transform';

function draftOf(file: string): { draft: TPatchDraft; warnings: string[] } {
  const r = transformOsv(readCorpus('osv', file), file);
  if (!r.ok) throw new Error(`${file}: ${r.reason}`);
  expect(r.drafts).toHaveLength(1);
  return { draft: r.drafts[0], warnings: r.warnings };
}

describeCorpus('transformOsv on the real corpus', () => {
  it('AlmaLinux: epoch-bearing EVRs in AlmaLinux:9, severity from the "Moderate:" summary', () => {
    const { draft } = draftOf('almalinux/ALSA-2023_0959.json');
    expect(draft).toMatchObject({
      source: 'osv',
      vendorId: 'ALSA-2023:0959',
      cves: ['CVE-2022-48303'],
      vendorSeverity: 'Moderate',
      severity: 'medium',
      published: '2023-02-28T00:00:00.000Z',
    });
    expect(draft.fixes).toEqual([
      {
        ecosystem: 'rpm',
        distro: 'AlmaLinux:9',
        packageName: 'tar',
        nameKind: 'binary',
        fixedVersion: '2:1.34-6.el9_1',
        introduced: null,
        lastAffected: null,
        arch: null,
      },
    ]);
  });

  it('AlmaLinux: openssl 1:3.0.7-25.el9_3 for every openssl sub-package', () => {
    const { draft } = draftOf('almalinux/ALSA-2024_0310.json');
    expect(draft.fixes.map((f) => [f.packageName, f.distro, f.fixedVersion])).toEqual([
      ['openssl', 'AlmaLinux:9', '1:3.0.7-25.el9_3'],
      ['openssl-devel', 'AlmaLinux:9', '1:3.0.7-25.el9_3'],
      ['openssl-libs', 'AlmaLinux:9', '1:3.0.7-25.el9_3'],
      ['openssl-perl', 'AlmaLinux:9', '1:3.0.7-25.el9_3'],
    ]);
    expect(draftOf('almalinux/ALSA-2023_0282.json').draft.vendorId).toBe('ALSA-2023:0282');
    expect(draftOf('almalinux/ALSA-2025_10073.json').draft.fixes[0].distro).toBe('AlmaLinux:10');
  });

  it('USN-5380-1: bash source fixes for 18.04 and 20.04, plus one binary fix per built package', () => {
    const { draft } = draftOf('ubuntu/USN-5380-1.json');
    expect(draft.cves).toEqual(['CVE-2019-18276']); // from upstream UBUNTU-CVE-2019-18276; aliases is empty
    const source = draft.fixes.filter((f) => f.nameKind === 'source').map((f) => [f.distro, f.fixedVersion]);
    expect(source).toEqual([
      ['Ubuntu:14.04', '4.3-7ubuntu1.8+esm2'],
      ['Ubuntu:16.04', '4.3-14ubuntu1.4+esm1'],
      ['Ubuntu:18.04', '4.4.18-2ubuntu1.3'],
      ['Ubuntu:20.04', '5.0-6ubuntu1.2'],
    ]);
    const focal = draft.fixes.filter((f) => f.distro === 'Ubuntu:20.04' && f.nameKind === 'binary');
    expect(focal.map((f) => f.packageName)).toEqual([
      'bash',
      'bash-builtins',
      'bash-builtins-dbgsym',
      'bash-dbgsym',
      'bash-doc',
      'bash-static',
      'bash-static-dbgsym',
    ]);
    expect(new Set(focal.map((f) => f.fixedVersion))).toEqual(new Set(['5.0-6ubuntu1.2']));
    expect(draft.fixes.every((f) => f.ecosystem === 'deb' && f.introduced === null)).toBe(true);
  });

  it('Ubuntu: an unfixed entry gives no fixed version, not even to its binaries', () => {
    const { draft } = draftOf('ubuntu/UBUNTU-CVE-2022-24823.json');
    const trusty = draft.fixes.filter((f) => f.distro === 'Ubuntu:14.04');
    expect(trusty.map((f) => [f.packageName, f.nameKind, f.fixedVersion])).toEqual([
      ['netty', 'source', null],
      ['libnetty-java', 'binary', null],
    ]);
    expect(draft).toMatchObject({ vendorSeverity: 'low', severity: 'low' });
  });

  it('GHSA npm: one fix per introduced/fixed interval, GitHub severity kept verbatim', () => {
    const { draft } = draftOf('npm/GHSA-c2qf-rxjj-qqgw.json');
    expect(draft).toMatchObject({ vendorId: 'GHSA-c2qf-rxjj-qqgw', cves: ['CVE-2022-25883'], vendorSeverity: 'MODERATE', severity: 'medium' });
    expect(draft.fixes.map((f) => [f.ecosystem, f.distro, f.packageName, f.nameKind, f.introduced, f.fixedVersion])).toEqual([
      ['npm', null, 'semver', 'any', '7.0.0', '7.5.2'],
      ['npm', null, 'semver', 'any', '6.0.0', '6.3.1'],
      ['npm', null, 'semver', 'any', null, '5.7.2'],
    ]);
    const request = draftOf('npm/GHSA-p8p7-x288-28g6.json').draft.fixes[0];
    expect(request).toMatchObject({ packageName: 'request', fixedVersion: null, lastAffected: '2.88.2', introduced: null });
  });

  it('PyPI YAML: two pairs in one range become two fixes; versions stay strings', () => {
    const { draft } = draftOf('pypi/PYSEC-2024-69.yaml');
    expect(draft.fixes.map((f) => [f.packageName, f.introduced, f.fixedVersion])).toEqual([
      ['django', '5.0', '5.0.8'],
      ['django', '4.2', '4.2.15'],
    ]);
  });

  it('the same PyPA record as JSON and as YAML gives the same patch; GIT ranges are ignored', () => {
    const json = draftOf('pypi/PYSEC-2023-74.json').draft;
    const yaml = draftOf('pypi/PYSEC-2023-74.yaml').draft;
    expect(yaml.fixes).toEqual(json.fixes);
    expect(json.fixes).toEqual([
      {
        ecosystem: 'pypi',
        distro: null,
        packageName: 'requests',
        nameKind: 'any',
        fixedVersion: '2.31.0',
        introduced: '2.3.0',
        lastAffected: null,
        arch: null,
      },
    ]);
  });

  it('Red Hat OSV: stream ecosystems collapse to RHEL:8, zero epochs drop, rating from the classification link', () => {
    const { draft } = draftOf('redhat/RHSA-2024_4546.json');
    expect(draft).toMatchObject({ vendorId: 'RHSA-2024:4546', cves: ['CVE-2023-45288'], vendorSeverity: 'Important', severity: 'high' });
    expect(draft.fixes.map((f) => [f.distro, f.packageName, f.fixedVersion])).toEqual([
      ['RHEL:8', 'git-lfs', '2.13.3-3.el8_6.1'],
      ['RHEL:8', 'git-lfs-debuginfo', '2.13.3-3.el8_6.1'],
      ['RHEL:8', 'git-lfs-debugsource', '2.13.3-3.el8_6.1'],
    ]);
  });

  it('Rocky and Alpine ecosystems', () => {
    expect(draftOf('rocky/RLSA-2021_3891.json').draft.fixes[0]).toMatchObject({
      distro: 'Rocky:8',
      packageName: 'java-11-openjdk',
      fixedVersion: '1:11.0.13.0.8-1.el8_4',
    });
    const alpine = draftOf('alpine/CVE-2018-5407-alpine.json');
    expect(alpine.draft.fixes.map((f) => f.distro)).toEqual(['Alpine:3.3', 'Alpine:3.4', 'Alpine:3.5', 'Alpine:3.6', 'Alpine:3.7', 'Alpine:3.8']);
    expect(alpine.draft.fixes[0]).toMatchObject({ ecosystem: 'apk', packageName: 'openssl', nameKind: 'source', fixedVersion: '1.0.2q-r0' });
    expect(alpine.warnings).toContain('affected[6]: no package (repository-only range) — skipped');
  });

  it('an entry with only a versions list keeps it; an open-ended range keeps no list', () => {
    const keycloak = draftOf('ghsa/GHSA-458h-wv48-fq75.json').draft.fixes;
    expect(keycloak.at(-1)).toMatchObject({ ecosystem: 'maven', fixedVersion: null, affectedVersions: ['4.3.0.Final'] });
    const kernel = draftOf('ubuntu/UBUNTU-CVE-2025-38094.json').draft.fixes;
    expect(kernel).toEqual([
      {
        ecosystem: 'deb',
        distro: 'Ubuntu:14.04',
        packageName: 'linux',
        nameKind: 'source',
        fixedVersion: null,
        introduced: null,
        lastAffected: null,
        arch: null,
      },
    ]);
  });

  it('ecosystems without a version scheme of ours are imported as generic, with a warning', () => {
    const { draft, warnings } = draftOf('ghsa/GHSA-3cqw-pxgr-jhrm.json');
    expect(draft.fixes[0]).toMatchObject({ ecosystem: 'generic', distro: 'Packagist', packageName: 'typo3/cms-backend', lastAffected: '4.0.13' });
    expect(warnings.join()).toContain('Packagist');
  });

  it('records without affected packages are imported for their CVEs, with a warning', () => {
    const rh = draftOf('redhat/RHSA-2022_0216.json');
    expect(rh.draft.fixes).toEqual([]);
    expect(rh.draft.cves).toEqual(['CVE-2021-44832', 'CVE-2021-45046', 'CVE-2021-45105']);
    expect(rh.warnings[0]).toMatch(/^affected: .*lists no affected packages/);
    expect(draftOf('suse/SUSE-FU-2022_0444-1.json').draft.fixes).toEqual([]);
  });

  it('rejects withdrawn and malicious-package records with the field that decided it', () => {
    expect(transformOsv(readCorpus('osv/ubuntu/UBUNTU-CVE-2013-2208.json'))).toMatchObject({ ok: false, field: 'withdrawn' });
    const mal = transformOsv(readCorpus('osv/malicious/MAL-2024-10238.json'));
    expect(mal).toMatchObject({ ok: false, field: 'id' });
    if (!mal.ok) expect(mal.reason).toContain('malicious-package');
  });
});

describe('transformOsv on malformed input', () => {
  const base = { id: 'TEST-1', modified: '2024-01-01T00:00:00Z', aliases: ['CVE-2024-0001'] };

  it('names the JSON path of the bad field', () => {
    const bad = { ...base, affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'WEIRD', events: [{ introduced: '0' }] }] }] };
    expect(transformOsv(JSON.stringify(bad))).toMatchObject({ ok: false, field: 'affected[0].ranges[0].type' });
    expect(transformOsv(JSON.stringify({ modified: 'x' }))).toMatchObject({ ok: false, field: 'id' });
    const r = transformOsv('{"id": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('not valid JSON');
  });

  it('rejects a record with neither CVEs nor packages', () => {
    expect(transformOsv(JSON.stringify({ id: 'X-1', modified: '2024-01-01T00:00:00Z' }))).toMatchObject({ ok: false, field: 'fixes' });
  });

  it('pairs events in order, including a trailing open interval and a fixed without introduced', () => {
    const rec = {
      ...base,
      affected: [
        {
          package: { ecosystem: 'PyPI', name: 'p' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ fixed: '1.0' }, { introduced: '2.0' }, { introduced: '3.0' }, { fixed: '3.1' }, { introduced: '4.0' }] }],
        },
      ],
    };
    const r = transformOsv(JSON.stringify(rec));
    if (!r.ok) throw new Error(r.reason);
    expect(r.drafts[0].fixes.map((f) => [f.introduced, f.fixedVersion])).toEqual([
      [null, '1.0'],
      ['2.0', null],
      ['3.0', '3.1'],
      ['4.0', null],
    ]);
  });
});

describe('mapOsvEcosystem', () => {
  it.each([
    ['Ubuntu:22.04:LTS', 'deb', 'Ubuntu:22.04'],
    ['Ubuntu:Pro:18.04:LTS', 'deb', 'Ubuntu:18.04'],
    ['Debian:12', 'deb', 'Debian:12'],
    ['Red Hat:rhel_aus:8.6::appstream', 'rpm', 'RHEL:8'],
    ['Red Hat:enterprise_linux:9::baseos', 'rpm', 'RHEL:9'],
    ['AlmaLinux:9', 'rpm', 'AlmaLinux:9'],
    ['Rocky Linux:8', 'rpm', 'Rocky:8'],
    ['SUSE:Linux Enterprise Server 15 SP5', 'rpm', 'SUSE:15.5'],
    ['openSUSE:Leap 15.5', 'rpm', 'openSUSE:15.5'],
    ['Alpine:v3.11', 'apk', 'Alpine:3.11'],
    ['crates.io', 'cargo', null],
    ['Maven:https://maven.google.com', 'maven', null],
  ])('%s -> %s %s', (eco, ecosystem, distro) => {
    expect(mapOsvEcosystem(eco)).toMatchObject({ ok: true, ecosystem, distro });
  });

  it('refuses distribution ecosystems without a release', () => {
    expect(mapOsvEcosystem('Debian').ok).toBe(false);
    expect(mapOsvEcosystem('Ubuntu').ok).toBe(false);
  });
});
