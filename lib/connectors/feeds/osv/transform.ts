import { parse as parseYaml } from 'yaml';
import type { TCvss, TPatchDraft, TPatchFix, TVersionRange } from '@/lib/domain/patch';
import { parseCvss, pickSeverity } from '@/lib/domain/severity';
import {
  capVersions,
  cleanReferences,
  clip,
  dedupeFixes,
  extractCves,
  fail,
  finalise,
  isoDateTime,
  parseJson,
  stripBom,
  zodFailure,
  type TTransformResult,
} from '../common';
import { mapOsvEcosystem, normaliseVersion } from './ecosystem';
import { ZOsvRecord, type TOsvAffected, type TOsvRecord } from './schema';

/**
 * OSV record (JSON, or YAML as the PyPA database ships it) -> one patch draft.
 *
 * Decisions:
 * - withdrawn records are rejected (the vendor retracted them);
 * - MAL- records (malicious packages) are rejected: there is no fixed version to deploy, the remedy is removal;
 * - records without affected packages (RHSA-2022:0216 has no `affected`, SUSE-FU-2022:0444-1 an empty one)
 *   are imported with zero fixes and a warning: the CVEs and severity are real, they just match no asset;
 * - every ECOSYSTEM/SEMVER interval becomes its own fix, so each fix is self-contained (introduced, fixed);
 * - GIT ranges are ignored; an affected entry with no usable interval keeps its explicit `versions` list;
 * - Ubuntu (and SUSE) `ecosystem_specific.binaries` become extra fixes with nameKind 'binary'.
 */
export function transformOsv(text: string, filename = ''): TTransformResult {
  const raw = parseRecord(text, filename);
  if (!raw.ok) return raw;
  const parsed = ZOsvRecord.safeParse(raw.value);
  if (!parsed.success) return zodFailure(parsed.error, 'OSV record');
  const rec = parsed.data;

  if (rec.withdrawn) return fail(`withdrawn: ${rec.id} was withdrawn by its publisher on ${rec.withdrawn}`, 'withdrawn');
  if (/^MAL-/i.test(rec.id)) {
    return fail(`malicious-package report ${rec.id}: no fixed version exists (the remedy is removing the package), so it is not a patch`, 'id');
  }

  const warnings: string[] = [];
  const fixes: TPatchFix[] = [];
  const affected = rec.affected ?? [];
  if (affected.length === 0) warnings.push(`affected: ${rec.id} lists no affected packages — imported for its CVEs, it matches no asset`);
  for (const [i, a] of affected.entries()) fixes.push(...affectedToFixes(a, i, warnings));
  if (affected.length > 0 && fixes.length === 0) warnings.push(`affected: no entry of ${rec.id} could be mapped to a package — it matches no asset`);

  const cvss = collectCvss(rec, warnings);
  const vendorSeverity = vendorSeverityOf(rec);
  const draft: TPatchDraft = {
    source: 'osv',
    vendorId: rec.id,
    title: clip(rec.summary, 300) ?? clip(rec.details?.split('\n')[0], 300) ?? rec.id,
    summary: clip(rec.details),
    cves: extractCves(rec.id, ...(rec.aliases ?? []), ...(rec.upstream ?? []), ...(rec.related ?? [])),
    severity: pickSeverity(vendorSeverity, cvss),
    vendorSeverity,
    cvss,
    published: isoDateTime(rec.published),
    revised: isoDateTime(rec.modified),
    revision: rec.modified,
    references: cleanReferences((rec.references ?? []).map((r) => ({ url: r.url, label: r.type }))),
    fixes: dedupeFixes(fixes),
  };
  return finalise([draft], warnings);
}

function parseRecord(text: string, filename: string): { ok: true; value: unknown } | ReturnType<typeof fail> {
  const body = stripBom(text).trimStart();
  if (/\.ya?ml$/i.test(filename) || !body.startsWith('{')) {
    try {
      // failsafe keeps every scalar a string: a version "2.20" must not become the number 2.2.
      return { ok: true, value: parseYaml(body, { schema: 'failsafe' }) };
    } catch (e) {
      return fail(`not valid YAML: ${(e as Error).message}`);
    }
  }
  return parseJson(body);
}

