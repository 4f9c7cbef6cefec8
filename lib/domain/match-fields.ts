import { ECOSYSTEM_SCHEME, type TSoftwareItem } from './types';
import { keyToHex, versionKey } from './version-key';

/** Ecosystems whose advisories name source packages (DSA/DLA, USN, Debian OSV). */
const SOURCE_KEYED = new Set(['deb']);

export type TMatchFields = { matchName: string; matchVersion: string; matchKeyHex: string | null };

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
  return { matchName, matchVersion, matchKeyHex };
}
