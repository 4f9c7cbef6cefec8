/**
 * Debian version ordering, as dpkg implements it (lib/dpkg/version.c `dpkg_version_compare`,
 * lib/dpkg/parsehelp.c `parseversion`). Used for Debian and Ubuntu packages.
 */
import { basicProblem, compareDigits, fail, isAsciiLetter, isDigit, ok, stripZeros, type KeyWriter, type TParse, type TSchemeRules } from './common';

export type TDebVersion = {
  /** Digits; '' or '0' when absent (dpkg treats a missing epoch as 0). */
  epoch: string;
  upstream: string;
  /** '' when there is no hyphen; dpkg then compares it as '' — which equals '0'. */
  revision: string;
};

// dpkg rejects an epoch above INT_MAX ("epoch in version is too big").
const INT_MAX = '2147483647';

export function parseDeb(v: string): TParse<TDebVersion> {
  const basic = basicProblem(v);
  if (basic) return fail(basic);
  let rest = v;
  let epoch = '';
  const colon = v.indexOf(':');
  if (colon >= 0) {
    epoch = v.slice(0, colon);
    if (epoch === '') return fail('epoch is empty');
    if (!/^[0-9]+$/.test(epoch)) return fail('epoch is not a number');
    if (compareDigits(epoch, INT_MAX) > 0) return fail('epoch is too big');
    rest = v.slice(colon + 1);
    if (rest === '') return fail('nothing after the epoch colon');
  }
  // The revision is what follows the *last* hyphen, so the upstream part may itself hold hyphens.
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : '';
  if (upstream === '') return fail('upstream version is empty');
  if (hyphen >= 0 && revision === '') return fail('revision is empty');
  // dpkg only warns here, but an upstream that does not start with a digit ("unknown", "none") is
  // far more likely a placeholder than a package version, and guessing its order is what we refuse.
  if (!isDigit(upstream[0])) return fail('upstream version does not start with a digit');
  if (!/^[A-Za-z0-9.+~:-]+$/.test(upstream)) return fail('invalid character in upstream version (allowed: A-Z a-z 0-9 . + ~ - :)');
  if (!/^[A-Za-z0-9.+~]*$/.test(revision)) return fail('invalid character in revision (allowed: A-Z a-z 0-9 . + ~)');
  return ok({ epoch, upstream, revision });
}

/**
 * dpkg's weight of one non-digit character: '~' below everything, even the end of the part (so
 * 1.0~rc1 < 1.0), then the end / the start of a digit run, then letters, then all other characters
 * (so 1.0a < 1.0+b: a letter suffix is "less" than a '+' or '.' continuation).
 */
function order(c: string | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if (isAsciiLetter(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

/** dpkg's verrevcmp: alternating non-digit runs (by `order`) and digit runs (numerically). */
export function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

export function compareDeb(a: TDebVersion, b: TDebVersion): number {
  return compareDigits(a.epoch, b.epoch) || verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
}

/*
 * Key encoding. A part (upstream or revision) is a list of pairs (non-digit run, number), compared
 * pair by pair, a missing pair counting as ('', 0). Each pair is written as its run's characters,
 * the run terminator T, then the number ([digit count][digits]):
 *   '~' 0x01  <  T 0x02  <  letters (their ASCII codes)  <  other characters (code + 0x80)
 * which is `order` above. The end of a part is written as the padding pair ('', 0) followed by one
 * more T: only the first pair can have an empty run, so after that padding pair the other key holds
 * a non-empty run, whose first byte is below T exactly when dpkg says that version is smaller ('~').
 * A part equal to the padding itself ("0", "00", or an absent revision) is written as the end alone,
 * which is why 1.0 and 1.0-0 get one key, and 1.0 and 1.00 too.
 */
const RUN_END = 0x02;

function runByte(c: string): number {
  if (c === '~') return 0x01;
  const code = c.charCodeAt(0);
  return isAsciiLetter(c) ? code : code + 0x80;
}

function encodePart(s: string, w: KeyWriter): void {
  const pairs: { run: string; num: string }[] = [];
  let i = 0;
  while (i < s.length) {
    const runStart = i;
    while (i < s.length && !isDigit(s[i])) i++;
    const numStart = i;
    while (i < s.length && isDigit(s[i])) i++;
    pairs.push({ run: s.slice(runStart, numStart), num: s.slice(numStart, i) });
  }
  const isPadding = pairs.length === 1 && pairs[0].run === '' && stripZeros(pairs[0].num) === '';
  if (!isPadding) {
    for (const p of pairs) {
      for (const c of p.run) w.byte(runByte(c));
      w.byte(RUN_END).number(p.num);
    }
  }
  w.byte(RUN_END).number('').byte(RUN_END);
}

export function encodeDebKey(v: TDebVersion, w: KeyWriter): void {
  w.number(v.epoch);
  encodePart(v.upstream, w);
  encodePart(v.revision, w);
}

export const debRules: TSchemeRules<TDebVersion> = { parse: parseDeb, compare: compareDeb, encodeKey: encodeDebKey };
