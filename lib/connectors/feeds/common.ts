import type { z } from 'zod';
import { MAX_AFFECTED_VERSIONS, ZPatchDraft, ZReference, type TPatchDraft, type TPatchFix, type TReference } from '@/lib/domain/patch';

/** What every advisory transform returns: drafts plus warnings, or one reason naming the offending field. */
export type TTransformFailure = { ok: false; reason: string; field?: string };
export type TTransformResult = { ok: true; drafts: TPatchDraft[]; warnings: string[] } | TTransformFailure;

export function fail(reason: string, field?: string): TTransformFailure {
  return field ? { ok: false, reason, field } : { ok: false, reason };
}

/** `a.b[0].c` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/** The first zod issue as a failure whose reason starts with the JSON path of the bad field. */
export function zodFailure(error: z.ZodError, what: string): TTransformFailure {
  const issue = error.issues[0];
  const field = issue ? formatPath(issue.path) : '';
  const message = issue?.message ?? 'invalid document';
  return fail(`${what}: ${field || '(root)'}: ${message}`, field || undefined);
}

export function parseJson(text: string): { ok: true; value: unknown } | TTransformFailure {
  try {
    return { ok: true, value: JSON.parse(stripBom(text)) };
  } catch (e) {
    return fail(`not valid JSON: ${(e as Error).message}`);
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** ISO-8601 instant in UTC, or null. Vendor timestamps without a zone (MSRC) are taken as UTC; a bare date is midnight UTC. */
export function isoDateTime(value: string | null | undefined): string | null {
  if (!value) return null;
  let v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) v += 'T00:00:00Z';
  else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(v)) v += 'Z';
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const CVE_RE = /CVE-\d{4}-\d{4,}/g;

/** CVE ids found in any of the given identifiers ('UBUNTU-CVE-2019-18276' yields CVE-2019-18276), sorted, unique. */
export function extractCves(...ids: readonly (string | null | undefined)[]): string[] {
  const found = new Set<string>();
  for (const id of ids) for (const m of (id ?? '').toUpperCase().matchAll(CVE_RE)) found.add(m[0]);
  return [...found].sort();
}

/** Valid http(s) references only, first label wins, in document order. */
export function cleanReferences(refs: readonly { url?: string | null; label?: string | null }[]): TReference[] {
  const byUrl = new Map<string, TReference>();
  for (const r of refs) {
    const url = r.url?.trim();
    if (!url || byUrl.has(url)) continue;
    const label = r.label?.trim() || undefined;
    const parsed = ZReference.safeParse(label ? { url, label } : { url });
    if (parsed.success) byUrl.set(url, parsed.data);
  }
  return [...byUrl.values()];
}

/** Text clipped to a storable size, on a word boundary when possible. */
export function clip(text: string | null | undefined, max = 4000): string | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

/** An explicit versions list capped at MAX_AFFECTED_VERSIONS (with a warning), undefined when empty. */
export function capVersions(list: readonly string[] | undefined, warnings: string[], context: string): string[] | undefined {
  const unique = [...new Set((list ?? []).map((v) => v.trim()).filter(Boolean))];
  if (unique.length === 0) return undefined;
  if (unique.length > MAX_AFFECTED_VERSIONS) {
    warnings.push(`${context}: ${unique.length} explicit versions, kept the first ${MAX_AFFECTED_VERSIONS}`);
    return unique.slice(0, MAX_AFFECTED_VERSIONS);
  }
  return unique;
}

const fixKey = (f: TPatchFix) => JSON.stringify({ ...f, productIds: undefined });

/** Identical fixes collapsed (e.g. one rpm shipped in the AUS, E4S and TUS streams of RHEL 8.6); product ids merged. */
export function dedupeFixes(fixes: readonly TPatchFix[]): TPatchFix[] {
  const byKey = new Map<string, TPatchFix>();
  for (const f of fixes) {
    const key = fixKey(f);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, f.productIds ? { ...f, productIds: [...f.productIds] } : { ...f });
    else if (f.productIds) seen.productIds = [...new Set([...(seen.productIds ?? []), ...f.productIds])];
  }
  return [...byKey.values()];
}

/**
 * Validates what a transform built (a bug here must not reach the database) and applies the rule shared by
 * every feed: a draft with neither CVEs nor fixes tracks nothing and is rejected.
 */
export function finalise(drafts: readonly TPatchDraft[], warnings: readonly string[]): TTransformResult {
  const out: TPatchDraft[] = [];
  for (const [i, d] of drafts.entries()) {
    if (d.cves.length === 0 && d.fixes.length === 0) {
      if (drafts.length === 1) return fail(`${d.vendorId}: no CVEs and no fixed or affected packages — nothing to track`, 'fixes');
      continue;
    }
    const parsed = ZPatchDraft.safeParse(d);
    if (!parsed.success) return zodFailure(parsed.error, `draft ${i} (${d.vendorId}) is invalid`);
    out.push(parsed.data);
  }
  if (out.length === 0) return fail('no draft with CVEs or fixes', 'fixes');
  return { ok: true, drafts: out, warnings: [...new Set(warnings)] };
}
