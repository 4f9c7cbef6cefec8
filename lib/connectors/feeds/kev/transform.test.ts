import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import { transformKev } from './transform';

describeCorpus('transformKev on the CISA catalog', () => {
  it('reads all 1404 entries of catalog 2025.08.25', () => {
    const r = transformKev(readCorpus('kev/known_exploited_vulnerabilities.json'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.catalogVersion).toBe('2025.08.25');
    expect(r.records).toHaveLength(1404);
    expect(r.records.filter((k) => k.knownRansomware)).toHaveLength(293);
    expect(r.records.find((k) => k.cve === 'CVE-2025-48384')).toEqual({
      cve: 'CVE-2025-48384',
      dateAdded: '2025-08-25',
      dueDate: '2025-09-15',
      knownRansomware: false,
      vendorProject: 'Git',
      product: 'Git',
    });
    expect(r.warnings).toEqual([]);
  });
});

describe('transformKev on malformed catalogs', () => {
  const entry = {
    cveID: 'CVE-2099-0001',
    vendorProject: 'V',
    product: 'P',
    dateAdded: '2099-01-01',
    dueDate: '2099-01-22',
    knownRansomwareCampaignUse: 'Known',
  };
  const catalog = (vulnerabilities: unknown[], count = vulnerabilities.length) =>
    JSON.stringify({ catalogVersion: '2099.01.01', dateReleased: '2099-01-01T00:00:00Z', count, vulnerabilities });

  it('names the bad field', () => {
    expect(transformKev(catalog([{ ...entry, cveID: 'CVE-99' }]))).toMatchObject({ ok: false, field: 'vulnerabilities[0].cveID' });
    expect(transformKev(catalog([{ ...entry, dueDate: '22/01/2099' }]))).toMatchObject({ ok: false, field: 'vulnerabilities[0].dueDate' });
    expect(transformKev('{}')).toMatchObject({ ok: false, field: 'catalogVersion' });
  });

  it('warns about a count mismatch and duplicate CVEs', () => {
    const r = transformKev(catalog([entry, entry], 3));
    expect(r.ok && r.records).toHaveLength(1);
    expect(r.ok && r.warnings).toHaveLength(2);
    expect(r.ok && r.records[0].knownRansomware).toBe(true);
  });
});
