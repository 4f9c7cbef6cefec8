import type { TVersionRange } from '@/lib/domain/patch';

export type TParsedRange = {
  /** Every version is affected ('vers:all/*', 'all versions'). */
  all: boolean;
  intervals: TVersionRange[];
  /** '=' constraints: exact versions. */
  exact: string[];
};

const OPERATOR = /^(>=|<=|!=|>|<|=)?\s*(.*)$/;

/**
 * Reads a CSAF product_version_range: a `vers:` string ("vers:generic/>=2.9|<=4.1", "vers:all/<V17 Update 6")
 * or the free text vendors put there instead ("<=1.14.0", ">v33.011|<v33.015", "0 < 8.0.1", "all versions").
 * A '>' lower bound is kept as an inclusive `introduced` — a conservative approximation (the boundary
 * version itself is reported affected). Text with no operator at all is treated as one exact version.
 */
export function parseVersionRange(text: string): TParsedRange {
  const body = text
    .trim()
    .replace(/^vers:[a-z0-9.+-]*\//i, '')
    .trim();
  const out: TParsedRange = { all: false, intervals: [], exact: [] };
  if (body === '*' || /^all( versions?)?$/i.test(body)) return { ...out, all: true };

  // CISA writes "0 < 8.0.1" meaning introduced 0, fixed 8.0.1.
  const between = /^([^<>=|]+?)\s*<\s*([^<>=|]+)$/.exec(body);
  if (between) {
    const lower = between[1].trim();
    out.intervals.push({ introduced: lower === '0' ? null : lower, fixed: between[2].trim(), lastAffected: null });
    return out;
  }

  let lower: string | null | undefined;
  for (const constraint of body.split('|')) {
    const [, op = '', raw = ''] = OPERATOR.exec(constraint.trim()) ?? [];
    const v = raw.trim();
    if (!v) continue;
    if (v === '*') return { ...out, all: true };
    if (op === '>=' || op === '>') {
      if (lower !== undefined) out.intervals.push({ introduced: lower, fixed: null, lastAffected: null });
      lower = v === '0' ? null : v;
    } else if (op === '<' || op === '<=') {
      out.intervals.push({ introduced: lower ?? null, fixed: op === '<' ? v : null, lastAffected: op === '<=' ? v : null });
      lower = undefined;
    } else if (op === '' || op === '=') {
      out.exact.push(v);
    }
  }
  if (lower !== undefined) out.intervals.push({ introduced: lower, fixed: null, lastAffected: null });
  return out;
}