/** Pairs events in order: each introduced opens an interval, the next fixed/last_affected closes it. */
function intervalsOf(a: TOsvAffected): TVersionRange[] {
  const out: TVersionRange[] = [];
  for (const range of a.ranges ?? []) {
    if (range.type === 'GIT') continue;
    let open: { introduced: string | null } | null = null;
    for (const ev of range.events) {
      if (ev.introduced !== undefined) {
        if (open) out.push({ introduced: open.introduced, fixed: null, lastAffected: null });
        open = { introduced: ev.introduced === '0' ? null : ev.introduced };
      } else if (ev.fixed !== undefined || ev.last_affected !== undefined) {
        out.push({ introduced: open?.introduced ?? null, fixed: ev.fixed ?? null, lastAffected: ev.last_affected ?? null });
        open = null;
      }
    }
    if (open) out.push({ introduced: open.introduced, fixed: null, lastAffected: null });
  }
  return out;
}

function affectedToFixes(a: TOsvAffected, index: number, warnings: string[]): TPatchFix[] {
  const where = `affected[${index}]`;
  if (!a.package) {
    warnings.push(`${where}: no package (repository-only range) — skipped`);
    return [];
  }
  const eco = mapOsvEcosystem(a.package.ecosystem);
  if (!eco.ok) {
    warnings.push(`${where}.package.ecosystem: ${eco.reason} — skipped`);
    return [];
  }
  if (eco.warning) warnings.push(eco.warning);
  const v = (s: string | null | undefined) => (s ? normaliseVersion(eco.ecosystem, s) : null);
  const base = { ecosystem: eco.ecosystem, distro: eco.distro, arch: null };
  const name = a.package.name;
  const intervals = intervalsOf(a);
  const fixes: TPatchFix[] = [];

  if (intervals.length === 0) {
    const versions = capVersions(a.versions, warnings, `${where} (${name})`);
    if (!versions) {
      warnings.push(`${where} (${name}): no ECOSYSTEM/SEMVER range and no versions list — skipped`);
      return [];
    }
    fixes.push({ ...base, packageName: name, nameKind: eco.nameKind, fixedVersion: null, introduced: null, lastAffected: null, affectedVersions: versions });
  }
  for (const r of intervals) {
    fixes.push({ ...base, packageName: name, nameKind: eco.nameKind, fixedVersion: v(r.fixed), introduced: v(r.introduced), lastAffected: v(r.lastAffected) });
  }

  const hasFix = intervals.some((r) => r.fixed);
  for (const b of a.ecosystem_specific?.binaries ?? []) {
    if (b.binary_name === name && eco.nameKind !== 'source') continue;
    fixes.push({
      ...base,
      packageName: b.binary_name,
      nameKind: 'binary',
      // An unfixed entry lists the current (vulnerable) binary version, which is no fix.
      fixedVersion: hasFix && b.binary_version ? v(b.binary_version) : null,
      introduced: null,
      lastAffected: null,
    });
  }
  return fixes;
}

function collectCvss(rec: TOsvRecord, warnings: string[]): TCvss[] {
  const all = [...(rec.severity ?? []), ...(rec.affected ?? []).flatMap((a) => a.severity ?? [])];
  const byVector = new Map<string, TCvss>();
  for (const s of all) {
    if (!s.type.startsWith('CVSS_')) continue;
    const cvss = parseCvss(s.score);
    if (cvss) byVector.set(cvss.vector, cvss);
    else warnings.push(`severity: CVSS vector "${s.score}" could not be scored — ignored`);
  }
  return [...byVector.values()];
}

const RH_CLASSIFICATION = /security\/updates\/classification\/#(critical|important|moderate|low)\b/i;
const SUMMARY_RATING = /^(Critical|Important|Moderate|Low):\s/;

/**
 * The publisher's rating, wherever this database keeps it: GHSA `database_specific.severity`, Ubuntu's
 * priority in `severity[]`, AlmaLinux/Rocky's "Important: …" summary, Red Hat's classification reference.
 */
function vendorSeverityOf(rec: TOsvRecord): string | null {
  const ghsa = rec.database_specific?.severity;
  if (ghsa) return ghsa;
  const ubuntu = (rec.severity ?? []).find((s) => s.type === 'Ubuntu');
  if (ubuntu) return ubuntu.score;
  const summary = SUMMARY_RATING.exec(rec.summary ?? '');
  if (summary) return summary[1];
  for (const r of rec.references ?? []) {
    const m = RH_CLASSIFICATION.exec(r.url);
    if (m) return m[1][0].toUpperCase() + m[1].slice(1).toLowerCase();
  }
  return null;
}
