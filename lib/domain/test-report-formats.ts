import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { TEST_OUTCOMES, type TTestOutcome } from './patch-lifecycle';

/**
 * Test results as pipelines write them, read into one shape per asset-to-be: the names that may
 * identify the asset (tried in order against the run's assets), an outcome and a note.
 *
 * JUnit XML (`<testsuites>` or a single `<testsuite>`): every `<testcase>` is a result. Its asset is
 * named, first match wins, by a `<property name="hostname|host|asset" value="…">` of the testcase, its
 * `name`, its `classname`, then the enclosing suite's `hostname|host|asset` property or `hostname`
 * attribute (the JUnit schema's own). `<failure>` or `<error>` → failed; `<skipped>` → blocked; else
 * passed. Several testcases of one asset combine: failed beats blocked beats passed, notes join.
 *
 * CSV with a header row: columns `asset,outcome,notes` in any order (notes optional, extra columns
 * refused). Outcomes passed|pass|ok|success, failed|fail|failure|error, blocked|skipped|skip; a failed
 * or blocked row needs a note. An asset listed twice is refused.
 */
export const REPORT_FORMATS = ['junit', 'csv'] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];

export type TReportIssue = { line?: number; field?: string; message: string };
export type TReportRow = {
  /** Where it came from, for messages: `line 4` or `testcase "smoke" (line 12)`. */
  where: string;
  /** Candidate asset names, best first. */
  names: string[];
  outcome: TTestOutcome;
  notes: string | null;
};
export type TReportResult = { ok: true; format: TReportFormat; rows: TReportRow[] } | { ok: false; format: TReportFormat; issues: TReportIssue[] };

const MAX_NOTE = 4000;
const clip = (s: string) => (s.length > MAX_NOTE ? `${s.slice(0, MAX_NOTE - 1)}…` : s);
const fail = (format: TReportFormat, issues: TReportIssue[]): TReportResult => ({ ok: false, format, issues });

/** The format named by the file (extension) or, failing that, by its first character. */
export function detectReportFormat(filename: string | null | undefined, text: string): TReportFormat {
  if (filename && /\.xml$/i.test(filename)) return 'junit';
  if (filename && /\.csv$/i.test(filename)) return 'csv';
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<')
    ? 'junit'
    : 'csv';
}

export function parseTestReport(text: string, format: TReportFormat): TReportResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return fail(format, [{ message: 'The file is empty.' }]);
  return format === 'junit' ? parseJUnit(body) : parseResultsCsv(body);
}

// ---- CSV -------------------------------------------------------------------------------------------

const OUTCOME_WORDS: Record<string, TTestOutcome> = {
  passed: 'passed',
  pass: 'passed',
  ok: 'passed',
  success: 'passed',
  failed: 'failed',
  fail: 'failed',
  failure: 'failed',
  error: 'failed',
  blocked: 'blocked',
  skipped: 'blocked',
  skip: 'blocked',
};
const CSV_COLUMNS = ['asset', 'outcome', 'notes'] as const;

function parseResultsCsv(text: string): TReportResult {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  // Physical line numbers: a quoted note may span lines.
  const records: { line: number; cells: string[] }[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    records.push({ line, cells });
    line += 1 + cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  const issues: TReportIssue[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ line: records[e.row ?? -1]?.line, message: `Line ${records[e.row ?? -1]?.line ?? '?'}: ${e.message}.` }));
  const filled = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length === 0) return fail('csv', [{ message: 'The file is empty.' }]);
  const [header, ...rows] = filled;
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const col: Partial<Record<(typeof CSV_COLUMNS)[number], number>> = {};
  names.forEach((n, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(n))
      issues.push({
        line: header.line,
        field: n,
        message: `Line ${header.line}: unknown column "${n || `column ${i + 1}`}" (expected asset, outcome, notes).`,
      });
    else if (col[n as (typeof CSV_COLUMNS)[number]] !== undefined)
      issues.push({ line: header.line, field: n, message: `Line ${header.line}: column "${n}" appears twice.` });
    else col[n as (typeof CSV_COLUMNS)[number]] = i;
  });
  for (const c of ['asset', 'outcome'] as const)
    if (col[c] === undefined)
      issues.push({ line: header.line, field: c, message: `Line ${header.line}: the header needs the column "${c}" (asset,outcome,notes).` });
  if (issues.length) return fail('csv', issues);
  if (rows.length === 0) return fail('csv', [{ message: 'The file has a header but no result rows.' }]);
  const seen = new Map<string, number>();
  const out: TReportRow[] = [];
  for (const r of rows) {
    const cell = (i: number | undefined) => (i === undefined ? '' : (r.cells[i] ?? '').trim());
    const asset = cell(col.asset);
    const word = cell(col.outcome).toLowerCase();
    const notes = cell(col.notes) || null;
    const at = `Line ${r.line}`;
    if (r.cells.length !== names.length) {
      issues.push({ line: r.line, message: `${at}: expected ${names.length} cells like the header, found ${r.cells.length}.` });
      continue;
    }
    if (!asset) issues.push({ line: r.line, field: 'asset', message: `${at}: the asset is empty.` });
    const outcome = OUTCOME_WORDS[word];
    if (!outcome) issues.push({ line: r.line, field: 'outcome', message: `${at}: outcome "${cell(col.outcome)}" is not one of ${TEST_OUTCOMES.join(', ')}.` });
    else if (outcome !== 'passed' && !notes)
      issues.push({
        line: r.line,
        field: 'notes',
        message: `${at}: say why ${asset || 'the asset'} ${outcome === 'failed' ? 'failed' : 'was blocked'} (notes column).`,
      });
    const key = asset.toLowerCase();
    if (asset && seen.has(key)) issues.push({ line: r.line, field: 'asset', message: `${at}: ${asset} is listed again (first on line ${seen.get(key)}).` });
    if (asset) seen.set(key, seen.get(key) ?? r.line);
    if (asset && outcome) out.push({ where: `line ${r.line}`, names: [asset], outcome, notes: notes ? clip(notes) : null });
  }
  return issues.length ? fail('csv', issues) : { ok: true, format: 'csv', rows: out };
}

