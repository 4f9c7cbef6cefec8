import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import { detectAdvisoryFormat, transformAdvisory } from './detect';

describeCorpus('detectAdvisoryFormat on the corpus', () => {
  it.each([
    ['csaf/rhsa-2024_4546.json', 'csaf'],
    ['csaf/cisa/icsa-24-004-02.json', 'csaf'],
    ['osv/almalinux/ALSA-2023_0959.json', 'osv'],
    ['osv/pypi/PYSEC-2018-28.yaml', 'osv'],
    ['osv/alpine/alpine-secdb-v3.11-main.yaml', 'alpine-secdb'],
    ['cvrf/msrc-cvrf-2016-Oct-OOB.xml', 'cvrf'],
    ['cvrf/msrc-cvrf-2023-Dec.xml', 'cvrf'],
    ['kev/known_exploited_vulnerabilities.json', 'kev'],
    ['epss/epss_kev_nvd.csv', 'epss'],
    ['epss/epss_scores_raw_format_sample.csv', 'epss'],
    ['debian/security-tracker-json.excerpt.json', 'debian-tracker'],
    ['debian/DSA-list.excerpt.txt', 'debian-dsa-list'],
    ['debian/DLA-list.2022-01_2023-03.txt', 'debian-dsa-list'],
    ['kev/known_exploited_vulnerabilities_schema.json', null],
    ['osv/schema/osv-schema.json', null],
    ['oval/rhel-8.oval.excerpt.xml', null],
    ['sbom/cyclonedx-vex/vex.json', null],
    ['inventories/debian-12-dpkg-query-W.tsv', null],
    ['debian/security-support/security-support-ended.deb12', null],
  ])('%s -> %s', (file, kind) => {
    expect(detectAdvisoryFormat(readCorpus(file), file.split('/').pop())).toBe(kind);
  });

  it('routes enrichments to their own result shapes', () => {
    const kev = transformAdvisory(readCorpus('kev/known_exploited_vulnerabilities.json'));
    expect(kev).toMatchObject({ ok: true, kind: 'kev', drafts: [] });
    const epss = transformAdvisory(readCorpus('epss/epss_scores_raw_format_sample.csv'), 'sample.csv');
    expect(epss.ok && epss.kind === 'epss' && epss.epss.records).toHaveLength(5);
  });

  it('never throws on damaged copies of real documents', () => {
    const docs = [
      'csaf/rhsa-2024_4546.json',
      'osv/ubuntu/USN-5380-1.json',
      'osv/pypi/PYSEC-2024-26.yaml',
      'cvrf/msrc-cvrf-2016-Oct-OOB.xml',
      'debian/security-tracker-json.excerpt.json',
    ];
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (const file of docs) {
      const text = readCorpus(file);
      for (let i = 0; i < 25; i++) {
        const cut = text.slice(0, rand(text.length));
        const at = rand(text.length);
        const mutated = text.slice(0, at) + '"}]>\u0000' + text.slice(at + rand(40));
        for (const variant of [cut, mutated]) {
          const r = transformAdvisory(variant, file.split('/').pop());
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('transformAdvisory on junk', () => {
  it.each(['', '   ', 'null', '[]', '{}', '42', '<html></html>', 'a,b\n1,2', '\uFEFF{"id":1}', '--- \n- x\n', '{"document":{"csaf_version":"2.0"}}'])(
    '%j is rejected with a reason',
    (text) => {
      const r = transformAdvisory(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).not.toBe('');
    },
  );

  it('a CSAF document missing its tracking names the field', () => {
    expect(transformAdvisory('{"document":{"csaf_version":"2.0","category":"csaf_base","title":"t","publisher":{"name":"p"}}}')).toMatchObject({
      ok: false,
      field: 'document.tracking',
    });
  });
});
