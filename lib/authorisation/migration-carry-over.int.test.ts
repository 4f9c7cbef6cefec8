import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { MIGRATIONS_DIR, PGLITE_EXTENSIONS } from '@/db/client';

/** The migrations folder as it stood at `lastTag` (the journal cut there), in a temporary folder. */
function migrationsUpTo(lastTag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === lastTag);
  if (cut < 0) throw new Error(`no migration ${lastTag}`);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut + 1) }));
  for (const e of journal.entries.slice(0, cut + 1)) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/**
 * Migration 0014 carries the per-patch lifecycle over to one per (tenant, patch): a database at 0013
 * holding per-patch statuses and multi-tenant decisions is migrated to the end and read back.
 */
describe('migration: per-patch status → per (tenant, patch)', () => {
  let pg: PGlite;
  const q = async <T>(text: string, params: unknown[] = []) => (await pg.query<T>(text, params)).rows;
  beforeAll(async () => {
    pg = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    await migrate(drizzle(pg), { migrationsFolder: migrationsUpTo('0013_per_tenant_status') });
  });
  afterAll(async () => {
    await pg.close();
  });

  it('each tenant keeps what it decided or tested; multi-tenant decisions become one row per tenant; pending requests stay approvable', async () => {
    const [a, b] = await q<{ id: string }>(`insert into tenants (slug, name) values ('a', 'A'), ('b', 'B') returning id`);
    const patch = async (vendorId: string) =>
      (
        await q<{ id: string }>(
          `insert into patches (source, vendor_id, title, cves, severity, cvss, "references", content_hash) values ('osv', $1, $1, '{}', 'high', '[]', '[]', 'h') returning id`,
          [vendorId],
        )
      )[0].id;
    const [p1, p2, p3, p4, p5] = [await patch('P1'), await patch('P2'), await patch('P3'), await patch('P4'), await patch('P5')];
    const run = (p: string, t: string, at: string) =>
      q(`insert into test_runs (patch_id, tenant_id, target, patch_content_hash, created_at) values ($1, $2, 'ring:test', 'h', $3)`, [p, t, at]);
    const decision = async (p: string, kind: string, status: string, tenants: string[], version: number, at: string, deferred: string | null = null) =>
      (
        await q<{ id: string }>(
          `insert into patch_decisions (patch_id, kind, status, justification, scope, patch_version, patch_content_hash, requested_at, decided_at, deferred_until)
           values ($1, $2, $3, 'why', $4, $5, 'h', $6, case when $3 = 'requested' then null else $6::timestamptz end, $7) returning id`,
          [p, kind, status, JSON.stringify({ tenantIds: tenants, rings: ['prod'] }), version, at, deferred],
        )
      )[0].id;
    const status = (p: string, s: string, v: number, needsReview = false) =>
      q(`insert into patch_status (patch_id, status, version, needs_review) values ($1, $2, $3, $4)`, [p, s, v, needsReview]);
    // P1: authorised for A and B together, then revised by the vendor (needs review).
    await run(p1, a.id, '2026-01-01');
    await run(p1, b.id, '2026-01-01');
    const d1 = await decision(p1, 'authorise', 'approved', [a.id, b.id], 2, '2026-01-02');
    await status(p1, 'authorised', 3, true);
    // P2: in testing in A only.
    await run(p2, a.id, '2026-01-01');
    await status(p2, 'in_testing', 1);
    // P3: rejected in A, then reopened there by a later test run.
    await decision(p3, 'reject', 'approved', [a.id], 1, '2026-01-02');
    await run(p3, a.id, '2026-01-05');
    await status(p3, 'in_testing', 3);
    // P4: a fresh pending request for A and B; P5: a stale one.
    await run(p4, a.id, '2026-01-01');
    await status(p4, 'in_testing', 1);
    const d4 = await decision(p4, 'defer', 'requested', [a.id, b.id], 1, '2026-01-03', '2099-01-01');
    await run(p5, a.id, '2026-01-01');
    await status(p5, 'in_testing', 2);
    const d5 = await decision(p5, 'reject', 'requested', [a.id], 1, '2026-01-03');

    await migrate(drizzle(pg), { migrationsFolder: MIGRATIONS_DIR });

    const states = await q<{ vendor_id: string; tenant: string; status: string; needs_review: boolean; version: number }>(
      `select p.vendor_id, t.slug as tenant, s.status, s.needs_review, s.version from patch_tenant_status s join patches p on p.id = s.patch_id join tenants t on t.id = s.tenant_id order by 1, 2`,
    );
    expect(states.map((s) => [s.vendor_id, s.tenant, s.status, s.needs_review])).toEqual([
      ['P1', 'a', 'authorised', true],
      ['P1', 'b', 'authorised', true],
      ['P2', 'a', 'in_testing', false],
      ['P3', 'a', 'in_testing', false],
      ['P4', 'a', 'in_testing', false],
      ['P5', 'a', 'in_testing', false],
    ]);
    const decisions = await q<{
      id: string;
      vendor_id: string;
      tenant: string;
      request_group_id: string;
      scope: unknown;
      patch_version: number;
      status: string;
    }>(
      `select d.id, p.vendor_id, t.slug as tenant, d.request_group_id, d.scope, d.patch_version, d.status from patch_decisions d join patches p on p.id = d.patch_id join tenants t on t.id = d.tenant_id order by 2, 3`,
    );
    const p1Rows = decisions.filter((d) => d.vendor_id === 'P1');
    expect(p1Rows.map((d) => [d.tenant, d.request_group_id === d1])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    expect(p1Rows.find((d) => d.tenant === 'a')?.id).toBe(d1);
    expect(p1Rows[0].scope).toEqual({ rings: ['prod'] });
    // Fresh pending requests carry the new per-tenant version (A has a row at 1, B none yet: 0); a stale one stays stale.
    expect(decisions.filter((d) => d.vendor_id === 'P4').map((d) => [d.tenant, d.patch_version, d.status, d.request_group_id === d4])).toEqual([
      ['a', 1, 'requested', true],
      ['b', 0, 'requested', true],
    ]);
    expect(decisions.filter((d) => d.id === d5).map((d) => d.patch_version)).toEqual([-1]);
    expect(await q(`select to_regclass('patch_status') as t`)).toEqual([{ t: null }]);
  });
});
