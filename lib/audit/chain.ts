import { createHash } from 'node:crypto';

/** Fields covered by an audit row's hash. */
export type TAuditFields = {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  tenantId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
};

/**
 * JSON with object keys sorted at every level. jsonb does not keep key order, so the hash must be
 * computed over a canonical form that reads back identically from the database.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Postgres returns `2026-11-23 09:23:22.123+00`; hashes always use the ISO form. */
export function normaliseInstant(at: string): string {
  const iso = at.includes('T') ? at : at.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(iso).toISOString();
}

export function auditHash(f: TAuditFields): string {
  const covered: TAuditFields = {
    seq: Number(f.seq),
    at: normaliseInstant(f.at),
    actorId: f.actorId,
    actorLabel: f.actorLabel,
    tenantId: f.tenantId,
    action: f.action,
    targetType: f.targetType,
    targetId: f.targetId,
    before: f.before ?? null,
    after: f.after ?? null,
    prevHash: f.prevHash,
  };
  return createHash('sha256').update(canonicalJson(covered)).digest('hex');
}

export type TChainRow = TAuditFields & { hash: string };

/** Walks rows in seq order; returns the first row whose link or hash is wrong, or null if intact. */
export function findBrokenLink(rows: TChainRow[], expectedPrev: string, expectedSeq: number): { seq: number; reason: string } | null {
  let prev = expectedPrev;
  let seq = expectedSeq;
  for (const row of rows) {
    if (row.seq !== seq + 1) return { seq: row.seq, reason: `sequence gap: expected ${seq + 1}` };
    if (row.prevHash !== prev) return { seq: row.seq, reason: 'prev_hash does not match the previous row' };
    if (auditHash(row) !== row.hash) return { seq: row.seq, reason: 'hash does not match the row content' };
    prev = row.hash;
    seq = row.seq;
  }
  return null;
}
