import { z } from 'zod';
import { PACKAGE_ECOSYSTEMS, SEVERITIES } from './types';

/**
 * A normalised patch as every advisory feed produces it (CSAF, OSV, CVRF, Debian, Alpine), before it is
 * stored. Pure data: transforms build drafts, the intake use-case upserts them by (source, vendorId).
 */

/** Feeds that produce patch drafts. KEV and EPSS are enrichments and produce records, not patches. */
export const PATCH_SOURCES = ['csaf', 'osv', 'cvrf', 'debian-tracker', 'alpine-secdb'] as const;
export type TPatchSource = (typeof PATCH_SOURCES)[number];

/** How a fix names its package: the binary (installed) package, the source package, or either (npm, PyPI, products). */
export const NAME_KINDS = ['binary', 'source', 'any'] as const;
export type TNameKind = (typeof NAME_KINDS)[number];

/** Explicit affected-version lists (OSV `versions`, CSAF product versions) are kept up to this many entries. */
export const MAX_AFFECTED_VERSIONS = 1000;

const ZText = z.string().trim().min(1);
const ZVersion = z.string().trim().min(1);

/** One affected interval: introduced (inclusive, null = from the beginning) up to fixed (exclusive) or lastAffected (inclusive). */
export const ZVersionRange = z.object({
  introduced: ZVersion.nullable().optional(),
  fixed: ZVersion.nullable().optional(),
  lastAffected: ZVersion.nullable().optional(),
});
export type TVersionRange = z.infer<typeof ZVersionRange>;

/**
 * One package (or product) a patch fixes, in one distro release.
 *
 * Matching rule: an installed item is affected when it is in [introduced, fixedVersion) or
 * [introduced, lastAffected]; introduced null means "from the first version"; with neither fixedVersion nor
 * lastAffected every version from introduced on is affected (no fix published yet). When `ranges` is set
 * (one fix covering several disjoint affected intervals, e.g. a CSAF product family) the item is affected
 * when it falls in any range, and fixedVersion is the version that resolves all of them. When
 * `affectedVersions` is set and there is no interval, only the listed versions are affected.
 *
 * Versions keep the vendor's form except that rpm epochs of 0 are dropped ("0:1.2-3" is "1.2-3").
 */
export const ZPatchFix = z.object({
  ecosystem: z.enum(PACKAGE_ECOSYSTEMS),
  /** 'Debian:12', 'Ubuntu:22.04', 'RHEL:9', 'AlmaLinux:9', 'Rocky:8', 'Alpine:3.11', 'SUSE:15.5'; a product name for windows/generic; null for language ecosystems. */
  distro: ZText.nullable(),
  packageName: ZText,
  nameKind: z.enum(NAME_KINDS),
  fixedVersion: ZVersion.nullable(),
  introduced: ZVersion.nullable(),
  lastAffected: ZVersion.nullable(),
  ranges: z.array(ZVersionRange).min(1).optional(),
  affectedVersions: z.array(ZVersion).min(1).max(MAX_AFFECTED_VERSIONS).optional(),
  arch: ZText.nullable(),
  /** Microsoft knowledge-base article that delivers the fix ('KB5033375'). */
  kb: z
    .string()
    .regex(/^KB\d+$/)
    .nullable()
    .optional(),
  /** Vendor product ids (CSAF/CVRF) behind this fix, for products that are not packages. */
  productIds: z.array(ZText).min(1).optional(),
});
export type TPatchFix = z.infer<typeof ZPatchFix>;

export const ZCvss = z.object({
  version: z.enum(['2.0', '3.0', '3.1', '4.0']),
  vector: ZText,
  /** Base score, computed from the vector. */
  score: z.number().min(0).max(10),
});
export type TCvss = z.infer<typeof ZCvss>;

export const ZReference = z.object({ url: z.url({ protocol: /^https?$/ }), label: ZText.optional() });
export type TReference = z.infer<typeof ZReference>;

const ZIsoDateTime = z.iso.datetime({ offset: true });
const ZIsoDate = z.iso.date();

export const ZPatchDraft = z.object({
  source: z.enum(PATCH_SOURCES),
  /** The vendor's identifier, stable across revisions: RHSA-2024:4546, ALSA-2023:0282, USN-5380-1, GHSA-…, KB5033118, DSA-5380-1. */
  vendorId: ZText,
  title: ZText,
  summary: ZText.optional(),
  cves: z.array(z.string().regex(/^CVE-\d{4}-\d{4,}$/)),
  /** The vendor's rating when it has one, else computed from the highest CVSS base score, else 'none'. */
  severity: z.enum(SEVERITIES),
  /** The vendor's own words ('Important', 'MODERATE', 'medium'), kept for display and audit. */
  vendorSeverity: ZText.nullable(),
  cvss: z.array(ZCvss),
  /** Filled by KEV enrichment, never by an advisory transform. */
  kev: z.object({ dateAdded: ZIsoDate, dueDate: ZIsoDate }).optional(),
  published: ZIsoDateTime.nullable(),
  revised: ZIsoDateTime.nullable(),
  /** Document version / tracking revision; a changed value on re-import is a vendor revision. */
  revision: ZText.nullable(),
  references: z.array(ZReference),
  fixes: z.array(ZPatchFix),
});
export type TPatchDraft = z.infer<typeof ZPatchDraft>;

/** One CISA KEV catalog entry, joined to patches by CVE. */
export const ZKevRecord = z.object({
  cve: z.string().regex(/^CVE-\d{4}-\d{4,}$/),
  dateAdded: ZIsoDate,
  dueDate: ZIsoDate,
  knownRansomware: z.boolean(),
  vendorProject: z.string(),
  product: z.string(),
});
export type TKevRecord = z.infer<typeof ZKevRecord>;

/** One EPSS score (FIRST.org): probability of exploitation in the next 30 days and its percentile, both 0..1. */
export const ZEpssRecord = z.object({
  cve: z.string().regex(/^CVE-\d{4}-\d{4,}$/),
  epss: z.number().min(0).max(1),
  percentile: z.number().min(0).max(1),
});
export type TEpssRecord = z.infer<typeof ZEpssRecord>;

/**
 * The KEV flag of a patch from the catalog, keyed by CVE: among its CVEs in the catalog, the earliest date
 * added and the earliest due date (the deadline that binds first). Undefined when none of its CVEs is listed.
 */
export function kevForCves(cves: readonly string[], catalog: ReadonlyMap<string, TKevRecord>): TPatchDraft['kev'] {
  const hits = cves.map((c) => catalog.get(c)).filter((k): k is TKevRecord => !!k);
  if (hits.length === 0) return undefined;
  const min = (xs: string[]) => xs.reduce((a, b) => (b < a ? b : a));
  return { dateAdded: min(hits.map((k) => k.dateAdded)), dueDate: min(hits.map((k) => k.dueDate)) };
}
