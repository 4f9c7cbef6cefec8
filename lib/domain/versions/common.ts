/**
 * Pieces shared by the per-scheme version rules: the parse result, digit-string arithmetic and the
 * byte writer behind `versionKey`. Pure.
 */

/** A parsed version, or why the string is not a version of the scheme. */
export type TParse<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What every scheme provides. Method syntax on purpose: the registry stores them side by side. */
export interface TSchemeRules<T> {
  parse(v: string): TParse<T>;
  /** Negative, zero or positive, exactly as the ecosystem's own tool orders the two versions. */
  compare(a: T, b: T): number;
  /** Appends the order-preserving key of `v` (see version-key.ts for the contract). */
  encodeKey(v: T, w: KeyWriter): void;
}

/**
 * Longer strings are refused. It keeps every numeric run under 256 digits (one length byte in the
 * key) and every key well under PostgreSQL's btree entry limit (~2.7 kB); no real package version
 * comes close (the longest in our corpus is 41 characters).
 */
export const MAX_VERSION_LENGTH = 255;

export const ok = <T>(value: T): TParse<T> => ({ ok: true, value });
export const fail = <T = never>(reason: string): TParse<T> => ({ ok: false, reason });

/** Checks shared by every scheme; returns a reason or null. */
export function basicProblem(v: string): string | null {
  if (v.length === 0) return 'empty version';
  if (v.length > MAX_VERSION_LENGTH) return `longer than ${MAX_VERSION_LENGTH} characters`;
  if (/\s/.test(v)) return 'contains whitespace';
  return null;
}

export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
export const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/** Leading zeros removed; '' for zero. Numbers stay strings so no length of digits can overflow. */
export function stripZeros(digits: string): string {
  let i = 0;
  while (i < digits.length && digits.charCodeAt(i) === 48) i++;
  return digits.slice(i);
}

/** Numeric comparison of two digit strings of any length ('' counts as zero). */
export function compareDigits(a: string, b: string): number {
  const x = stripZeros(a);
  const y = stripZeros(b);
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Code-unit order, i.e. C's strcmp/memcmp on ASCII. */
export function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Collects key bytes. Only ASCII text ever reaches it: every scheme refuses other characters. */
export class KeyWriter {
  private buf: number[] = [];

  byte(b: number): this {
    this.buf.push(b);
    return this;
  }

  /** Raw ASCII bytes, no terminator (callers add the one their ordering needs). */
  ascii(s: string): this {
    for (let i = 0; i < s.length; i++) this.buf.push(s.charCodeAt(i));
    return this;
  }

  /**
   * A natural number as [digit count][digits], leading zeros stripped: a longer number is larger, and
   * equal lengths compare digit by digit, so byte order is numeric order; zero is the single byte 0x00.
   */
  number(digits: string): this {
    const d = stripZeros(digits);
    if (d.length > 255) throw new RangeError('numeric component longer than 255 digits');
    this.buf.push(d.length);
    return this.ascii(d);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.buf);
  }
}
