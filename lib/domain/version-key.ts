/**
 * Order-preserving binary keys for versions, so PostgreSQL can range-scan and index versions with a
 * plain `bytea` column: bytea compares like memcmp, a proper prefix first — which is `compareKeys`.
 *
 * Contract, for every scheme and all valid a, b:
 *   sign(compareKeys(versionKey(s, a), versionKey(s, b))) === sign(compareVersions(s, a, b))
 * so versions equal under the scheme (deb 1.0 / 1.00 / 1.0-0, rpm 1.01 / 1.1, pypi 1.0 / 1.0.0)
 * get byte-identical keys. Keys of different schemes are not comparable; store the scheme beside.
 *
 * The encodings are documented next to each scheme's rules (./versions/<scheme>.ts, `encode*Key`).
 * Common to all of them:
 * - a natural number is [count of significant digits][ASCII digits]: longer is larger, equal
 *   lengths compare digit by digit; zero, with or without leading zeros, is the single byte 0x00;
 * - everything else is small tag bytes chosen in the order the scheme gives those things at one
 *   position ('~' < end of part < letters < other characters for dpkg, and so on), and text whose
 *   prefix must sort first ends in 0x00;
 * - every part ends with an explicit end marker, so no key of one part is a proper prefix of the
 *   key of an unequal part, and a later part (a revision, a release) never leaks into the order of
 *   an earlier one.
 * The keys are a storage format: changing an encoding means recomputing stored keys.
 */
import type { TVersionScheme } from './types';
import { InvalidVersionError, parseVersion, VERSION_RULES, type TParsedVersion } from './versions';
import { KeyWriter, type TSchemeRules } from './versions/common';

/** The key of a parsed version. */
export function parsedVersionKey(v: TParsedVersion): Uint8Array {
  const w = new KeyWriter();
  (VERSION_RULES[v.scheme] as TSchemeRules<unknown>).encodeKey(v.value, w);
  return w.bytes();
}

/** The key of `v`; throws `InvalidVersionError` when `v` is not a valid version of `scheme`. */
export function versionKey(scheme: TVersionScheme, v: string): Uint8Array {
  const r = parseVersion(scheme, v);
  if (!r.ok) throw new InvalidVersionError(scheme, v, r.reason);
  return parsedVersionKey(r.version);
}

/** The key of `v`, or why `v` is not a valid version of `scheme` — for callers that store either. */
export function tryVersionKey(scheme: TVersionScheme, v: string): { ok: true; key: Uint8Array } | { ok: false; reason: string } {
  const r = parseVersion(scheme, v);
  return r.ok ? { ok: true, key: parsedVersionKey(r.version) } : { ok: false, reason: r.reason };
}

/** memcmp over the common length, then the shorter key first: PostgreSQL's bytea order. Returns -1, 0 or 1. */
export function compareKeys(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Lower-case hex, e.g. for a `'\\x…'::bytea` literal in a hand-written query or a log line. */
export function keyToHex(key: Uint8Array): string {
  let s = '';
  for (const b of key) s += b.toString(16).padStart(2, '0');
  return s;
}