// ---- JUnit XML -------------------------------------------------------------------------------------

type TNode = Record<string, unknown>;
const ARRAYS = new Set(['testsuite', 'testcase', 'properties', 'property', 'failure', 'error', 'skipped']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  captureMetaData: true,
  processEntities: true,
  isArray: (name) => ARRAYS.has(name),
});
// Typed as the `Symbol` wrapper by the library; it is a plain symbol at runtime.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;
const HOST_PROPERTIES = ['hostname', 'host', 'asset'];

const attr = (n: TNode, name: string) => {
  const v = n[`@_${name}`];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
};
const children = (n: TNode, name: string): TNode[] =>
  ((n[name] as unknown[] | undefined) ?? []).map((c) => (typeof c === 'object' && c !== null ? (c as TNode) : { '#text': String(c) }));
const hostProperty = (n: TNode) => {
  const props = children(n, 'properties').flatMap((p) => children(p, 'property'));
  for (const key of HOST_PROPERTIES) {
    const hit = props.find((p) => attr(p, 'name')?.toLowerCase() === key);
    const value = hit && (attr(hit, 'value') ?? (typeof hit['#text'] === 'string' ? hit['#text'].trim() : null));
    if (value) return value;
  }
  return null;
};

function lineOf(text: string, node: TNode): number | undefined {
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
  if (meta?.startIndex === undefined) return undefined;
  let line = 1;
  for (let i = 0; i < meta.startIndex && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Suites nested in suites (some runners nest them) flattened, each with the host its ancestors name. */
function suitesOf(node: TNode, inherited: string | null): { suite: TNode; host: string | null }[] {
  return children(node, 'testsuite').flatMap((suite) => {
    const host = hostProperty(suite) ?? attr(suite, 'hostname') ?? inherited;
    return [{ suite, host }, ...suitesOf(suite, host)];
  });
}

function parseJUnit(text: string): TReportResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return fail('junit', [{ line: valid.err.line, message: `Line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` }]);
  const doc = parser.parse(text) as TNode;
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?'));
  if (rootName !== 'testsuites' && rootName !== 'testsuite')
    return fail('junit', [{ message: `Expected a <testsuites> or <testsuite> root element, found <${rootName ?? 'nothing'}>.` }]);
  const root = rootName === 'testsuites' ? (doc.testsuites as TNode | string) || {} : { testsuite: doc.testsuite };
  const suites = suitesOf(typeof root === 'object' ? root : {}, null);
  const issues: TReportIssue[] = [];
  const rows: TReportRow[] = [];
  for (const { suite, host } of suites) {
    children(suite, 'testcase').forEach((tc, i) => {
      const line = lineOf(text, tc);
      const name = attr(tc, 'name');
      const where = `testcase ${name ? `"${name}"` : `#${i + 1} of suite "${attr(suite, 'name') ?? '?'}"`}${line ? ` (line ${line})` : ''}`;
      const names = [hostProperty(tc), name, attr(tc, 'classname'), host].filter((n): n is string => !!n);
      if (names.length === 0) {
        issues.push({ line, message: `${where[0].toUpperCase()}${where.slice(1)} names no asset: give it a name, a classname or a hostname property.` });
        return;
      }
      const problems = [...children(tc, 'failure'), ...children(tc, 'error')];
      const skipped = children(tc, 'skipped');
      const outcome: TTestOutcome = problems.length ? 'failed' : skipped.length ? 'blocked' : 'passed';
      const detail = [...problems, ...skipped]
        .map((p) => attr(p, 'message') ?? (typeof p['#text'] === 'string' && p['#text'] ? p['#text'].split('\n')[0] : null) ?? attr(p, 'type'))
        .find(Boolean);
      const notes = outcome === 'passed' ? null : `${name ?? 'testcase'}: ${detail ?? outcome}`;
      rows.push({ where, names, outcome, notes: notes ? clip(notes) : null });
    });
  }
  if (issues.length) return fail('junit', issues);
  if (rows.length === 0) return fail('junit', [{ message: 'The JUnit file has no <testcase> element.' }]);
  return { ok: true, format: 'junit', rows };
}

const RANK: Record<TTestOutcome, number> = { passed: 0, blocked: 1, failed: 2 };

/** Several report rows of one asset as one result: the worst outcome, the notes of the failures joined. */
export function combineRows(rows: readonly TReportRow[]): { outcome: TTestOutcome; notes: string | null } {
  const outcome = rows.reduce<TTestOutcome>((o, r) => (RANK[r.outcome] > RANK[o] ? r.outcome : o), 'passed');
  const notes = rows.filter((r) => r.notes && r.outcome !== 'passed').map((r) => r.notes as string);
  return { outcome, notes: notes.length ? clip(notes.join('\n')) : null };
}
