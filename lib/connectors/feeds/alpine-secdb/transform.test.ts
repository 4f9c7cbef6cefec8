import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import { transformAlpineSecdb } from './transform';

describeCorpus('transformAlpineSecdb on v3.11/main', () => {
  it('gives one patch per fixing package release in Alpine:3.11', () => {
    const r = transformAlpineSecdb(readCorpus('osv/alpine/alpine-secdb-v3.11-main.yaml'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.drafts).toHaveLength(502);
    const ansible = r.drafts.find((d) => d.vendorId === 'alpine/v3.11/main/ansible@2.9.3-r0');
    expect(ansible).toMatchObject({ source: 'alpine-secdb', cves: ['CVE-2019-14904', 'CVE-2019-14905'], severity: 'none' });
    expect(ansible?.fixes).toEqual([
      {
        ecosystem: 'apk',
        distro: 'Alpine:3.11',
        packageName: 'ansible',
        nameKind: 'source',
        fixedVersion: '2.9.3-r0',
        introduced: null,
        lastAffected: null,
        arch: null,
      },
    ]);
    // Xen advisories without CVE ids are kept in the summary.
    expect(r.drafts.find((d) => d.vendorId === 'alpine/v3.11/main/xen@4.7.1-r5')?.summary).toContain('XSA-207');
  });
});

describe('transformAlpineSecdb on small files', () => {
  it('skips "0" (never affected) entries and names bad fields', () => {
    const r = transformAlpineSecdb(
      '{"distroversion":"v3.19","reponame":"main","packages":[{"pkg":{"name":"x","secfixes":{"0":["CVE-2099-0001"],"1.0-r1":["CVE-2099-0002"]}}}]}',
    );
    expect(r.ok && r.drafts.map((d) => d.vendorId)).toEqual(['alpine/v3.19/main/x@1.0-r1']);
    expect(r.ok && r.warnings[0]).toContain('version "0"');
    expect(transformAlpineSecdb('distroversion: v3.19\nreponame: main\npackages:\n  - pkg: {}\n')).toMatchObject({ ok: false, field: 'packages[0].pkg.name' });
  });
});
