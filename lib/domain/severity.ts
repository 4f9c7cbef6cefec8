import { fromVector } from 'ae-cvss-calculator';
import type { TCvss } from './patch';
import type { TSeverity } from './types';

/** Severity order, most severe first; index = rank. */
const ORDER: readonly TSeverity[] = ['critical', 'high', 'medium', 'low', 'none'];

/** Negative when a is more severe than b (sorts most severe first). */
export function compareSeverity(a: TSeverity, b: TSeverity): number {
  return ORDER.indexOf(a) - ORDER.indexOf(b);
}

export function maxSeverity(list: readonly TSeverity[]): TSeverity {
  return list.reduce<TSeverity>((best, s) => (compareSeverity(s, best) < 0 ? s : best), 'none');
}

const VERSIONS: Record<string, TCvss['version']> = { 'CVSS:2.0': '2.0', 'CVSS:3.0': '3.0', 'CVSS:3.1': '3.1', 'CVSS:4.0': '4.0' };

/**
 * Parses a CVSS 2.0/3.0/3.1/4.0 vector and computes its base score. Temporal/threat metrics in the vector do
 * not lower the score (for 4.0 the CVSS-B score is used). Null for anything that is not a complete vector.
 */
export function parseCvss(vector: string): TCvss | null {
  const cleaned = vector.trim().replace(/^\((.*)\)$/, '$1');
  if (!cleaned) return null;
  try {
    const parsed = fromVector(cleaned);
    if (!parsed) return null;
    const version = VERSIONS[String(parsed.getVectorName())];
    if (!version) return null;
    const scores = parsed.calculateScores() as { base?: number; baseMetricsOnly?: number };
    const score = version === '4.0' ? scores.baseMetricsOnly : scores.base;
    if (typeof score !== 'number' || Number.isNaN(score)) return null;
    return { version, vector: cleaned, score };
  } catch {
    return null;
  }
}

/**
 * Qualitative rating of a base score. CVSS 3.x/4.0 bands (FIRST): 0 none, 0.1–3.9 low, 4–6.9 medium,
 * 7–8.9 high, 9–10 critical. CVSS 2.0 has no "critical" band (NVD: 7–10 is high).
 */
export function severityFromScore(score: number, version: TCvss['version']): TSeverity {
  if (score >= 9 && version !== '2.0') return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

/** Severity computed from one vector; null when the vector cannot be scored. */
export function severityFromCvss(vector: string): TSeverity | null {
  const cvss = parseCvss(vector);
  return cvss ? severityFromScore(cvss.score, cvss.version) : null;
}

const VENDOR_WORDS: Record<string, TSeverity> = {
  critical: 'critical',
  urgent: 'critical',
  important: 'high',
  high: 'high',
  severe: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  negligible: 'low',
  minor: 'low',
  unimportant: 'low',
  none: 'none',
  informational: 'none',
};

/**
 * Maps a vendor's rating to ours: Red Hat/MSRC Critical/Important/Moderate/Low, GHSA CRITICAL/HIGH/MODERATE/LOW,
 * Ubuntu priorities, Debian urgencies ("high**" – the asterisks mark a guess – and "unimportant").
 * Null for anything else ("not yet assigned", "end-of-life", free text), so the caller falls back to CVSS.
 */
export function normaliseVendorSeverity(text: string | null | undefined): TSeverity | null {
  if (!text) return null;
  const word = text.trim().toLowerCase().replace(/\*+$/, '').trim();
  return VENDOR_WORDS[word] ?? null;
}

/**
 * The patch's severity: the vendor's rating when it is a known word, else the highest CVSS base score, else
 * 'none'. Vendors rate the package in its context (Red Hat's "Moderate" for a CVSS 9.8 CVE is deliberate),
 * so their rating wins over the generic score.
 */
export function pickSeverity(vendorSeverity: string | null | undefined, cvss: readonly TCvss[]): TSeverity {
  const vendor = normaliseVendorSeverity(vendorSeverity);
  if (vendor) return vendor;
  return maxSeverity(cvss.map((c) => severityFromScore(c.score, c.version)));
}

/** The most severe of several vendor words, kept verbatim ('Important' over 'Moderate'); null if none is known. */
export function strongestVendorSeverity(words: readonly (string | null | undefined)[]): string | null {
  let best: { word: string; sev: TSeverity } | null = null;
  for (const w of words) {
    const sev = normaliseVendorSeverity(w);
    if (w && sev && (!best || compareSeverity(sev, best.sev) < 0)) best = { word: w.trim(), sev };
  }
  return best?.word ?? null;
}
