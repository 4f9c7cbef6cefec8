/**
 * Turns an audit row's before/after JSON into one line per field that changed, so a reader sees
 * "status: new → authorised" instead of two JSON blobs. Pure: used by the page and the CSV export.
 */
export type TFieldChange = { field: string; before: string | null; after: string | null };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One value as a reader would write it: instants in UTC, lists comma-separated, null as "none". */
export function formatAuditValue(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'string') {
    if (v === '') return '(empty)';
    if (ISO_INSTANT.test(v)) return `${new Date(v).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    return v;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '(empty)';
    return v.every((x) => x === null || typeof x !== 'object') ? v.map(formatAuditValue).join(', ') : JSON.stringify(v);
  }
  return JSON.stringify(v);
}

/** Nested objects become dotted field names; arrays and scalars are leaves. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isPlainObject(value) && (prefix === '' || Object.keys(value).length > 0)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) {
    out.set(prefix || 'value', value);
  }
  return out;
}

/**
 * Fields in the order the after side lists them, then fields only the before side has. A side that
 * is absent altogether (a creation has no before) gives null, shown without an arrow; fields equal
 * on both sides are left out.
 */
export function describeChange(before: unknown, after: unknown): TFieldChange[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  const b = hasBefore ? flatten(before, '', new Map()) : new Map<string, unknown>();
  const a = hasAfter ? flatten(after, '', new Map()) : new Map<string, unknown>();
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  const changes: TFieldChange[] = [];
  for (const field of fields) {
    const bv = b.has(field) ? formatAuditValue(b.get(field)) : null;
    const av = a.has(field) ? formatAuditValue(a.get(field)) : null;
    if (hasBefore && hasAfter && bv === av) continue;
    changes.push({ field, before: hasBefore ? (bv ?? 'none') : null, after: hasAfter ? (av ?? 'none') : null });
  }
  return changes;
}

/** One field as text: "status: new → authorised", or "status: new" when only one side exists. */
export function changeText(c: TFieldChange): string {
  if (c.before !== null && c.after !== null) return `${c.field}: ${c.before} → ${c.after}`;
  return `${c.field}: ${c.after ?? c.before}${c.after === null ? ' (removed)' : ''}`;
}

/** The whole change on one line, for the CSV export. */
export function describeChangeText(before: unknown, after: unknown): string {
  return describeChange(before, after).map(changeText).join('; ');
}
