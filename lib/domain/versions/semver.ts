/**
 * Semantic Versioning 2.0.0 precedence (semver.org §11), for npm, Go modules and crates.io.
 */
import { basicProblem, compareAscii, compareDigits, fail, ok, type KeyWriter, type TParse, type TSchemeRules } from './common';

export type TSemver = {
  major: string;
  minor: string;
  patch: string;
  /** Dot-separated identifiers; empty for a release. */
  prerelease: string[];
};

const NUMERIC = /^(0|[1-9][0-9]*)$/;
const IDENT = /^[0-9A-Za-z-]+$/;

/**
 * Strict semver, with three tolerances that real feeds need:
 * - a leading 'v' (Go module versions are always written v1.2.3);
 * - "1" and "1.2" as 1.0.0 and 1.2.0 (Go's semver package accepts these shorthands, and OSV uses "0"
 *   for "since the beginning"); they may not carry a prerelease or build, as in Go;
 * - build metadata is accepted and ignored, as §10 requires (Go's +incompatible).
 * Go pseudo-versions (v0.0.0-20210520170846-37e1c6afe023, v1.3.1-0.2019…-abc) are ordinary
 * prereleases whose fixed-width timestamps already sort correctly, so they need no special case.
 * Leading zeros in numbers are refused: semver forbids them and npm/Go reject them.
 */
export function parseSemver(v: string): TParse<TSemver> {
  const basic = basicProblem(v);
  if (basic) return fail(basic);
  let s = v.startsWith('v') ? v.slice(1) : v;
  let build: string | null = null;
  const plus = s.indexOf('+');
  if (plus >= 0) {
    build = s.slice(plus + 1);
    s = s.slice(0, plus);
  }
  let pre: string | null = null;
  const dash = s.indexOf('-');
  if (dash >= 0) {
    pre = s.slice(dash + 1);
    s = s.slice(0, dash);
  }
  const core = s.split('.');
  if (core.length > 3) return fail('more than three numeric components');
  for (const n of core) {
    if (n === '') return fail('empty numeric component');
    if (!/^[0-9]+$/.test(n)) return fail(`"${n}" is not a number`);
    if (!NUMERIC.test(n)) return fail(`leading zero in "${n}"`);
  }
  if (core.length < 3 && (pre !== null || build !== null)) return fail('a prerelease or build needs major.minor.patch');
  const prerelease = pre === null ? [] : pre.split('.');
  if (pre !== null) {
    for (const id of prerelease) {
      if (id === '') return fail('empty prerelease identifier');
      if (!IDENT.test(id)) return fail(`invalid character in prerelease identifier "${id}"`);
      if (/^[0-9]+$/.test(id) && !NUMERIC.test(id)) return fail(`leading zero in numeric prerelease identifier "${id}"`);
    }
  }
  if (build !== null) {
    for (const id of build.split('.')) {
      if (id === '' || !IDENT.test(id)) return fail(`invalid build metadata "${build}"`);
    }
  }
  return ok({ major: core[0], minor: core[1] ?? '0', patch: core[2] ?? '0', prerelease });
}

const isNumericId = (id: string) => /^[0-9]+$/.test(id);

/** §11: numbers numerically; a prerelease sorts before its release; identifiers left to right. */
export function compareSemver(a: TSemver, b: TSemver): number {
  const core = compareDigits(a.major, b.major) || compareDigits(a.minor, b.minor) || compareDigits(a.patch, b.patch);
  if (core) return core;
  const pa = a.prerelease;
  const pb = b.prerelease;
  if (pa.length === 0 || pb.length === 0) return (pa.length === 0 ? 1 : 0) - (pb.length === 0 ? 1 : 0);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const na = isNumericId(pa[i]);
    const nb = isNumericId(pb[i]);
    // Numeric identifiers have lower precedence than alphanumeric ones (§11.4.3).
    const c = na && nb ? compareDigits(pa[i], pb[i]) : na !== nb ? (na ? -1 : 1) : compareAscii(pa[i], pb[i]);
    if (c) return c;
  }
  // A larger set of identifiers wins when all before are equal (§11.4.4).
  return pa.length - pb.length;
}

/*
 * Key encoding: the three numbers, then either 0x03 (a release) or the prerelease identifiers —
 * numeric ones as 0x01 [digit count][digits], alphanumeric ones as 0x02, their ASCII, 0x00 — closed
 * by 0x00. A prerelease thus starts below a release, ends below any further identifier, and a
 * numeric identifier sorts below an alphanumeric one.
 */
export function encodeSemverKey(v: TSemver, w: KeyWriter): void {
  w.number(v.major).number(v.minor).number(v.patch);
  if (v.prerelease.length === 0) {
    w.byte(0x03);
    return;
  }
  for (const id of v.prerelease) {
    if (isNumericId(id)) w.byte(0x01).number(id);
    else w.byte(0x02).ascii(id).byte(0x00);
  }
  w.byte(0x00);
}

export const semverRules: TSchemeRules<TSemver> = { parse: parseSemver, compare: compareSemver, encodeKey: encodeSemverKey };
