import { describe, expect, it } from 'vitest';
import { describeCorpus, listCorpus, readCorpus } from '@/lib/testing/corpus';
import { transformAdvisory } from './detect';

type TExpected = { patches: number; fixes: number } | { rejected: string } | { kev: number } | { epss: number };

/**
 * The expected outcome of every file of the real corpus, worked out from the files themselves (jq and a
 * separate script applying the documented rules), not pasted from this code's output. A new corpus file
 * fails the walk until it gets a row here.
 */
const EXPECTED: Record<string, TExpected> = {
  'csaf/bsi-2022-0001.json': { patches: 1, fixes: 1 },
  'csaf/cisa-icsa-23-103-04.json': { patches: 1, fixes: 4 },
  'csaf/cisa-icsa-24-116-04.json': { patches: 1, fixes: 5 },
  'csaf/cisa-icsa-24-284-18.json': { patches: 1, fixes: 6 },
  'csaf/cisa-va-24-201-01.json': { patches: 1, fixes: 2 },
  'csaf/cisa/icsa-24-004-02.json': { patches: 1, fixes: 5 },
  'csaf/cisa/icsa-24-011-05.json': { patches: 1, fixes: 1 },
  'csaf/cisa/icsa-24-046-15.json': { patches: 1, fixes: 1 },
  'csaf/cisa/icsa-24-074-12.json': { patches: 1, fixes: 1 },
  'csaf/cisa/icsa-24-086-03.json': { patches: 1, fixes: 1 },
  'csaf/cisa/icsa-24-095-01.json': { patches: 1, fixes: 1 },
  'csaf/cisa/icsa-24-102-01.json': { patches: 1, fixes: 1 },
  'csaf/cisa/va-24-254-01.json': { patches: 1, fixes: 1 },
  'csaf/cisa/va-24-254-02.json': { patches: 1, fixes: 1 },
  'csaf/cisa/va-24-262-01.json': { patches: 1, fixes: 1 },
  'csaf/cisco-sa-20180328-smi2.json': { patches: 1, fixes: 2 },
  'csaf/cve-2023-0044.json': { patches: 1, fixes: 3 },
  'csaf/microsoft/msrc_cve-2025-49701.json': { patches: 1, fixes: 3 },
  'csaf/msrc_cve-2025-49704.json': { patches: 1, fixes: 2 },
  'csaf/msrc_cve-2025-49706.json': { patches: 1, fixes: 3 },
  'csaf/oasis-2022-evd-uc-06-001.json': { patches: 1, fixes: 1 },
  'csaf/oasis/2022-evd-uc-01-a-001.json': { patches: 1, fixes: 1 },
  'csaf/oasis/2022-evd-uc-01-f-001.json': { patches: 1, fixes: 1 },
  'csaf/oasis/2022-evd-uc-01-na-001.json': { rejected: 'no product is affected or fixed' },
  'csaf/oasis/2022-evd-uc-01-ui-001.json': { rejected: 'no product is affected or fixed' },
  'csaf/oasis/2022-evd-uc-02-na-001.json': { rejected: 'no product is affected or fixed' },
  'csaf/oasis/2022-evd-uc-03-ms-001.json': { patches: 1, fixes: 1 },
  'csaf/oasis/2022-evd-uc-04-001.json': { patches: 1, fixes: 1 },
  'csaf/oasis/2022-evd-uc-05-001.json': { rejected: 'no product is affected or fixed' },
  'csaf/oasis/2022-evd-uc-07-001.json': { patches: 1, fixes: 2 },
  'csaf/oasis/2022-evd-uc-08-001.json': { patches: 1, fixes: 2 },
  'csaf/oasis/2022-evd-uc-09-001.json': { patches: 1, fixes: 1 },
  'csaf/oasis/rhsa-2019_1862.json': { rejected: 'has no vulnerabilities' }, // csaf_informational_advisory
  'csaf/oasis/rhsa-2021_5217.json': { patches: 1, fixes: 1 },
  'csaf/redhat/cve-2023-20862.json': { patches: 1, fixes: 13 },
  'csaf/redhat/cve-2024-34500.json': { patches: 1, fixes: 1 },
  'csaf/redhat/rhba-2024_1440.json': { patches: 1, fixes: 2 },
  'csaf/redhat/rhsa-2003_315.json': { patches: 1, fixes: 3 },
  'csaf/redhat/rhsa-2023_3821.json': { patches: 1, fixes: 51 },
  'csaf/redhat/rhsa-2023_5835.json': { patches: 1, fixes: 2 },
  'csaf/redhat/rhsa-2024_0010.json': { patches: 1, fixes: 13 },
  'csaf/redhat/rhsa-2024_0811.json': { patches: 1, fixes: 30 }, // sudo in RHEL 8/9 EUS and main streams: one fix per distinct fixed NEVR
  'csaf/redhat/rhsa-2024_6220.json': { patches: 1, fixes: 77 },
  'csaf/rhsa-2021_5186.json': { patches: 1, fixes: 1 },
  'csaf/rhsa-2022_0011.json': { patches: 1, fixes: 4 },
  'csaf/rhsa-2024_3666.json': { patches: 1, fixes: 9 },
  'csaf/rhsa-2024_4546.json': { patches: 1, fixes: 4 }, // git-lfs (src and binary), -debuginfo, -debugsource; arches and 3 streams collapse
  'csaf/rhsa-2024_6163.json': { patches: 1, fixes: 1 },
  'csaf/rhsa-2025_23414.json': { patches: 1, fixes: 4 },
  'csaf/sec-vex-2022-0001.json': { rejected: 'no product is affected or fixed' }, // VEX: known_not_affected only
  'csaf/siemens-ssa-054046.json': { patches: 1, fixes: 138 }, // 138 product families, each with its own vers range
  'cvrf/msrc-cvrf-2016-Oct-OOB.xml': { patches: 1, fixes: 11 },
  'cvrf/msrc-cvrf-2023-Dec.xml': { patches: 20, fixes: 56 }, // 20 KB articles (Edge 'Release Notes' and Office 'Click to Run' fixes carry no KB)
  'epss/epss_kev_nvd.csv': { epss: 1556 },
  'epss/epss_scores_raw_format_sample.csv': { epss: 5 },
  'kev/known_exploited_vulnerabilities.json': { kev: 1404 },
  'kev/known_exploited_vulnerabilities_schema.json': { rejected: 'unrecognised format' },
  'osv/almalinux/ALBA-2022_8256.json': { patches: 1, fixes: 3 },
  'osv/almalinux/ALSA-2022_4940.json': { patches: 1, fixes: 4 },
  'osv/almalinux/ALSA-2022_6157.json': { patches: 1, fixes: 5 },
  'osv/almalinux/ALSA-2022_6224.json': { patches: 1, fixes: 4 },
  'osv/almalinux/ALSA-2023_0282.json': { patches: 1, fixes: 2 },
  'osv/almalinux/ALSA-2023_0284.json': { patches: 1, fixes: 1 },
  'osv/almalinux/ALSA-2023_0336.json': { patches: 1, fixes: 10 },
  'osv/almalinux/ALSA-2023_0340.json': { patches: 1, fixes: 2 },
  'osv/almalinux/ALSA-2023_0959.json': { patches: 1, fixes: 1 },
  'osv/almalinux/ALSA-2023_0970.json': { patches: 1, fixes: 11 },
  'osv/almalinux/ALSA-2023_2523.json': { patches: 1, fixes: 4 },
  'osv/almalinux/ALSA-2023_2645.json': { patches: 1, fixes: 6 },
  'osv/almalinux/ALSA-2023_2650.json': { patches: 1, fixes: 5 },
  'osv/almalinux/ALSA-2023_4520.json': { patches: 1, fixes: 1 },
  'osv/almalinux/ALSA-2023_5200.json': { patches: 1, fixes: 2 },
  'osv/almalinux/ALSA-2023_5455.json': { patches: 1, fixes: 214 },
  'osv/almalinux/ALSA-2023_5711.json': { patches: 1, fixes: 10 },
  'osv/almalinux/ALSA-2023_6632.json': { patches: 1, fixes: 3 },
  'osv/almalinux/ALSA-2023_7877.json': { patches: 1, fixes: 4 },
  'osv/almalinux/ALSA-2024_0310.json': { patches: 1, fixes: 4 },
  'osv/almalinux/ALSA-2024_0606.json': { patches: 1, fixes: 8 },
  'osv/almalinux/ALSA-2024_1601.json': { patches: 1, fixes: 4 },
  'osv/almalinux/ALSA-2024_2211.json': { patches: 1, fixes: 1 },
  'osv/almalinux/ALSA-2024_2438.json': { patches: 1, fixes: 3 },
  'osv/almalinux/ALSA-2024_2504.json': { patches: 1, fixes: 3 },
  'osv/almalinux/ALSA-2024_2570.json': { patches: 1, fixes: 5 },
  'osv/almalinux/ALSA-2024_2679.json': { patches: 1, fixes: 3 },
  'osv/almalinux/ALSA-2024_3501.json': { patches: 1, fixes: 3 },
  'osv/almalinux/ALSA-2024_3513.json': { patches: 1, fixes: 1 },
  'osv/almalinux/ALSA-2024_4083.json': { patches: 1, fixes: 15 },
  'osv/almalinux/ALSA-2024_6162.json': { patches: 1, fixes: 1 },
  'osv/almalinux/ALSA-2024_6192.json': { patches: 1, fixes: 1 },
  'osv/almalinux/ALSA-2024_6464.json': { patches: 1, fixes: 5 },
  'osv/almalinux/ALSA-2024_8914.json': { patches: 1, fixes: 3 },
  'osv/almalinux/ALSA-2024_9317.json': { patches: 1, fixes: 16 },
  'osv/almalinux/ALSA-2024_9541.json': { patches: 1, fixes: 2 },
  'osv/almalinux/ALSA-2025_10073.json': { patches: 1, fixes: 1 },
  'osv/almalinux/ALSA-2025_10140.json': { patches: 1, fixes: 1 },
  'osv/almalinux/ALSA-2025_9978.json': { patches: 1, fixes: 2 },
  'osv/alpine/CVE-2018-5407-alpine.json': { patches: 1, fixes: 6 }, // 6 Alpine releases; the 7th entry is a GIT-only range without a package
  'osv/alpine/alpine-secdb-v3.11-main.yaml': { patches: 502, fixes: 502 }, // native secdb, not OSV: one patch per fixing package release
  'osv/crates/RUSTSEC-2021-0079.json': { patches: 1, fixes: 1 },
  'osv/crates/RUSTSEC-2022-0022.json': { patches: 1, fixes: 1 },
  'osv/debian/DSA-3029-1.json': { patches: 1, fixes: 1 },
  'osv/ghsa/GHSA-2ccf-ffrj-m4qw.json': { patches: 1, fixes: 2 },
  'osv/ghsa/GHSA-3cqw-pxgr-jhrm.json': { patches: 1, fixes: 4 },
  'osv/ghsa/GHSA-458h-wv48-fq75.json': { patches: 1, fixes: 3 },
  'osv/ghsa/GHSA-45c4-8wx5-qw6w.json': { patches: 1, fixes: 1 },
  'osv/ghsa/GHSA-4h4p-553m-46qh.json': { patches: 1, fixes: 1 },
  'osv/ghsa/GHSA-69ch-w2m2-3vjp.json': { patches: 1, fixes: 1 },
  'osv/ghsa/GHSA-838r-hvwh-24h8.json': { patches: 1, fixes: 1 },
  'osv/ghsa/GHSA-c25x-cm9x-qqgx.json': { patches: 1, fixes: 3 },
  'osv/ghsa/GHSA-cvw2-xj8r-mjf7.json': { patches: 1, fixes: 1 },
  'osv/ghsa/GHSA-qq9f-q439-2574.json': { patches: 1, fixes: 1 },
  'osv/ghsa/GHSA-rh58-r7jh-xhx3.json': { patches: 1, fixes: 33 },
  'osv/go/GO-2020-0001.json': { patches: 1, fixes: 1 },
  'osv/go/GO-2021-0238.json': { patches: 1, fixes: 1 },
  'osv/go/GO-2022-0236.json': { patches: 1, fixes: 3 },
  'osv/go/GO-2022-0969.json': { patches: 1, fixes: 3 },
  'osv/go/GO-2022-1144.json': { patches: 1, fixes: 3 },
  'osv/go/GO-2023-1571.json': { patches: 1, fixes: 3 },
  'osv/go/GO-2023-1737.json': { patches: 1, fixes: 1 },
  'osv/go/GO-2023-2102.json': { patches: 1, fixes: 3 },
  'osv/go/GO-2023-2402.json': { patches: 1, fixes: 1 },
  'osv/go/GO-2024-2611.json': { patches: 1, fixes: 1 },
  'osv/go/GO-2024-2687.json': { patches: 1, fixes: 3 },
  'osv/go/GO-2024-2963.json': { patches: 1, fixes: 2 },
  'osv/go/GO-2024-3321.json': { patches: 1, fixes: 1 },
  'osv/go/GO-2024-3333.json': { patches: 1, fixes: 1 },
  'osv/go/GO-2025-3487.json': { patches: 1, fixes: 1 },
  'osv/malicious/MAL-2024-10238.json': { rejected: 'malicious-package' }, // no fix exists: removal, not a patch
  'osv/npm/GHSA-35jh-r3h4-6jhm.json': { patches: 1, fixes: 2 },
  'osv/npm/GHSA-3h5v-q93c-6h6q.json': { patches: 1, fixes: 4 },
  'osv/npm/GHSA-8hfj-j24r-96c4.json': { patches: 1, fixes: 2 },
  'osv/npm/GHSA-9c47-m6qq-7p4h.json': { patches: 1, fixes: 2 },
  'osv/npm/GHSA-9wv6-86v2-598j.json': { patches: 1, fixes: 5 },
  'osv/npm/GHSA-c2qf-rxjj-qqgw.json': { patches: 1, fixes: 3 },
  'osv/npm/GHSA-f8q6-p94x-37v3.json': { patches: 1, fixes: 1 },
  'osv/npm/GHSA-grv7-fg5c-xmjg.json': { patches: 1, fixes: 1 },
  'osv/npm/GHSA-hrpp-h998-j3pp.json': { patches: 1, fixes: 9 },
  'osv/npm/GHSA-p8p7-x288-28g6.json': { patches: 1, fixes: 2 },
  'osv/npm/GHSA-pxg6-pf52-xh8x.json': { patches: 1, fixes: 1 },
  'osv/npm/GHSA-qw6h-vgh9-j6wx.json': { patches: 1, fixes: 2 },
  'osv/npm/GHSA-xvch-5gv4-984h.json': { patches: 1, fixes: 2 },
  'osv/pypi/PYSEC-2018-28.yaml': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2021-142.yaml': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2021-66.yaml': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2022-43012.yaml': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2023-135.yaml': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2023-175.yaml': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2023-212.yaml': { patches: 1, fixes: 2 },
  'osv/pypi/PYSEC-2023-227.yaml': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2023-254.yaml': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2023-58.yaml': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2023-62.yaml': { patches: 1, fixes: 2 },
  'osv/pypi/PYSEC-2023-74.json': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2023-74.yaml': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2024-26.yaml': { patches: 1, fixes: 1 },
  'osv/pypi/PYSEC-2024-69.yaml': { patches: 1, fixes: 2 }, // one ECOSYSTEM range with two introduced/fixed pairs
  'osv/pypi/PYSEC-2024-70.yaml': { patches: 1, fixes: 2 },
  'osv/redhat/RHSA-2022_0216.json': { patches: 1, fixes: 0 }, // no `affected` key: imported for its CVEs, with a warning
  'osv/redhat/RHSA-2024_4546.json': { patches: 1, fixes: 3 },
  'osv/redhat/RHSA-2024_6220.json': { patches: 1, fixes: 76 }, // 228 entries: 76 packages × 3 RHEL 8.6 streams (AUS/E4S/TUS) collapse to RHEL:8
  'osv/rocky/RLSA-2021_3891.json': { patches: 1, fixes: 1 },
  'osv/rocky/RLSA-2023_3220.json': { patches: 1, fixes: 1 },
  'osv/rocky/RLSA-2024_3671.json': { patches: 1, fixes: 3 },
  'osv/schema/ecosystems.json': { rejected: 'unrecognised format' },
  'osv/schema/osv-schema.json': { rejected: 'unrecognised format' },
  'osv/suse/SUSE-FU-2022_0444-1.json': { patches: 1, fixes: 0 }, // `affected: []`: imported for its CVEs, with a warning
  'osv/ubuntu/UBUNTU-CVE-2013-2208.json': { rejected: 'withdrawn' },
  'osv/ubuntu/UBUNTU-CVE-2014-9913.json': { patches: 1, fixes: 4 },
  'osv/ubuntu/UBUNTU-CVE-2020-36325.json': { rejected: 'withdrawn' },
  'osv/ubuntu/UBUNTU-CVE-2021-3782.json': { patches: 1, fixes: 23 },
  'osv/ubuntu/UBUNTU-CVE-2022-24823.json': { patches: 1, fixes: 18 },
  'osv/ubuntu/UBUNTU-CVE-2025-38094.json': { patches: 1, fixes: 1 },
  'osv/ubuntu/USN-5380-1.json': { patches: 1, fixes: 30 }, // 4 releases × source bash + 6/6/7/7 binaries
  'osv/ubuntu/USN-5614-1.json': { patches: 1, fixes: 18 },
  'osv/ubuntu/USN-6859-1.json': { patches: 1, fixes: 24 },
};

