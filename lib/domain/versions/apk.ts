/**
 * Alpine apk version ordering, ported from apk-tools' src/version.c (the current token_state
 * implementation, with `~hash`) and checked against its test/unit/version.data.
 * Grammar: digit{.digit}...{letter}{_suffix{number}}...{~hash}{-rN}
 */
import { basicProblem, compareAscii, compareDigits, fail, isDigit, ok, type KeyWriter, type TParse, type TSchemeRules } from './common';

/** Token kinds in apk-tools' order, which is itself part of the ordering (see `compareApk`). */
const T = { initial: 0, digit: 1, letter: 2, suffix: 3, suffixNo: 4, hash: 5, revision: 6, end: 7 } as const;
type TTokenKind = (typeof T)[keyof typeof T];

/** Pre-release suffixes sort below "no suffix" (NONE = 5), post-release ones above. */
const SUFFIX: Record<string, number> = { alpha: 1, beta: 2, pre: 3, rc: 4, cvs: 6, svn: 7, git: 8, hg: 9, p: 10 };
const SUFFIX_NONE = 5;

/** One token; `end` only ever stands for the position after the last one. */
export type TApkToken = { kind: TTokenKind; text: string; suffix: number };
export type TApkVersion = { tokens: TApkToken[] };

const isLower = (c: string) => c >= 'a' && c <= 'z';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** apk_version_validate: a version is valid when tokenising it reaches the end. */
export function parseApk(v: string): TParse<TApkVersion> {
  const basic = basicProblem(v);
  if (basic) return fail(basic);
  const tokens: TApkToken[] = [];
  let i = 0;
  const span = (pred: (c: string | undefined) => boolean) => {
    const start = i;
    while (i < v.length && pred(v[i])) i++;
    return v.slice(start, i);
  };
  const first = span(isDigit);
  if (first === '') return fail('must start with a number');
  tokens.push({ kind: T.initial, text: first, suffix: 0 });
  let prev: TTokenKind = T.initial;
  while (i < v.length) {
    const c = v[i];
    let kind: TTokenKind;
    let text: string;
    let suffix = 0;
    if (isLower(c)) {
      if (prev > T.digit) return fail(`letter "${c}" may only follow a number`);
      kind = T.letter;
      text = c;
      i++;
    } else if (c === '.' || isDigit(c)) {
      if (c === '.') {
        if (prev > T.digit) return fail("'.' may only follow a number");
        i++;
      }
      if (prev <= T.digit) kind = T.digit;
      else if (prev === T.suffix) kind = T.suffixNo;
      else return fail('a number may not follow a letter');
      text = span(isDigit);
      if (text === '') return fail("'.' must be followed by a number");
    } else if (c === '_') {
      if (prev > T.suffixNo) return fail("'_suffix' may not follow a ~hash or -r revision");
      i++;
      text = span((x) => x !== undefined && isLower(x));
      if (!Object.hasOwn(SUFFIX, text)) return fail(`unknown suffix "_${text}" (allowed: alpha beta pre rc cvs svn git hg p)`);
      kind = T.suffix;
      suffix = SUFFIX[text];
    } else if (c === '~') {
      if (prev >= T.hash) return fail("'~hash' may appear once, before the -r revision");
      i++;
      text = span(isHex);
      if (text === '') return fail("'~' must be followed by a hexadecimal commit hash");
      kind = T.hash;
    } else if (c === '-') {
      if (prev >= T.revision) return fail('only one -r revision is allowed');
      if (v[i + 1] !== 'r') return fail("'-' must start a -rN revision");
      i += 2;
      text = span(isDigit);
      if (text === '') return fail('-r must be followed by a number');
      kind = T.revision;
    } else {
      return fail(`invalid character "${c}"`);
    }
    tokens.push({ kind, text, suffix });
    prev = kind;
  }
  return ok({ tokens });
}

