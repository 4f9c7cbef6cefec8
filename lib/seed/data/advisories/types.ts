import type { TSeverity } from '@/lib/domain/types';

/**
 * One demo advisory, as the seed describes it before writing it out in a vendor format.
 * The CVEs are real and the fixes are modelled on the distributions' real updates, but every
 * advisory id is marked DEMO after the vendor prefix (`DSA-DEMO-6034-1`, `ALSA-DEMO-2026:8754`),
 * and the dates sit in the demo's timeline (2026). The vendor prefix comes first because OSV
 * only accepts ids that start with a known home-database prefix (or `x_`).
 */
export type TDemoAdvisory = {
  id: string;
  /** Vendor format the advisory is written in. */
  format: 'osv' | 'csaf';
  /** OSV ecosystem string; for CSAF the distribution the purls name. */
  ecosystem: 'Debian:12' | 'AlmaLinux:9' | 'Ubuntu:22.04:LTS';
  /** Source package (Debian/Ubuntu source, SRPM name for AlmaLinux). */
  source: string;
  /**
   * Binary packages the fix ships. AlmaLinux advisories list them as the affected packages;
   * Debian/Ubuntu advisories name the source and keep the binaries as information.
   */
  binaries: readonly string[];
  /** Fixed version: the source version for Debian/Ubuntu, the binaries' EPOCH:VERSION-RELEASE for AlmaLinux. */
  fixed: string;
  cves: readonly string[];
  /** CVSS 3.1 vector of the worst CVE in the advisory; `score` and `severity` follow from it. */
  cvss: string;
  score: number;
  severity: Exclude<TSeverity, 'none'>;
  /** ISO date-time of publication in the demo timeline. */
  published: string;
  /** Short title in the vendor's style, e.g. "openssh - security update". */
  title: string;
  details: string;
  /** Listed in the demo's CISA KEV catalog. */
  isKev: boolean;
};

/** A file of the demo advisory feed: what a user could drop into the intake folder. */
export type TDemoAdvisoryFile = { filename: string; text: string; format: 'osv' | 'csaf' | 'kev' };
