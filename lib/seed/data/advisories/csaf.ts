import type { TDemoAdvisory } from './types';

const PLATFORM_ID = 'AlmaLinux-9';
const VENDOR_LABEL: Record<TDemoAdvisory['severity'], string> = { critical: 'Critical', high: 'Important', medium: 'Moderate', low: 'Low' };
const CVSS_LABEL: Record<TDemoAdvisory['severity'], string> = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW' };

/**
 * Writes a demo AlmaLinux advisory as a CSAF 2.0 `csaf_security_advisory`, laid out the way Red Hat
 * publishes RHSAs: a product tree of the platform plus one `product_version` per rpm (src and
 * x86_64) identified by purl, `default_component_of` relationships, and per-CVE status, score and
 * vendor fix on the relationship product ids (`AlmaLinux-9:openssl-1:3.0.7-25.el9_3.x86_64`).
 */
export function buildCsafDocument(a: TDemoAdvisory): Record<string, unknown> {
  if (a.format !== 'csaf' || a.ecosystem !== 'AlmaLinux:9') throw new Error(`${a.id} is not an AlmaLinux CSAF advisory`);
  const { epoch, vr } = splitEvr(a.fixed);
  const rpms = [{ name: a.source, arch: 'src' }, ...a.binaries.map((name) => ({ name, arch: 'x86_64' }))];
  const productId = (r: { name: string; arch: string }) => `${r.name}-${epoch}:${vr}.${r.arch}`;
  // purl qualifiers in canonical (sorted) order.
  const purl = (r: { name: string; arch: string }) =>
    `pkg:rpm/almalinux/${r.name}@${vr}?arch=${r.arch}&distro=almalinux-9${epoch !== '0' ? `&epoch=${epoch}` : ''}`;
  const fixedIds = rpms.map((r) => `${PLATFORM_ID}:${productId(r)}`);
  const errataUrl = `https://demo.patchward.example/errata/${a.id.replace(':', '-')}`;
  const label = VENDOR_LABEL[a.severity];

  const archBranch = (arch: string) => ({
    category: 'architecture',
    name: arch,
    branches: rpms
      .filter((r) => r.arch === arch)
      .map((r) => ({
        category: 'product_version',
        name: productId(r),
        product: { name: productId(r), product_id: productId(r), product_identification_helper: { purl: purl(r) } },
      })),
  });

  return {
    document: {
      aggregate_severity: { namespace: 'https://errata.almalinux.org/', text: label },
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      distribution: { text: 'Demo data written for Patchward; not a vendor publication.', tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } },
      lang: 'en',
      notes: [
        { category: 'summary', title: 'Topic', text: `An update for ${a.source} is now available for AlmaLinux 9. Security impact: ${label}.` },
        { category: 'general', title: 'Details', text: a.details },
      ],
      publisher: {
        category: 'other',
        name: 'Patchward demo feed (AlmaLinux-style errata)',
        namespace: 'https://demo.patchward.example',
        contact_details: 'Demo data only.',
      },
      references: [{ category: 'self', summary: a.id, url: errataUrl }],
      title: `${a.title} (demo)`,
      tracking: {
        current_release_date: a.published,
        generator: { date: a.published, engine: { name: 'Patchward demo seed', version: '1' } },
        id: a.id,
        initial_release_date: a.published,
        revision_history: [{ date: a.published, number: '1', summary: 'Initial version' }],
        status: 'final',
        version: '1',
      },
    },
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: 'AlmaLinux',
          branches: [
            {
              category: 'product_family',
              name: 'AlmaLinux',
              branches: [
                {
                  category: 'product_name',
                  name: 'AlmaLinux 9',
                  product: { name: 'AlmaLinux 9', product_id: PLATFORM_ID, product_identification_helper: { cpe: 'cpe:/o:almalinux:almalinux:9' } },
                },
              ],
            },
            archBranch('src'),
            archBranch('x86_64'),
          ],
        },
      ],
      relationships: rpms.map((r) => ({
        category: 'default_component_of',
        full_product_name: { name: `${productId(r)} as a component of AlmaLinux 9`, product_id: `${PLATFORM_ID}:${productId(r)}` },
        product_reference: productId(r),
        relates_to_product_reference: PLATFORM_ID,
      })),
    },
    vulnerabilities: a.cves.map((cve) => ({
      cve,
      notes: [{ category: 'description', title: 'Vulnerability description', text: a.details }],
      product_status: { fixed: fixedIds },
      references: [{ category: 'external', summary: cve, url: `https://access.redhat.com/security/cve/${cve}` }],
      release_date: a.published,
      remediations: [
        {
          category: 'vendor_fix',
          details: `Update ${a.source} to ${a.fixed} or later (dnf upgrade ${a.binaries.join(' ')}).`,
          product_ids: fixedIds,
          url: errataUrl,
        },
      ],
      scores: [
        {
          cvss_v3: { version: '3.1', vectorString: a.cvss, baseScore: a.score, baseSeverity: CVSS_LABEL[a.severity] },
          products: fixedIds,
        },
      ],
      threats: [{ category: 'impact', details: label }],
    })),
  };
}

/** `1:3.0.7-25.el9_3` -> { epoch: '1', vr: '3.0.7-25.el9_3' }; no epoch means 0, as rpm compares it. */
function splitEvr(evr: string): { epoch: string; vr: string } {
  const m = /^(\d+):(.*)$/.exec(evr);
  return m ? { epoch: m[1], vr: m[2] } : { epoch: '0', vr: evr };
}
