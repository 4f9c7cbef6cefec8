import { describe, expect, it } from 'vitest';
import type { TPatchDraft } from '@/lib/domain/patch';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import { transformCsaf } from './transform';

function draftOf(file: string): { draft: TPatchDraft; warnings: string[] } {
  const r = transformCsaf(readCorpus('csaf', file));
  if (!r.ok) throw new Error(`${file}: ${r.reason}`);
  return { draft: r.drafts[0], warnings: r.warnings };
}

/** A minimal Red Hat-style document: one rpm with an epoch, a component of RHEL 9 BaseOS. */
function redHatDoc(overrides: Record<string, unknown> = {}) {
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      title: 'openssl security update',
      publisher: { name: 'Red Hat Product Security', category: 'vendor' },
      aggregate_severity: { text: 'Moderate' },
      tracking: { id: 'RHSA-2024:0001', version: '2', initial_release_date: '2024-01-02T10:00:00+00:00', current_release_date: '2024-01-03T10:00:00+00:00' },
    },
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: 'Red Hat',
          branches: [
            {
              category: 'product_name',
              name: 'Red Hat Enterprise Linux BaseOS (v. 9)',
              product: {
                name: 'Red Hat Enterprise Linux BaseOS (v. 9)',
                product_id: 'BaseOS-9',
                product_identification_helper: { cpe: 'cpe:/o:redhat:enterprise_linux:9::baseos' },
              },
            },
            {
              category: 'product_version',
              name: 'openssl-1:3.0.7-25.el9_3.x86_64',
              product: {
                name: 'openssl-1:3.0.7-25.el9_3.x86_64',
                product_id: 'openssl-x86_64',
                product_identification_helper: { purl: 'pkg:rpm/redhat/openssl@3.0.7-25.el9_3?arch=x86_64&epoch=1' },
              },
            },
          ],
        },
      ],
      relationships: [
        {
          category: 'default_component_of',
          product_reference: 'openssl-x86_64',
          relates_to_product_reference: 'BaseOS-9',
          full_product_name: { name: 'openssl as a component of RHEL 9', product_id: 'BaseOS-9:openssl-x86_64' },
        },
      ],
    },
    vulnerabilities: [
      {
        cve: 'CVE-2023-5363',
        product_status: { fixed: ['BaseOS-9:openssl-x86_64'] },
        scores: [{ products: ['BaseOS-9:openssl-x86_64'], cvss_v3: { vectorString: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N' } }],
      },
    ],
    ...overrides,
  };
}

describe('transformCsaf on a Red Hat-style document', () => {
  it('derives the rpm fix from the purl (with its epoch) and the distro from the platform CPE', () => {
    const r = transformCsaf(JSON.stringify(redHatDoc()));
    if (!r.ok) throw new Error(r.reason);
    expect(r.drafts[0]).toMatchObject({
      vendorId: 'RHSA-2024:0001',
      revision: '2',
      severity: 'medium',
      vendorSeverity: 'Moderate',
      cves: ['CVE-2023-5363'],
      revised: '2024-01-03T10:00:00.000Z',
    });
    expect(r.drafts[0].cvss).toEqual([{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', score: 5.9 }]);
    expect(r.drafts[0].fixes).toEqual([
      {
        ecosystem: 'rpm',
        distro: 'RHEL:9',
        packageName: 'openssl',
        nameKind: 'binary',
        fixedVersion: '1:3.0.7-25.el9_3',
        introduced: null,
        lastAffected: null,
        arch: 'x86_64',
      },
    ]);
  });

  it('names the JSON path of a malformed field', () => {
    const doc = redHatDoc();
    const bad = { ...doc, document: { ...doc.document, tracking: { ...doc.document.tracking, id: 42 } } };
    expect(transformCsaf(JSON.stringify(bad))).toMatchObject({ ok: false, field: 'document.tracking.id' });
    const badStatus = redHatDoc({ vulnerabilities: [{ cve: 'CVE-2023-5363', product_status: { fixed: 'BaseOS-9:openssl-x86_64' } }] });
    expect(transformCsaf(JSON.stringify(badStatus))).toMatchObject({ ok: false, field: 'vulnerabilities[0].product_status.fixed' });
    expect(transformCsaf('{"document":')).toMatchObject({ ok: false });
  });

  it('warns about product ids missing from the tree', () => {
    const r = transformCsaf(
      JSON.stringify(redHatDoc({ vulnerabilities: [{ cve: 'CVE-2023-5363', product_status: { fixed: ['BaseOS-9:openssl-x86_64', 'nope'] } }] })),
    );
    expect(r.ok && r.warnings).toEqual(['vulnerabilities[0].product_status.fixed: nope is not in the product tree — skipped']);
  });
});

describeCorpus('transformCsaf on the real corpus', () => {
  it('RHSA-2024:4546: git-lfs rpm fixes for RHEL 8, streams and arches collapsed', () => {
    const { draft } = draftOf('rhsa-2024_4546.json');
    expect(draft).toMatchObject({
      source: 'csaf',
      vendorId: 'RHSA-2024:4546',
      cves: ['CVE-2023-45288'],
      severity: 'high',
      vendorSeverity: 'Important',
      revision: '3',
    });
    expect(draft.fixes.map((f) => [f.distro, f.packageName, f.nameKind, f.fixedVersion, f.arch])).toEqual([
      ['RHEL:8', 'git-lfs', 'source', '2.13.3-3.el8_6.1', null],
      ['RHEL:8', 'git-lfs', 'binary', '2.13.3-3.el8_6.1', null],
      ['RHEL:8', 'git-lfs-debuginfo', 'binary', '2.13.3-3.el8_6.1', null],
      ['RHEL:8', 'git-lfs-debugsource', 'binary', '2.13.3-3.el8_6.1', null],
    ]);
  });

  it('epoch qualifiers, noarch builds and module releases (RHSA-2024:3666, RHSA-2024:6220)', () => {
    const tomcat = draftOf('rhsa-2024_3666.json').draft.fixes.find((f) => f.packageName === 'tomcat' && f.nameKind === 'binary');
    expect(tomcat).toMatchObject({ distro: 'RHEL:8', fixedVersion: '1:9.0.87-1.el8_10.1', arch: 'noarch' });
    // rpm -> module stream -> RHEL 8.6 AUS: the platform CPE is two relationships up.
    const wheel = draftOf('redhat/rhsa-2024_6220.json').draft.fixes.find((f) => f.packageName === 'python39-wheel');
    expect(wheel).toMatchObject({ distro: 'RHEL:8', fixedVersion: '1:0.35.1-4.module+el8.5.0+12204+54860423', arch: 'noarch' });
  });

  it('older Red Hat documents without purls: NEVRA product names (RHSA-2022:0011)', () => {
    const { draft } = draftOf('rhsa-2022_0011.json');
    expect(draft.fixes.map((f) => [f.distro, f.packageName, f.nameKind, f.fixedVersion])).toEqual([
      ['RHEL:7', 'telnet', 'source', '1:0.17-65.el7_6'],
      ['RHEL:7', 'telnet', 'binary', '1:0.17-65.el7_6'],
      ['RHEL:7', 'telnet-debuginfo', 'binary', '1:0.17-65.el7_6'],
      ['RHEL:7', 'telnet-server', 'binary', '1:0.17-65.el7_6'],
    ]);
  });

  it('one package fixed in several streams of one release keeps each fixed version (RHSA-2024:0811)', () => {
    const sudo = draftOf('redhat/rhsa-2024_0811.json').draft.fixes.filter((f) => f.distro === 'RHEL:9' && f.packageName === 'sudo' && f.nameKind === 'binary');
    expect(sudo.map((f) => f.fixedVersion)).toEqual(['1.9.5p2-7.el9_0.4', '1.9.5p2-9.el9_2.2', '1.9.5p2-10.el9_3']);
  });

  it('Microsoft CSAF: windows fixes per product with the fixed build and KB', () => {
    const { draft } = draftOf('msrc_cve-2025-49704.json');
    expect(draft).toMatchObject({ vendorId: 'msrc_CVE-2025-49704', severity: 'critical', vendorSeverity: 'Critical', cves: ['CVE-2025-49704'] });
    expect(draft.fixes).toContainEqual({
      ecosystem: 'windows',
      distro: 'Microsoft SharePoint Server 2019',
      packageName: 'Microsoft SharePoint Server 2019',
      nameKind: 'any',
      fixedVersion: '16.0.10417.20027',
      introduced: null,
      lastAffected: null,
      arch: null,
      kb: 'KB5002741',
      productIds: ['1', '11585'],
    });
  });

  it('non-package products: one generic fix per product family (BSI, Siemens via CISA)', () => {
    expect(draftOf('bsi-2022-0001.json').draft.fixes).toEqual([
      {
        ecosystem: 'generic',
        distro: null,
        packageName: 'CSAF Tools CVRF-CSAF-Converter',
        nameKind: 'any',
        fixedVersion: '1.0.0-rc2',
        introduced: null,
        lastAffected: null,
        affectedVersions: ['1.0.0-alpha', '1.0.0-dev1', '1.0.0-dev2', '1.0.0-dev3', '1.0.0-rc1'],
        arch: null,
        kb: null,
        productIds: ['CSAFPID-0001', 'CSAFPID-0002', 'CSAFPID-0003', 'CSAFPID-0004', 'CSAFPID-0005', 'CSAFPID-0006'],
      },
    ]);
    const tia = draftOf('cisa-icsa-23-103-04.json').draft.fixes;
    expect(tia.map((f) => [f.packageName.replace('Siemens Totally Integrated Automation Portal (TIA Portal) ', ''), f.fixedVersion])).toEqual([
      ['V15', null],
      ['V16', null],
      ['V17', 'V17 Update 6'],
      ['V18', 'V18 Update 1'],
    ]);
  });

  it('a version fixed for one CVE but still affected by another is not the fix (VA-24-201-01)', () => {
    const evo = draftOf('cisa-va-24-201-01.json').draft.fixes.find((f) => f.packageName === 'AdminerEvo');
    expect(evo).toMatchObject({ fixedVersion: '4.8.4', affectedVersions: ['4.8.2', '4.8.3'] });
  });

  it('rejects documents that describe nothing to patch', () => {
    expect(transformCsaf(readCorpus('csaf/oasis/rhsa-2019_1862.json'))).toMatchObject({ ok: false, field: 'vulnerabilities' });
    const vex = transformCsaf(readCorpus('csaf/sec-vex-2022-0001.json'));
    expect(vex).toMatchObject({ ok: false, field: 'vulnerabilities[].product_status' });
    if (!vex.ok) expect(vex.reason).toContain('known_not_affected');
  });
});

describe('CSAF from RHEL rebuilds', () => {
  it('keys AlmaLinux platform CPEs and purls as AlmaLinux, not RHEL', async () => {
    const { rhelFromCpe } = await import('./product-tree');
    expect(rhelFromCpe('cpe:/o:almalinux:almalinux:9::baseos')).toBe('AlmaLinux:9');
    expect(rhelFromCpe('cpe:/o:rocky:rocky:8')).toBe('Rocky:8');
    expect(rhelFromCpe('cpe:/o:redhat:enterprise_linux:9::baseos')).toBe('RHEL:9');
  });
});
