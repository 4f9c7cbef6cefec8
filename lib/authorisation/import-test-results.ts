import { z } from 'zod';
import type { TDb } from '@/db/client';
import { requirePermission, type TActor } from '@/lib/auth/permissions';
import { combineRows, detectReportFormat, parseTestReport, REPORT_FORMATS, type TReportRow } from '@/lib/domain/test-report-formats';
import { AppError, parseInput } from '@/lib/errors';
import { loadRunForTest } from './record-test-result';
import { lockRunResults, writeRunResults } from './record-test-results';

/** Reports are text from CI pipelines; larger files belong in evidence links, not in the database. */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

export const ZImportTestResults = z.object({
  runId: z.string().uuid(),
  filename: z.string().trim().max(255).nullish(),
  /** JUnit XML or CSV; detected from the file name or content when absent. */
  format: z.enum(REPORT_FORMATS, { error: 'Choose JUnit XML or CSV.' }).optional(),
  text: z.string().max(MAX_REPORT_BYTES, 'The report is larger than 2 MB.'),
});
export type TImportTestResults = z.input<typeof ZImportTestResults>;

const FORMAT_LABEL = { junit: 'JUnit XML', csv: 'CSV' } as const;

/**
 * Matches report names to the run's assets, case-insensitively: the name itself, else its first
 * dotted label, so a JUnit hostname `web-01.acme.internal` finds asset `web-01`. The first
 * candidate name that matches wins (see lib/domain/test-report-formats.ts for the candidates).
 */
function assetMatcher(results: readonly { assetId: string; asset: string }[]) {
  const byName = new Map(results.map((r) => [r.asset.toLowerCase(), r.assetId]));
  return (row: TReportRow): string | undefined => {
    for (const name of row.names) {
      const n = name.toLowerCase();
      const hit = byName.get(n) ?? byName.get(n.split('.')[0]);
      if (hit) return hit;
    }
    return undefined;
  };
}

/**
 * Imports a test pipeline's report (JUnit XML or CSV) into one run: each testcase/row is mapped to
 * an asset of the run; several rows of an asset combine (worst outcome). Names matching no asset are
 * reported back, not guessed. An invalid file, or one matching no asset at all, writes nothing.
 * One transaction, one audit row for the run.
 */
export async function importTestResults(db: TDb, actor: TActor, raw: TImportTestResults, now = new Date()) {
  requirePermission(actor, 'patch:test');
  const input = parseInput(ZImportTestResults, raw, 'Invalid test report.');
  const format = input.format ?? detectReportFormat(input.filename, input.text);
  const report = parseTestReport(input.text, format);
  const file = input.filename || 'The file';
  if (!report.ok) {
    const more = report.issues.length > 1 ? ` (and ${report.issues.length - 1} more problem${report.issues.length > 2 ? 's' : ''})` : '';
    throw new AppError(
      'VALIDATION',
      `${file} is not a valid ${FORMAT_LABEL[format]} test report: ${report.issues[0].message}${more} Nothing was recorded.`,
      report.issues.map((i) => ({ line: i.line, field: 'file', message: i.message })),
    );
  }
  return db.transaction(async (tx) => {
    const run = await loadRunForTest(tx, actor, input.runId);
    const current = await lockRunResults(tx, run.id);
    const match = assetMatcher(current);
    const perAsset = new Map<string, TReportRow[]>();
    const unmatched: string[] = [];
    for (const row of report.rows) {
      const assetId = match(row);
      if (assetId) perAsset.set(assetId, [...(perAsset.get(assetId) ?? []), row]);
      else unmatched.push(`${row.where}: ${row.names.join(' | ')}`);
    }
    if (perAsset.size === 0) {
      const names = current
        .map((r) => r.asset)
        .slice(0, 10)
        .join(', ');
      throw new AppError(
        'VALIDATION',
        `No result in ${input.filename || 'the file'} names an asset of this run (${names}${current.length > 10 ? ', …' : ''}). Nothing was recorded.`,
        unmatched.slice(0, 50).map((u) => ({ field: 'file', message: `Not in this run: ${u}` })),
      );
    }
    const writes = [...perAsset].map(([assetId, rows]) => ({ assetId, ...combineRows(rows) }));
    const res = await writeRunResults(
      tx,
      actor,
      run,
      current,
      writes,
      { action: 'patch.test.results.import', extra: { format, filename: input.filename ?? null, unmatched } },
      now,
    );
    return { ...res, format, matched: writes.length, unmatched };
  });
}
