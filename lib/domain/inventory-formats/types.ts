import type { TOsFamily, TPackageEcosystem, TSoftwareItem } from '../types';

/** Listing formats an asset's software list can be imported from (upload, API, agent `listing`). */
export const INVENTORY_FORMATS = ['dpkg-query', 'dpkg-l', 'rpm-qa', 'cyclonedx', 'spdx', 'csv'] as const;
export type TInventoryFormat = (typeof INVENTORY_FORMATS)[number];

/** Largest listing we accept (UTF-8 bytes). A full RHEL host is ~50 KB as rpm -qa, a big SBOM a few MB. */
export const MAX_INVENTORY_BYTES = 10 * 1024 * 1024;

/** Same limits as the agent report's structured packages, so both paths store the same shapes. */
export const MAX_NAME_LENGTH = 300;
export const MAX_VERSION_LENGTH = 300;
export const MAX_ARCH_LENGTH = 40;

/** One problem with a listing: `line` (1-based) for text formats, `field` (dotted JSON path) for JSON. */
export type TParseIssue = { line?: number; field?: string; message: string };

export type TOsInfo = { family: TOsFamily; release: string; name: string };

export type TInventoryMeta = {
  /** Operating system when the listing states it (CycloneDX operating-system component, purl `distro`). */
  os?: TOsInfo;
  /** What an SBOM describes (CycloneDX metadata.component, SPDX DESCRIBES target). */
  component?: { name: string; version: string | null };
  /** Rows or components deliberately left out, counted per reason (e.g. `status rc`, `no version`). */
  skipped: Record<string, number>;
  /** Rows identical in every field to an earlier row, collapsed into it. */
  duplicatesCollapsed: number;
  /** Non-fatal oddities (capped), e.g. a malformed purl that fell back to name/version. */
  warnings: string[];
};

/**
 * All-or-nothing: a listing with any problem yields no items at all, so a half-read file can never
 * replace an asset's software list.
 */
export type TParseResult = { ok: true; format: TInventoryFormat; items: TSoftwareItem[]; meta: TInventoryMeta } | { ok: false; errors: TParseIssue[] };

export type TParseOptions = {
  /** Ecosystem for SBOM components that carry no usable purl; `generic` when not given. */
  defaultEcosystem?: TPackageEcosystem;
};
