/**
 * The fallback ordering for ecosystems without a scheme of their own: Maven, NuGet, Windows build
 * numbers, vendor firmware. It follows Maven's ComparableVersion in spirit (qualifiers, trailing
 * zeros) while staying a simple, total order that a byte key can reproduce.
 */
import { basicProblem, compareAscii, compareDigits, fail, isDigit, ok, stripZeros, type KeyWriter, type TParse, type TSchemeRules } from './common';

/**
 * Rank of an item at one position. Pre-release qualifiers sort below the end of the version
 * (4.0.0.Beta1 < 4.0.0); service packs and unknown words above it (1.1.1k > 1.1.1, as OpenSSL
 * letters and Java "8u181" need); a number above any word (Maven: 1.0.1 > 1.0-sp1).
 */
const RANK = { dev: 1, alpha: 2, beta: 3, milestone: 4, rc: 5, snapshot: 6, end: 7, sp: 8, word: 9, num: 10 } as const;

export type TGenericItem = { rank: number; text: string };
export type TGenericVersion = { items: TGenericItem[] };

const QUALIFIER: Record<string, number> = {
  dev: RANK.dev,
  alpha: RANK.alpha,
  beta: RANK.beta,
  milestone: RANK.milestone,
  rc: RANK.rc,
  cr: RANK.rc,
  pre: RANK.rc,
  preview: RANK.rc,
  snapshot: RANK.snapshot,
  sp: RANK.sp,
};
/** Maven reads a, b and m as alpha, beta and milestone only when a number follows (1.0b2). */
const SHORT_QUALIFIER: Record<string, number> = { a: RANK.alpha, b: RANK.beta, m: RANK.milestone };
/** Words that mean "the release itself": 3.4.3.Final == 3.4.3. */
const RELEASE_WORDS = new Set(['final', 'ga', 'release']);

/**
 * Accepts ASCII letters and digits separated by '.', '-', '_' or '+', starting with a number
 * (after an optional 'v'). Letters are case-insensitive. All separators are equivalent, and a
 * change between digits and letters separates too (Beta1 = beta.1).
 */
export function parseGeneric(v: string): TParse<TGenericVersion> {
  const basic = basicProblem(v);
  if (basic) return fail(basic);
  const s = (/^[vV][0-9]/.test(v) ? v.slice(1) : v).toLowerCase();
  if (!isDigit(s[0])) return fail('must start with a number');
  if (!/^[a-z0-9._+-]+$/.test(s)) return fail('invalid character (allowed: letters, digits and . - _ +)');
  const runs: string[] = [];
  for (const part of s.split(/[._+-]/)) {
    if (part === '') return fail('empty component (doubled or trailing separator)');
    runs.push(...(part.match(/[0-9]+|[a-z]+/g) ?? []));
  }
  const raw: TGenericItem[] = [];
  runs.forEach((run, i) => {
    if (isDigit(run[0])) raw.push({ rank: RANK.num, text: stripZeros(run) });
    else if (RELEASE_WORDS.has(run)) return;
    else if (Object.hasOwn(QUALIFIER, run)) raw.push({ rank: QUALIFIER[run], text: '' });
    else if (Object.hasOwn(SHORT_QUALIFIER, run) && isDigit(runs[i + 1]?.[0])) raw.push({ rank: SHORT_QUALIFIER[run], text: '' });
    else raw.push({ rank: RANK.word, text: run });
  });
  // Zeros before a qualifier or the end carry nothing: 1.0.0 == 1, 1.0-beta == 1-beta.
  const items: TGenericItem[] = [];
  for (let i = raw.length - 1; i >= 0; i--) {
    const isZero = raw[i].rank === RANK.num && raw[i].text === '';
    if (isZero && (items.length === 0 || items[0].rank !== RANK.num)) continue;
    items.unshift(raw[i]);
  }
  return ok({ items });
}

function compareItem(a: TGenericItem | undefined, b: TGenericItem | undefined): number {
  const ra = a?.rank ?? RANK.end;
  const rb = b?.rank ?? RANK.end;
  if (ra !== rb) return ra - rb;
  if (!a || !b) return 0;
  if (ra === RANK.num) return compareDigits(a.text, b.text);
  return compareAscii(a.text, b.text);
}

/** Item by item; a version that has ended compares as the rank `end` (below sp, words, numbers). */
export function compareGeneric(a: TGenericVersion, b: TGenericVersion): number {
  const n = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < n; i++) {
    const c = compareItem(a.items[i], b.items[i]);
    if (c) return c;
  }
  return 0;
}

/*
 * Key encoding: per item its rank byte, then for a word its letters and 0x00, for a number
 * [digit count][digits]; the end is the rank byte of `end`. Qualifiers of one rank (rc, cr, pre,
 * preview) write the same byte, and dropped zeros and release words write nothing, so versions
 * that compare equal get one key.
 */
export function encodeGenericKey(v: TGenericVersion, w: KeyWriter): void {
  for (const item of v.items) {
    w.byte(item.rank);
    if (item.rank === RANK.num) w.number(item.text);
    else if (item.rank === RANK.word) w.ascii(item.text).byte(0x00);
  }
  w.byte(RANK.end);
}

export const genericRules: TSchemeRules<TGenericVersion> = { parse: parseGeneric, compare: compareGeneric, encodeKey: encodeGenericKey };
