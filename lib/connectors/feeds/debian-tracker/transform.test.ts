import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import { transformDebianAdvisoryList } from './dsa-list';
import { transformDebianTracker } from './transform';

describeCorpus('transformDebianTracker on the tracker JSON excerpt', () => {
  const r = transformDebianTracker(readCorpus('debian/security-tracker-json.excerpt.json'));
  if (!r.ok) throw new Error(r.reason);

  it('gives one patch per CVE with a fix per source package and release (bookworm is Debian:12)', () => {
    const chromium = r.drafts.find((d) => d.vendorId === 'DEBIAN-CVE-2022-0456')!;
    expect(chromium.fixes.map((f) => [f.distro, f.packageName, f.nameKind, f.fixedVersion])).toEqual([
      ['Debian:12', 'chromium', 'source', '98.0.4758.80-1'],
      ['Debian:11', 'chromium', 'source', '98.0.4758.80-1~deb11u1'],
      ['Debian:10', 'chromium', 'source', null], // open: affected, no fix
      ['Debian:9', 'chromium', 'source', null],
    ]);
    const sope = r.drafts.find((d) => d.vendorId === 'DEBIAN-CVE-2025-53603')!;
    expect(sope.fixes.find((f) => f.distro === 'Debian:12')?.fixedVersion).toBe('5.8.0-1+deb12u1');
    expect(sope.fixes.some((f) => f.distro === 'Debian:13')).toBe(true);
  });

  it('takes the urgency as vendor severity, skips never-affected and empty entries', () => {
    expect(r.drafts.find((d) => d.vendorId === 'DEBIAN-CVE-2008-7220')).toMatchObject({ vendorSeverity: 'high**', severity: 'high' });
    expect(r.drafts.map((d) => d.vendorId)).not.toContain('DEBIAN-CVE-2007-2383'); // fixed_version "0" everywhere
    expect(r.drafts.map((d) => d.vendorId)).not.toContain('DEBIAN-CVE-2022-0358'); // releases: []
    expect(r.drafts).toHaveLength(5);
  });

  it('gives a revision that changes when a fixed version changes', () => {
    const text = readCorpus('debian/security-tracker-json.excerpt.json');
    const again = transformDebianTracker(text.replace('"fixed_version": "5.8.0-1+deb12u1"', '"fixed_version": "5.8.0-1+deb12u2"'));
    const before = r.drafts.find((d) => d.vendorId === 'DEBIAN-CVE-2025-53603')!.revision;
    const after = again.ok && again.drafts.find((d) => d.vendorId === 'DEBIAN-CVE-2025-53603')!.revision;
    expect(after).not.toBe(before);
    expect(transformDebianTracker(text).ok && transformDebianTracker(text)).toEqual(r);
  });
});

describeCorpus('transformDebianAdvisoryList on DSA/DLA lists', () => {
  it('reads one patch per DSA with its CVEs and per-release source fixes', () => {
    const r = transformDebianAdvisoryList(readCorpus('debian/DSA-list.2022-01_2023-03.txt'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.drafts).toHaveLength(352);
    expect(r.drafts.find((d) => d.vendorId === 'DSA-5380-1')).toMatchObject({
      title: 'xorg-server - security update',
      cves: ['CVE-2023-1393'],
      published: '2023-03-29T00:00:00.000Z',
      fixes: [
        {
          ecosystem: 'deb',
          distro: 'Debian:11',
          packageName: 'xorg-server',
          nameKind: 'source',
          fixedVersion: '2:1.20.11-1+deb11u6',
          introduced: null,
          lastAffected: null,
          arch: null,
        },
      ],
    });
  });

  it('maps bookworm entries to Debian:12 and skips announcements', () => {
    const r = transformDebianAdvisoryList(readCorpus('debian/DSA-list.excerpt.txt'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.drafts.find((d) => d.vendorId === 'DSA-5970-1')?.fixes[0]).toMatchObject({
      distro: 'Debian:12',
      packageName: 'sope',
      fixedVersion: '5.8.0-1+deb12u1',
    });
    expect(r.drafts.map((d) => d.vendorId)).not.toContain('DSA-3281-1'); // key change notice: no CVEs, no packages
  });
});

describe('Debian tracker on malformed input', () => {
  it('names the bad field', () => {
    expect(transformDebianTracker('{"pkg":{"CVE-2099-0001":{"releases":{"bookworm":{"fixed_version":"1"}}}}}')).toMatchObject({
      ok: false,
      field: 'pkg.CVE-2099-0001.releases.bookworm.status',
    });
    expect(transformDebianAdvisoryList('hello')).toMatchObject({ ok: false });
  });
});
