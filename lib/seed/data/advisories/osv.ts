import type { TDemoAdvisory } from './types';

/**
 * Writes a demo advisory as an OSV 1.6 record. Debian and Ubuntu records name the source package
 * (as the Debian and Ubuntu OSV feeds do); AlmaLinux records list every binary rpm with its fixed
 * EVR (as AlmaLinux's ALSA feed does).
 */
export function buildOsvRecord(a: TDemoAdvisory): Record<string, unknown> {
  if (a.format !== 'osv') throw new Error(`${a.id} is not an OSV advisory`);
  const range = { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: a.fixed }] };
  const affected =
    a.ecosystem === 'AlmaLinux:9'
      ? a.binaries.map((name) => ({ package: { ecosystem: a.ecosystem, name }, ranges: [range] }))
      : [
          {
            package: { ecosystem: a.ecosystem, name: a.source, purl: sourcePurl(a) },
            ranges: [range],
            // Every binary of these uploads carries the source version (same epoch, no binNMU).
            ecosystem_specific: { binaries: a.binaries.map((b) => ({ binary_name: b, binary_version: a.fixed })) },
          },
        ];
  return {
    schema_version: '1.6.0',
    id: a.id,
    modified: a.published,
    published: a.published,
    related: [...a.cves],
    summary: a.title,
    details: `${a.details}\n\nFixed in ${a.source} ${a.fixed}. Demo advisory written for the Patchward seed.`,
    severity: [{ type: 'CVSS_V3', score: a.cvss }],
    affected,
    references: a.cves.map((cve) => ({ type: 'REPORT', url: cveUrl(a, cve) })),
    database_specific: { demo: true, severity: a.severity },
  };
}

function sourcePurl(a: TDemoAdvisory): string {
  return a.ecosystem === 'Ubuntu:22.04:LTS' ? `pkg:deb/ubuntu/${a.source}?arch=source&distro=jammy` : `pkg:deb/debian/${a.source}?arch=source&distro=debian-12`;
}

function cveUrl(a: TDemoAdvisory, cve: string): string {
  switch (a.ecosystem) {
    case 'Debian:12':
      return `https://security-tracker.debian.org/tracker/${cve}`;
    case 'Ubuntu:22.04:LTS':
      return `https://ubuntu.com/security/${cve}`;
    case 'AlmaLinux:9':
      return `https://access.redhat.com/security/cve/${cve}`;
  }
}
