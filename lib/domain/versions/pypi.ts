/**
 * PEP 440 version ordering for Python packages, as the `packaging` library implements it
 * (packaging.version.Version and its _cmpkey).
 */
import { compareAscii, compareDigits, fail, MAX_VERSION_LENGTH, ok, stripZeros, type KeyWriter, type TParse, type TSchemeRules } from './common';

export type TPypiVersion = {
  epoch: string;
  release: string[];
  pre: { label: 'a' | 'b' | 'rc'; n: string } | null;
  post: string | null;
  dev: string | null;
  /** Lower-cased segments of the local label (after '+'); null when there is none. */
  local: string[] | null;
};

/**
 * packaging's VERSION_PATTERN, case-insensitive. It carries PEP 440's normalisation: optional
 * separators around pre/post/dev, implicit numbers (1.0a == 1.0a0), alpha/beta/c/pre/preview
 * spellings, "1.0-1" as a post-release, and a leading 'v'.
 */
const PATTERN =
  /^v?(?:([0-9]+)!)?([0-9]+(?:\.[0-9]+)*)(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?(?:[-_.]?(dev)[-_.]?([0-9]+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;

const PRE_LABEL: Record<string, 'a' | 'b' | 'rc'> = { alpha: 'a', a: 'a', beta: 'b', b: 'b', c: 'rc', pre: 'rc', preview: 'rc', rc: 'rc' };

export function parsePypi(v: string): TParse<TPypiVersion> {
  // PEP 440: leading and trailing whitespace must be silently ignored.
  const s = v.trim();
  if (s === '') return fail('empty version');
  if (s.length > MAX_VERSION_LENGTH) return fail(`longer than ${MAX_VERSION_LENGTH} characters`);
  const m = PATTERN.exec(s);
  if (!m) return fail('not a PEP 440 version');
  const [, epoch = '', release, preL, preN, postN1, postL, postN2, devL, devN, local] = m;
  return ok({
    epoch,
    release: release.split('.'),
    pre: preL ? { label: PRE_LABEL[preL.toLowerCase()], n: preN ?? '' } : null,
    post: postN1 !== undefined ? postN1 : postL ? (postN2 ?? '') : null,
    dev: devL ? (devN ?? '') : null,
    local: local ? local.toLowerCase().split(/[-_.]/) : null,
  });
}

/** Trailing zeros of the release do not count: 1.0 == 1.0.0 == 1. */
function significantRelease(release: string[]): string[] {
  let end = release.length;
  while (end > 0 && stripZeros(release[end - 1]) === '') end--;
  return release.slice(0, end);
}

/**
 * Rank of the pre-release slot: a bare dev release (1.0.dev0) sorts before every pre-release of 1.0
 * (0), pre-releases in the middle (1), and no pre-release after them (2) — packaging's
 * NegativeInfinity / value / Infinity trick.
 */
function preRank(v: TPypiVersion): 0 | 1 | 2 {
  if (v.pre) return 1;
  return v.post === null && v.dev !== null ? 0 : 2;
}

const isNumeric = (seg: string) => /^[0-9]+$/.test(seg);

function compareLocal(a: string[] | null, b: string[] | null): number {
  // No local label sorts before any local label (1.0 < 1.0+anything).
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const na = isNumeric(a[i]);
    const nb = isNumeric(b[i]);
    // Alphanumeric segments sort before numeric ones; numbers numerically, text lexically.
    const c = na && nb ? compareDigits(a[i], b[i]) : na !== nb ? (na ? 1 : -1) : compareAscii(a[i], b[i]);
    if (c) return c;
  }
  return a.length - b.length;
}

function compareRelease(a: string[], b: string[]): number {
  const x = significantRelease(a);
  const y = significantRelease(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compareDigits(x[i], y[i]);
    if (c) return c;
  }
  return x.length - y.length;
}

export function comparePypi(a: TPypiVersion, b: TPypiVersion): number {
  return (
    compareDigits(a.epoch, b.epoch) ||
    compareRelease(a.release, b.release) ||
    preRank(a) - preRank(b) ||
    (a.pre && b.pre ? compareAscii(a.pre.label, b.pre.label) || compareDigits(a.pre.n, b.pre.n) : 0) ||
    // No post-release sorts before any post-release; a dev release before its absence.
    (a.post === null || b.post === null ? (a.post === null ? 0 : 1) - (b.post === null ? 0 : 1) : compareDigits(a.post, b.post)) ||
    (a.dev === null || b.dev === null ? (a.dev === null ? 1 : 0) - (b.dev === null ? 1 : 0) : compareDigits(a.dev, b.dev)) ||
    compareLocal(a.local, b.local)
  );
}

/*
 * Key encoding, field by field as in packaging's _cmpkey:
 *   epoch                number
 *   release              01 number per significant component, then 00 (a shorter release sorts first)
 *   pre                  00 (bare dev release) | 01 label(a=1 b=2 rc=3) number | 02 (none)
 *   post                 00 (none) | 01 number
 *   dev                  01 number | 02 (none)
 *   local                00 (none) | 01 then per segment 01 text 00 (alphanumeric) or 02 number, then 00
 */
const LABEL_BYTE = { a: 1, b: 2, rc: 3 } as const;

export function encodePypiKey(v: TPypiVersion, w: KeyWriter): void {
  w.number(v.epoch);
  for (const n of significantRelease(v.release)) w.byte(0x01).number(n);
  w.byte(0x00);
  const rank = preRank(v);
  if (rank === 1 && v.pre) w.byte(0x01).byte(LABEL_BYTE[v.pre.label]).number(v.pre.n);
  else w.byte(rank);
  if (v.post === null) w.byte(0x00);
  else w.byte(0x01).number(v.post);
  if (v.dev === null) w.byte(0x02);
  else w.byte(0x01).number(v.dev);
  if (v.local === null) {
    w.byte(0x00);
    return;
  }
  w.byte(0x01);
  for (const seg of v.local) {
    if (isNumeric(seg)) w.byte(0x02).number(seg);
    else w.byte(0x01).ascii(seg).byte(0x00);
  }
  w.byte(0x00);
}

export const pypiRules: TSchemeRules<TPypiVersion> = { parse: parsePypi, compare: comparePypi, encodeKey: encodePypiKey };
