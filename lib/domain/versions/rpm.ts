/**
 * RPM version ordering: epoch:version-release, each of version and release compared with rpm's
 * `rpmvercmp` (rpmio/rpmvercmp.c, rpm >= 4.15 for '^'). Used for RHEL, AlmaLinux, Rocky, SUSE.
 */
import { basicProblem, compareAscii, compareDigits, fail, isAsciiLetter, isDigit, ok, type KeyWriter, type TParse, type TSchemeRules } from './common';

export type TRpmVersion = {
  /** Digits; '' when absent, which rpm compares as 0. */
  epoch: string;
  version: string;
  /** '' when absent. */
  release: string;
};

const isAlnum = (c: string | undefined) => isDigit(c) || isAsciiLetter(c);

/**
 * Accepts "E:V-R", "V-R", "E:V" and "V". A missing release is the empty release, which sorts
 * below every real one (1.0 < 1.0-1): a total order, unlike rpm's dependency matching, where a
 * requirement without a release matches any release — that is a range question, not an ordering one.
 */
export function parseRpm(v: string): TParse<TRpmVersion> {
  const basic = basicProblem(v);
  if (basic) return fail(basic);
  let rest = v;
  let epoch = '';
  const colon = v.indexOf(':');
  if (colon >= 0) {
    epoch = v.slice(0, colon);
    if (!/^[0-9]+$/.test(epoch)) return fail('epoch is not a number');
    rest = v.slice(colon + 1);
  }
  const parts = rest.split('-');
  // rpm forbids '-' inside version and release, so a second one means a name is still attached.
  if (parts.length > 2) return fail("more than one '-': pass [epoch:]version-release without the package name or arch");
  const [version, release = ''] = parts;
  if (version === '') return fail('version is empty');
  if (parts.length === 2 && release === '') return fail('release is empty');
  for (const [what, s] of [
    ['version', version],
    ['release', release],
  ] as const) {
    if (!/^[A-Za-z0-9._+~^]*$/.test(s)) return fail(`invalid character in ${what} (allowed: A-Z a-z 0-9 . _ + ~ ^)`);
    if (s !== '' && ![...s].some(isAlnum)) return fail(`${what} has no letter or digit`);
  }
  return ok({ epoch, version, release });
}

/**
 * A faithful port of rpmvercmp. Separators (anything but letters, digits, '~' and '^') only split
 * segments and are otherwise ignored (1.0 == 1_0). '~' sorts before everything, even the end
 * (1.0~rc1 < 1.0); '^' sorts after the end but before any further segment (1.0 < 1.0^git1 < 1.0.1).
 * A numeric segment beats an alphabetic one; numbers compare without leading zeros (1.01 == 1.1),
 * letters with strcmp.
 */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  const sep = (c: string | undefined) => c !== undefined && !isAlnum(c) && c !== '~' && c !== '^';
  while (i < a.length || j < b.length) {
    while (sep(a[i])) i++;
    while (sep(b[j])) j++;
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (!(i < a.length && j < b.length)) break;
    const isNum = isDigit(a[i]);
    const inSeg = isNum ? isDigit : isAsciiLetter;
    let ie = i;
    let je = j;
    while (inSeg(a[ie])) ie++;
    while (inSeg(b[je])) je++;
    // Segments of different kinds: the numeric one is newer.
    if (je === j) return isNum ? 1 : -1;
    const sa = a.slice(i, ie);
    const sb = b.slice(j, je);
    const rc = isNum ? compareDigits(sa, sb) : compareAscii(sa, sb);
    if (rc) return rc < 0 ? -1 : 1;
    i = ie;
    j = je;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

export function compareRpm(a: TRpmVersion, b: TRpmVersion): number {
  return compareDigits(a.epoch, b.epoch) || rpmvercmp(a.version, b.version) || rpmvercmp(a.release, b.release);
}

/*
 * Key encoding. rpmvercmp is a lexicographic comparison of token lists (separators dropped), where
 * at one position  '~' < end < '^' < alphabetic segment < numeric segment.  So each token is a tag
 * byte in that order, alphabetic segments carry their letters and a 0x00 terminator (strcmp:
 * a prefix sorts first), numeric ones [digit count][digits]. Every list ends with the end tag, which
 * keeps version and release apart. Epoch first, as a number.
 */
const TAG = { tilde: 0x01, end: 0x02, caret: 0x03, alpha: 0x04, num: 0x05 } as const;

function encodePart(s: string, w: KeyWriter): void {
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '~' || c === '^') {
      w.byte(c === '~' ? TAG.tilde : TAG.caret);
      i++;
    } else if (isDigit(c) || isAsciiLetter(c)) {
      const inSeg = isDigit(c) ? isDigit : isAsciiLetter;
      let e = i;
      while (inSeg(s[e])) e++;
      if (isDigit(c)) w.byte(TAG.num).number(s.slice(i, e));
      else w.byte(TAG.alpha).ascii(s.slice(i, e)).byte(0x00);
      i = e;
    } else {
      i++;
    }
  }
  w.byte(TAG.end);
}

export function encodeRpmKey(v: TRpmVersion, w: KeyWriter): void {
  w.number(v.epoch);
  encodePart(v.version, w);
  encodePart(v.release, w);
}

export const rpmRules: TSchemeRules<TRpmVersion> = { parse: parseRpm, compare: compareRpm, encodeKey: encodeRpmKey };