/** apk-tools' token_cmp, for two tokens of the same kind. */
function tokenCmp(a: TApkToken, b: TApkToken): number {
  switch (a.kind) {
    case T.digit:
      // After a '.', a leading zero makes both sides compare as strings, as in Gentoo:
      // 1.02 < 1.1, and 8.2.0 < 8.2.001.
      if (a.text[0] === '0' || b.text[0] === '0') return compareAscii(a.text, b.text);
      return compareDigits(a.text, b.text);
    case T.initial:
    case T.suffixNo:
    case T.revision:
      return compareDigits(a.text, b.text);
    case T.letter:
    case T.hash:
      return compareAscii(a.text, b.text);
    case T.suffix:
      return a.suffix - b.suffix;
    case T.end:
      return 0;
  }
}

const END_TOKEN: TApkToken = { kind: T.end, text: '', suffix: 0 };

/**
 * apk_version_compare: tokens are compared while both sides have the same kind. At the first
 * difference in kind, a pre-release suffix is older than anything; otherwise the side whose token
 * kind comes *later* in the grammar is older: 1.0a < 1.0.1 (letter after digit), 1.0 < 1.0-r0
 * (end after revision), 1.0 < 1.0_p1 but 1.0_rc1 < 1.0.
 */
export function compareApk(x: TApkVersion, y: TApkVersion): number {
  let k = 0;
  for (;;) {
    const a = k < x.tokens.length ? x.tokens[k] : END_TOKEN;
    const b = k < y.tokens.length ? y.tokens[k] : END_TOKEN;
    if (a.kind !== b.kind || a.kind === T.end) {
      if (a.kind === b.kind) return 0;
      if (a.kind === T.suffix && a.suffix < SUFFIX_NONE) return -1;
      if (b.kind === T.suffix && b.suffix < SUFFIX_NONE) return 1;
      return a.kind > b.kind ? -1 : 1;
    }
    const r = tokenCmp(a, b);
    if (r) return r < 0 ? -1 : 1;
    k++;
  }
}

/*
 * Key encoding. Each token is a class byte followed by its value; the class order is the order
 * `compareApk` gives tokens of different kinds at one position:
 *   pre-suffix 01 < end 02 < -r 03 < ~hash 04 < suffix number 05 < post-suffix 06 < letter 07
 *   < .digits 08 < initial digits 09
 * Suffix tokens carry their rank byte (pre and post classes keep alpha < … < rc < cvs < … < p).
 * Numbers are [digit count][digits]. A `.digits` token with a leading zero is string-sorted, and
 * every such string sorts below every number without one ('0' < '1'…'9'), so it is 01 + digits
 * + 00, the other kind 02 + number. A ~hash is its characters + 00. The key ends with the end class.
 */
const CLASS = { pre: 0x01, end: 0x02, revision: 0x03, hash: 0x04, suffixNo: 0x05, post: 0x06, letter: 0x07, digit: 0x08, initial: 0x09 };

export function encodeApkKey(v: TApkVersion, w: KeyWriter): void {
  for (const t of v.tokens) {
    switch (t.kind) {
      case T.initial:
        w.byte(CLASS.initial).number(t.text);
        break;
      case T.digit:
        w.byte(CLASS.digit);
        if (t.text[0] === '0') w.byte(0x01).ascii(t.text).byte(0x00);
        else w.byte(0x02).number(t.text);
        break;
      case T.letter:
        w.byte(CLASS.letter).ascii(t.text);
        break;
      case T.suffix:
        w.byte(t.suffix < SUFFIX_NONE ? CLASS.pre : CLASS.post).byte(t.suffix);
        break;
      case T.suffixNo:
        w.byte(CLASS.suffixNo).number(t.text);
        break;
      case T.hash:
        w.byte(CLASS.hash).ascii(t.text).byte(0x00);
        break;
      case T.revision:
        w.byte(CLASS.revision).number(t.text);
        break;
      case T.end:
        break;
    }
  }
  w.byte(CLASS.end);
}

export const apkRules: TSchemeRules<TApkVersion> = { parse: parseApk, compare: compareApk, encodeKey: encodeApkKey };
