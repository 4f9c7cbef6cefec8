import Papa from 'papaparse';
import { PACKAGE_ECOSYSTEMS, type TPackageEcosystem } from '../types';
import { InventoryBuilder } from './builder';
import type { TParseResult } from './types';

const REQUIRED = ['ecosystem', 'name', 'version'] as const;
const OPTIONAL = ['arch', 'source_name', 'source_version'] as const;
type TColumn = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const KNOWN = new Set<string>([...REQUIRED, ...OPTIONAL]);

const isEcosystem = (v: string): v is TPackageEcosystem => (PACKAGE_ECOSYSTEMS as readonly string[]).includes(v);

/**
 * CSV with a header row: `ecosystem,name,version` required, `arch,source_name,source_version`
 * optional, in any order (names case-insensitive). An unknown column is an error rather than
 * silently ignored, so a misspelt `source_nmae` cannot drop data. Cells are trimmed; empty optional
 * cells are null. Line numbers are physical lines, counting newlines inside quoted cells.
 */
export function parseCsv(text: string): TParseResult {
  const b = new InventoryBuilder();
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  // Papaparse rows are records; a quoted cell may span lines, so count them for honest line numbers.
  const rows: { line: number; cells: string[] }[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    rows.push({ line, cells });
    line += 1 + cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  for (const e of parsed.errors) {
    // A file without any delimiter (one column) is reported by the header check with a clearer message.
    if (e.code === 'UndetectableDelimiter') continue;
    b.issue({ line: rows[e.row ?? -1]?.line, message: `CSV: ${e.message}` });
  }
  const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
  const headerIndex = rows.findIndex((r) => !isBlank(r.cells));
  if (headerIndex < 0) return b.result('csv', 'the file is empty');
  const header = rows[headerIndex];
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const index: Partial<Record<TColumn, number>> = {};
  names.forEach((n, i) => {
    if (!KNOWN.has(n)) {
      b.issueAt({ line: header.line }, n || `column ${i + 1}`, `unknown column "${n}" (expected ${[...REQUIRED, ...OPTIONAL].join(', ')})`);
    } else if (index[n as TColumn] !== undefined) {
      b.issueAt({ line: header.line }, n, `column "${n}" appears twice`);
    } else index[n as TColumn] = i;
  });
  for (const r of REQUIRED) {
    if (index[r] === undefined) b.issueAt({ line: header.line }, r, `header row lacks the required column "${r}" (expected ${REQUIRED.join(',')} first)`);
  }
  if (b.hasIssues) return b.result('csv');

  for (const { line: rowLine, cells } of rows.slice(headerIndex + 1)) {
    if (isBlank(cells)) continue;
    if (cells.length !== names.length) {
      b.issue({ line: rowLine, message: `expected ${names.length} cells like the header, found ${cells.length}` });
      continue;
    }
    const cell = (c: TColumn) => {
      const i = index[c];
      return i === undefined ? null : cells[i].trim() || null;
    };
    const ecosystem = (cell('ecosystem') ?? '').toLowerCase();
    if (!isEcosystem(ecosystem)) {
      b.issueAt({ line: rowLine }, 'ecosystem', `unknown ecosystem "${ecosystem}" (expected one of ${PACKAGE_ECOSYSTEMS.join(', ')})`);
      continue;
    }
    b.add(
      {
        ecosystem,
        name: cell('name') ?? '',
        version: cell('version') ?? '',
        arch: cell('arch'),
        sourceName: cell('source_name'),
        sourceVersion: cell('source_version'),
      },
      { line: rowLine },
    );
  }
  return b.result('csv', 'no package rows below the header');
}