const FOLDERS = ['csaf', 'osv', 'cvrf', 'kev', 'epss'];

describeCorpus('advisory corpus walk', () => {
  const files = FOLDERS.flatMap((f) => listCorpus(f));

  it('has an expected outcome for every corpus file, and every row names a real file', () => {
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files.filter((f) => f in EXPECTED))('%s', (file) => {
    const expected = EXPECTED[file];
    const result = transformAdvisory(readCorpus(file), file.split('/').pop());
    if ('rejected' in expected) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain(expected.rejected);
      return;
    }
    if (!result.ok) throw new Error(`${file} rejected: ${result.reason}`);
    if ('kev' in expected) {
      expect(result.kind).toBe('kev');
      if (result.kind === 'kev') expect(result.kev.records).toHaveLength(expected.kev);
    } else if ('epss' in expected) {
      expect(result.kind).toBe('epss');
      if (result.kind === 'epss') expect(result.epss.records).toHaveLength(expected.epss);
    } else {
      expect(result.drafts).toHaveLength(expected.patches);
      expect(result.drafts.reduce((n, d) => n + d.fixes.length, 0)).toBe(expected.fixes);
    }
  });
});

describe('corpus walk table', () => {
  it('matches the summary given in the report (imported / rejected / enrichment)', () => {
    const rows = Object.values(EXPECTED);
    expect(rows.filter((r) => 'patches' in r)).toHaveLength(160);
    expect(rows.filter((r) => 'rejected' in r)).toHaveLength(12);
    expect(rows.filter((r) => 'kev' in r || 'epss' in r)).toHaveLength(3);
  });
});
