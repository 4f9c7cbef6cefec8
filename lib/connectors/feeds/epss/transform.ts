import Papa from 'papaparse';
import { ZEpssRecord, type TEpssRecord } from '@/lib/domain/patch';
import { fail, stripBom, type TTransformFailure } from '../common';

export type TEpssScores = { modelVersion: string | null; scoreDate: string | null; records: TEpssRecord[] };
export type TEpssResult = ({ ok: true; warnings: string[] } & TEpssScores) | TTransformFailure;

/** Header names accepted per column: FIRST's `cve,epss,percentile` and derived files ('CVE', 'EPSS Percentile'). */
const COLUMNS = {
  cve: ['cve', 'cve_id', 'cveid'],
  epss: ['epss', 'epss_score'],
  percentile: ['percentile', 'epss percentile', 'epss_percentile'],
} as const;

/**
 * EPSS scores CSV -> { cve, epss, percentile } records. Reads FIRST's daily file (a `#model_version:…,score_date:…`
 * comment line, then `cve,epss,percentile`) and derived files that carry the same columns among others.
 * A row that does not validate is skipped with a warning naming its line; a file without the columns fails.
 */
export function transformEpss(text: string): TEpssResult {
  let body = stripBom(text);
  let modelVersion: string | null = null;
  let scoreDate: string | null = null;
  let headerLine = 1;
  const comment = /^#([^\n]*)\n/.exec(body);
  if (comment) {
    modelVersion = /model_version:([^,\s]+)/.exec(comment[1])?.[1] ?? null;
    scoreDate = /score_date:([^,\s]+)/.exec(comment[1])?.[1] ?? null;
    body = body.slice(comment[0].length);
    headerLine = 2;
  }
  const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  const fields = parsed.meta.fields ?? [];
  const pick = (names: readonly string[]) => fields.find((f) => names.includes(f));
  const cveCol = pick(COLUMNS.cve);
  const epssCol = pick(COLUMNS.epss);
  const pctCol = pick(COLUMNS.percentile);
  if (!cveCol || !epssCol || !pctCol) {
    const missing = [!cveCol && 'cve', !epssCol && 'epss', !pctCol && 'percentile'].filter(Boolean).join(', ');
    return fail(`header: EPSS columns missing (${missing}); found ${fields.join(', ') || 'none'}`, 'header');
  }
  const warnings: string[] = [];
  const records: TEpssRecord[] = [];
  for (const [i, row] of parsed.data.entries()) {
    const rec = ZEpssRecord.safeParse({ cve: row[cveCol]?.trim().toUpperCase(), epss: Number(row[epssCol]), percentile: Number(row[pctCol]) });
    if (rec.success) records.push(rec.data);
    else warnings.push(`line ${i + headerLine + 1}: ${rec.error.issues[0]?.path.join('.')}: ${rec.error.issues[0]?.message} — skipped`);
  }
  if (records.length === 0) return fail('no valid EPSS rows', 'rows');
  return { ok: true, modelVersion, scoreDate, records, warnings: warnings.slice(0, 50) };
}
