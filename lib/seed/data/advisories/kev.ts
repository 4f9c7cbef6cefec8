/**
 * A small catalog in CISA's Known Exploited Vulnerabilities JSON format, listing three CVEs the
 * demo advisories fix. The entries state public facts about real KEV listings (ids, dates,
 * CWEs) in our own words; the catalog itself is demo data, not CISA's file.
 */
const REQUIRED_ACTION = 'Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable.';

const VULNERABILITIES = [
  {
    cveID: 'CVE-2025-48384',
    vendorProject: 'Git',
    product: 'Git',
    vulnerabilityName: 'Git Link Following Vulnerability',
    dateAdded: '2025-08-25',
    shortDescription:
      'Git strips a trailing carriage return from configuration values inconsistently, which lets a crafted repository place a submodule at an unintended path and run code during a recursive clone.',
    requiredAction: REQUIRED_ACTION,
    dueDate: '2025-09-15',
    knownRansomwareCampaignUse: 'Unknown',
    notes: 'https://github.com/git/git/security/advisories/GHSA-vwqx-4fm8-6qc9 ; https://nvd.nist.gov/vuln/detail/CVE-2025-48384',
    cwes: ['CWE-59', 'CWE-436'],
  },
  {
    cveID: 'CVE-2024-1086',
    vendorProject: 'Linux',
    product: 'Kernel',
    vulnerabilityName: 'Linux Kernel Use-After-Free Vulnerability',
    dateAdded: '2024-05-30',
    shortDescription: 'A use-after-free in the netfilter nf_tables component of the Linux kernel lets a local user escalate privileges.',
    requiredAction: REQUIRED_ACTION,
    dueDate: '2024-06-20',
    knownRansomwareCampaignUse: 'Known',
    notes: 'https://nvd.nist.gov/vuln/detail/CVE-2024-1086',
    cwes: ['CWE-416'],
  },
  {
    cveID: 'CVE-2023-4911',
    vendorProject: 'GNU',
    product: 'GNU C Library',
    vulnerabilityName: 'GNU C Library Buffer Overflow Vulnerability',
    dateAdded: '2023-11-21',
    shortDescription:
      "A buffer overflow in the GNU C Library's dynamic loader while processing the GLIBC_TUNABLES environment variable lets a local user run code with elevated privileges.",
    requiredAction: REQUIRED_ACTION,
    dueDate: '2023-12-12',
    knownRansomwareCampaignUse: 'Unknown',
    notes: 'https://www.debian.org/security/2023/dsa-5514 ; https://nvd.nist.gov/vuln/detail/CVE-2023-4911',
    cwes: ['CWE-122'],
  },
];

export const DEMO_KEV_CATALOG = {
  title: 'CISA Catalog of Known Exploited Vulnerabilities',
  catalogVersion: '2026.11.20',
  dateReleased: '2026-11-20T16:00:00.000Z',
  count: VULNERABILITIES.length,
  vulnerabilities: VULNERABILITIES,
};
