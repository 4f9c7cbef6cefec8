import { ECOSYSTEM_SCHEME, type TSoftwareItem } from './types';
import { keyToHex, versionKey } from './version-key';

/** Ecosystems whose advisories name source packages (DSA/DLA, USN, Debian OSV). */
const SOURCE_KEYED = new Set(['deb']);

export type TMatchFields = { matchName: string; matchVersion: string; matchKeyHex: string | null; epochKnown: boolean };

/**
 * The name and version under which an installed item meets advisory fixes, and the version key as
 * hex (null when the version is invalid for its ecosystem: such rows are reported as unknown,
 * never treated as vulnerable or safe). Debian: source package and source version (libssl3 3.0.15-1~deb12u1+b1
 * is openssl 3.0.15-1~deb12u1); everything else: the binary name and version.
 */
export function matchFields(item: TSoftwareItem): TMatchFields {
  const bySource = SOURCE_KEYED.has(item.ecosystem);
  const matchName = bySource ? (item.sourceName ?? item.name) : item.name;
  const matchVersion = bySource ? (item.sourceVersion ?? item.version) : item.version;
  let matchKeyHex: string | null = null;
  try {
    matchKeyHex = keyToHex(versionKey(ECOSYSTEM_SCHEME[item.ecosystem], matchVersion));
  } catch {
    matchKeyHex = null;
  }
  // Plain `rpm -qa` prints no epoch; an absent epoch is unknown, not zero (see installed_software.epoch_known).
  const epochKnown = item.ecosystem !== 'rpm' || matchVersion.includes(':');
  return { matchName, matchVersion, matchKeyHex, epochKnown };
}

/** A version with its epoch removed ('1:3.0.7-25.el9_3' → '3.0.7-25.el9_3'), for epoch-unknown comparisons. */
export function stripEpoch(version: string): string {
  const i = version.indexOf(':');
  return i > 0 && /^\d+$/.test(version.slice(0, i)) ? version.slice(i + 1) : version;
}
