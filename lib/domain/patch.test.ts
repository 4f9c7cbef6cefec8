import { describe, expect, it } from 'vitest';
import { MAX_AFFECTED_VERSIONS, ZEpssRecord, ZKevRecord, ZPatchDraft, ZPatchFix, kevForCves, type TKevRecord, type TPatchDraft, type TPatchFix } from './patch';

const fix: TPatchFix = {
  ecosystem: 'rpm',
  distro: 'AlmaLinux:9',
  packageName: 'openssl',
  nameKind: 'binary',
  fixedVersion: '1:3.0.7-25.el9_3',
  introduced: null,
  lastAffected: null,
  arch: null,
};

const draft: TPatchDraft = {
  source: 'osv',
  vendorId: 'ALSA-2024:0310',
  title: 'Moderate: openssl security update',
  cves: ['CVE-2023-5363'],
  severity: 'medium',
  vendorSeverity: 'Moderate',
  cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', score: 5.9 }],
  published: '2024-01-22T00:00:00.000Z',
  revised: null,
  revision: '2024-01-22T12:00:00Z',
  references: [{ url: 'https://errata.almalinux.org/9/ALSA-2024-0310.html', label: 'ADVISORY' }],
  fixes: [fix],
};

describe('ZPatchDraft', () => {
  it('accepts a complete draft', () => {
    expect(ZPatchDraft.parse(draft)).toEqual(draft);
  });

  it('names the field that is wrong', () => {
    const bad = ZPatchDraft.safeParse({ ...draft, cves: ['CVE-24-1'], fixes: [{ ...fix, ecosystem: 'dpkg' }] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('cves.0');
    expect(paths).toContain('fixes.0.ecosystem');
  });

  it('requires ISO instants and http(s) references', () => {
    expect(ZPatchDraft.safeParse({ ...draft, published: '22/01/2024' }).success).toBe(false);
    expect(ZPatchDraft.safeParse({ ...draft, references: [{ url: 'javascript:alert(1)' }] }).success).toBe(false);
  });

  it('keeps KEV dates as plain dates', () => {
    expect(ZPatchDraft.safeParse({ ...draft, kev: { dateAdded: '2025-08-25', dueDate: '2025-09-15' } }).success).toBe(true);
    expect(ZPatchDraft.safeParse({ ...draft, kev: { dateAdded: '2025-08-25T00:00:00Z', dueDate: '2025-09-15' } }).success).toBe(false);
  });
});

describe('ZPatchFix', () => {
  it('caps explicit version lists and refuses empty ones', () => {
    const many = Array.from({ length: MAX_AFFECTED_VERSIONS + 1 }, (_, i) => `1.${i}`);
    expect(ZPatchFix.safeParse({ ...fix, affectedVersions: many }).success).toBe(false);
    expect(ZPatchFix.safeParse({ ...fix, affectedVersions: [] }).success).toBe(false);
    expect(ZPatchFix.safeParse({ ...fix, affectedVersions: ['1.0'] }).success).toBe(true);
  });

  it('accepts only KB-shaped knowledge-base ids', () => {
    expect(ZPatchFix.safeParse({ ...fix, kb: 'KB5033375' }).success).toBe(true);
    expect(ZPatchFix.safeParse({ ...fix, kb: '5033375' }).success).toBe(false);
  });
});

describe('enrichment records', () => {
  it('validate CVE ids, dates and probabilities', () => {
    expect(
      ZKevRecord.safeParse({
        cve: 'CVE-2025-48384',
        dateAdded: '2025-08-25',
        dueDate: '2025-09-15',
        knownRansomware: false,
        vendorProject: 'Git',
        product: 'Git',
      }).success,
    ).toBe(true);
    expect(ZEpssRecord.safeParse({ cve: 'CVE-1999-0001', epss: 0.00383, percentile: 0.73075 }).success).toBe(true);
    expect(ZEpssRecord.safeParse({ cve: 'CVE-1999-0001', epss: 1.5, percentile: 0.7 }).success).toBe(false);
  });
});

describe('kevForCves', () => {
  const rec = (cve: string, dateAdded: string, dueDate: string): TKevRecord => ({
    cve,
    dateAdded,
    dueDate,
    knownRansomware: false,
    vendorProject: 'v',
    product: 'p',
  });
  const catalog = new Map([rec('CVE-2024-0001', '2024-03-01', '2024-03-22'), rec('CVE-2024-0002', '2024-02-01', '2024-04-01')].map((r) => [r.cve, r]));

  it('takes the earliest date added and the earliest due date among the listed CVEs', () => {
    expect(kevForCves(['CVE-2024-0001', 'CVE-2024-0002', 'CVE-2024-9999'], catalog)).toEqual({ dateAdded: '2024-02-01', dueDate: '2024-03-22' });
  });

  it('is undefined when no CVE is in the catalog', () => {
    expect(kevForCves(['CVE-2024-9999'], catalog)).toBeUndefined();
    expect(kevForCves([], catalog)).toBeUndefined();
  });
});
