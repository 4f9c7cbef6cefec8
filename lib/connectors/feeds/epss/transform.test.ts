import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import { transformEpss } from './transform';

describeCorpus('transformEpss on the corpus', () => {
  it("reads FIRST's raw format with its model comment line", () => {
    const r = transformEpss(readCorpus('epss/epss_scores_raw_format_sample.csv'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.modelVersion).toBe('v2023.03.01');
    expect(r.scoreDate).toBe('2025-02-20T00:00:00+0000');
    expect(r.records[0]).toEqual({ cve: 'CVE-1999-0001', epss: 0.00383, percentile: 0.73075 });
    expect(r.records).toHaveLength(5);
  });

  it('reads a derived file with extra, differently named columns and quoted commas', () => {
    const r = transformEpss(readCorpus('epss/epss_kev_nvd.csv'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.records).toHaveLength(1556);
    expect(r.records[0]).toEqual({ cve: 'CVE-2025-62593', epss: 0.01015, percentile: 0.60644 });
    expect(r.records.find((x) => x.cve === 'CVE-2025-68686')).toEqual({ cve: 'CVE-2025-68686', epss: 0.01264, percentile: 0.67444 });
  });
});

describe('transformEpss on malformed files', () => {
  it('fails when a column is missing and skips bad rows with their line number', () => {
    expect(transformEpss('cve,score\nCVE-2099-0001,0.1\n')).toMatchObject({ ok: false, field: 'header' });
    const r = transformEpss('cve,epss,percentile\nCVE-2099-0001,0.5,0.9\nnot-a-cve,0.1,0.1\nCVE-2099-0002,2,0.1\n');
    expect(r.ok && r.records).toEqual([{ cve: 'CVE-2099-0001', epss: 0.5, percentile: 0.9 }]);
    expect(r.ok && r.warnings.map((w) => w.split(':')[0])).toEqual(['line 3', 'line 4']);
  });
});
