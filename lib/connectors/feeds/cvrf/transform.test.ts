import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import { transformCvrf } from './transform';

const MINI = (body: string) => `<?xml version="1.0" encoding="utf-8"?>
<cvrfdoc xmlns="http://www.icasi.org/CVRF/schema/cvrf/1.1">
  <DocumentTitle>Test Security Updates</DocumentTitle>
  <DocumentTracking><Identification><ID>2099-Jan</ID></Identification><Version>1.0</Version>
    <InitialReleaseDate>2099-01-10T08:00:00</InitialReleaseDate><CurrentReleaseDate>2099-01-11T08:00:00</CurrentReleaseDate></DocumentTracking>
  <ProductTree xmlns="http://www.icasi.org/CVRF/schema/prod/1.1">
    <Branch Type="Vendor" Name="Microsoft"><Branch Type="Product Family" Name="Windows">
      <FullProductName ProductID="1">Windows Server 2022</FullProductName>
    </Branch></Branch>
  </ProductTree>
  ${body}
</cvrfdoc>`;

describeCorpus('transformCvrf on the real corpus', () => {
  it('2023-Dec (default namespace): one patch per KB article with its CVEs and per-product fixed builds', () => {
    const r = transformCvrf(readCorpus('cvrf/msrc-cvrf-2023-Dec.xml'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.drafts.map((d) => d.vendorId)).toHaveLength(20);
    const kb = r.drafts.find((d) => d.vendorId === 'KB5033118')!;
    expect(kb).toMatchObject({ source: 'cvrf', severity: 'critical', vendorSeverity: 'Critical', published: '2023-12-12T08:00:00.000Z' });
    expect(kb.cves).toHaveLength(18);
    expect(kb.cves).toContain('CVE-2023-35628');
    expect(kb.fixes.map((f) => [f.ecosystem, f.distro, f.kb])).toEqual([
      ['windows', 'Windows Server 2022', 'KB5033118'],
      ['windows', 'Windows Server 2022 (Server Core installation)', 'KB5033118'],
    ]);
    expect(kb.fixes[0].fixedVersion).toMatch(/^10\.0\.20348\.\d+$/);
    expect(kb.cvss.length).toBeGreaterThan(0);
    expect(r.warnings.some((w) => w.includes('"Release Notes" names no KB article'))).toBe(true);
    expect(r.drafts.every((d) => d.cves.length > 0 && d.fixes.every((f) => f.kb === d.vendorId))).toBe(true);
  });

  it('2016 out-of-band (cvrf:/vuln:/prod: prefixes, UTF-8 BOM): the Flash KB with its severity', () => {
    const r = transformCvrf(readCorpus('cvrf/msrc-cvrf-2016-Oct-OOB.xml'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.drafts).toHaveLength(1);
    expect(r.drafts[0]).toMatchObject({ vendorId: 'KB3201860', cves: [], severity: 'critical', vendorSeverity: 'Critical' });
    expect(r.drafts[0].fixes).toHaveLength(11);
    expect(r.drafts[0].summary).toContain('Supersedes: 3194343');
  });
});

describe('transformCvrf on small documents', () => {
  const vuln = `<Vulnerability xmlns="http://www.icasi.org/CVRF/schema/vuln/1.1"><CVE>CVE-2099-0001</CVE>
    <Threats><Threat Type="Severity"><Description>Important</Description><ProductID>1</ProductID></Threat></Threats>
    <CVSSScoreSets><ScoreSet><BaseScore>7.8</BaseScore><Vector>CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H</Vector><ProductID>1</ProductID></ScoreSet></CVSSScoreSets>
    <Remediations><Remediation Type="Vendor Fix"><Description>5099999</Description><URL>https://catalog.update.microsoft.com/v7/site/Search.aspx?q=KB5099999</URL><ProductID>1</ProductID><FixedBuild>10.0.20348.9999</FixedBuild></Remediation></Remediations>
  </Vulnerability>`;

  it('reads a single vulnerability with a single remediation (no arrays in the XML)', () => {
    const r = transformCvrf(MINI(vuln));
    if (!r.ok) throw new Error(r.reason);
    expect(r.drafts[0]).toMatchObject({ vendorId: 'KB5099999', cves: ['CVE-2099-0001'], severity: 'high', revision: '1.0' });
    expect(r.drafts[0].fixes).toEqual([
      {
        ecosystem: 'windows',
        distro: 'Windows Server 2022',
        packageName: 'Windows Server 2022',
        nameKind: 'any',
        fixedVersion: '10.0.20348.9999',
        introduced: null,
        lastAffected: null,
        arch: null,
        kb: 'KB5099999',
        productIds: ['1'],
      },
    ]);
  });

  it('fails with a reason for malformed XML, a missing field, or no KB at all', () => {
    expect(transformCvrf('<cvrfdoc><DocumentTitle>x</cvrfdoc>')).toMatchObject({ ok: false });
    const noTracking = MINI(vuln).replace(/<DocumentTracking>[\s\S]*<\/DocumentTracking>/, '');
    expect(transformCvrf(noTracking)).toMatchObject({ ok: false, field: 'cvrfdoc.DocumentTracking' });
    expect(transformCvrf(MINI(vuln.replace('5099999', 'Release Notes').replace('?q=KB5099999', '')))).toMatchObject({
      ok: false,
      field: 'Vulnerability[].Remediations',
    });
  });
});
