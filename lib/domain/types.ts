/**
 * Shared vocabulary of the domain. Pure: no I/O, no framework.
 * Every enum is a const tuple so zod schemas, drizzle enums and TS unions derive from one list.
 */

/** Version-ordering schemes; `compareVersions(scheme, a, b)` in versions.ts implements each. */
export const VERSION_SCHEMES = ['deb', 'rpm', 'semver', 'apk', 'pypi', 'generic'] as const;
export type TVersionScheme = (typeof VERSION_SCHEMES)[number];

/** Package ecosystems of installed software (what an inventory row is). */
export const PACKAGE_ECOSYSTEMS = ['deb', 'rpm', 'apk', 'npm', 'pypi', 'maven', 'go', 'cargo', 'nuget', 'windows', 'generic'] as const;
export type TPackageEcosystem = (typeof PACKAGE_ECOSYSTEMS)[number];

/** Which version ordering a package ecosystem uses. */
export const ECOSYSTEM_SCHEME: Record<TPackageEcosystem, TVersionScheme> = {
  deb: 'deb',
  rpm: 'rpm',
  apk: 'apk',
  npm: 'semver',
  go: 'semver',
  cargo: 'semver',
  pypi: 'pypi',
  maven: 'generic',
  nuget: 'generic',
  windows: 'generic',
  generic: 'generic',
};

/** One installed package on an asset, as every inventory format is normalised to. */
export type TSoftwareItem = {
  ecosystem: TPackageEcosystem;
  name: string;
  version: string;
  arch: string | null;
  /** Source package (Debian/RPM source, e.g. libssl3 -> openssl) as the listing states it; null when unknown. */
  sourceName: string | null;
  sourceVersion: string | null;
};

export const ASSET_KINDS = ['vm', 'host', 'image'] as const;
export type TAssetKind = (typeof ASSET_KINDS)[number];

export const LIFECYCLE_STATES = ['provisioning', 'active', 'suspended', 'decommissioned'] as const;
export type TLifecycleState = (typeof LIFECYCLE_STATES)[number];

export const CRITICALITY_TIERS = ['tier0', 'tier1', 'tier2', 'tier3'] as const;
export type TCriticality = (typeof CRITICALITY_TIERS)[number];

export const OS_FAMILIES = ['debian', 'ubuntu', 'almalinux', 'rocky', 'rhel', 'suse', 'alpine', 'windows', 'other'] as const;
export type TOsFamily = (typeof OS_FAMILIES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'none'] as const;
export type TSeverity = (typeof SEVERITIES)[number];

export const ROLES = ['admin', 'security', 'app_owner', 'operator', 'manager', 'auditor'] as const;
export type TRole = (typeof ROLES)[number];
