import { normaliseSoftware } from '../software-list';
import type { TSoftwareItem } from '../types';
import { MAX_ARCH_LENGTH, MAX_NAME_LENGTH, MAX_VERSION_LENGTH, type TInventoryFormat, type TInventoryMeta, type TParseIssue, type TParseResult } from './types';

/** Issues reported back to the user; a listing broken on every line would otherwise produce megabytes of them. */
export const MAX_ISSUES = 50;
const MAX_WARNINGS = 20;

/** Where a value came from: a line of a text listing, or a dotted JSON path. */
export type TAt = { line?: number; path?: string };

const at = (where: TAt, field: string): Pick<TParseIssue, 'line' | 'field'> =>
  where.path !== undefined ? { field: where.path ? `${where.path}.${field}` : field } : { line: where.line, field };

const show = (v: string) => JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);

/** Reason a token is unusable, or null. Whitespace inside a name or version means a mangled row. */
export function tokenProblem(value: string, label: string, max: number): string | null {
  if (value === '') return `${label} is empty`;
  if (value.length > max) return `${label} is longer than ${max} characters`;
  if (/\p{Cc}/u.test(value)) return `${label} ${show(value)} contains a control character`;
  if (/\s/.test(value)) return `${label} ${show(value)} contains whitespace`;
  return null;
}

/** Collects items, skips and issues while a parser walks a listing, then settles the all-or-nothing result. */
export class InventoryBuilder {
  private readonly items: TSoftwareItem[] = [];
  private readonly issues: TParseIssue[] = [];
  private issueCount = 0;
  readonly meta: TInventoryMeta = { skipped: {}, duplicatesCollapsed: 0, warnings: [] };

  issue(issue: TParseIssue): void {
    this.issueCount++;
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue);
  }

  issueAt(where: TAt, field: string, message: string): void {
    this.issue({ ...at(where, field), message });
  }

  get hasIssues(): boolean {
    return this.issueCount > 0;
  }

  skip(reason: string): void {
    this.meta.skipped[reason] = (this.meta.skipped[reason] ?? 0) + 1;
  }

  warn(message: string): void {
    if (this.meta.warnings.length < MAX_WARNINGS) this.meta.warnings.push(message);
  }

  /** Validates every field of the item; adds it only when all are usable (otherwise records issues). */
  add(item: TSoftwareItem, where: TAt): boolean {
    const checks: [keyof TSoftwareItem, string | null, number][] = [
      ['name', item.name, MAX_NAME_LENGTH],
      ['version', item.version, MAX_VERSION_LENGTH],
      ['arch', item.arch, MAX_ARCH_LENGTH],
      ['sourceName', item.sourceName, MAX_NAME_LENGTH],
      ['sourceVersion', item.sourceVersion, MAX_VERSION_LENGTH],
    ];
    let good = true;
    for (const [field, value, max] of checks) {
      if (value === null) continue;
      const problem = tokenProblem(value, field, max);
      if (problem) {
        this.issueAt(where, field, problem);
        good = false;
      }
    }
    if (good) this.items.push(item);
    return good;
  }

  /** The result: every issue, or the items with exact duplicates collapsed (canonical order). */
  result(format: TInventoryFormat, emptyHint = 'no packages found'): TParseResult {
    if (this.issueCount === 0 && this.items.length === 0) {
      // An empty list would wipe the asset's software; a deliberate wipe goes through the agent API instead.
      const skipped = Object.entries(this.meta.skipped).map(([reason, n]) => `${n} × ${reason}`);
      this.issue({ message: skipped.length ? `${emptyHint}: every entry was skipped (${skipped.join(', ')})` : emptyHint });
    }
    if (this.issueCount > 0) {
      const more = this.issueCount - this.issues.length;
      return { ok: false, errors: more > 0 ? [...this.issues, { message: `…and ${more} more problems` }] : [...this.issues] };
    }
    const items = normaliseSoftware(this.items);
    this.meta.duplicatesCollapsed = this.items.length - items.length;
    return { ok: true, format, items, meta: this.meta };
  }
}

/** Lines of a text listing without line terminators or a leading BOM; index + 1 is the line number. */
export function splitLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** JSON.parse with the failure turned into an issue naming the line where the parser stopped. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; issue: TParseIssue } {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('<'))
    return { ok: false, issue: { line: 1, message: 'this looks like XML; only the JSON form of this format is supported' } };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    const line = pos ? body.slice(0, Number(pos[1])).split('\n').length : undefined;
    return { ok: false, issue: { ...(line ? { line } : {}), message: `not valid JSON: ${message}` } };
  }
}

/** A rejected JSON document: zod issues with their dotted path ('components.3.version'), as the API reports them. */
export function schemaFailure(issues: readonly { path: readonly PropertyKey[]; message: string }[]): TParseResult {
  const errors: TParseIssue[] = issues.slice(0, MAX_ISSUES).map((i) => ({ field: i.path.map(String).join('.') || undefined, message: i.message }));
  if (issues.length > MAX_ISSUES) errors.push({ message: `…and ${issues.length - MAX_ISSUES} more problems` });
  return { ok: false, errors };
}
