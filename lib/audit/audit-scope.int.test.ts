import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { TActor } from '@/lib/auth/permissions';
import { describeDb } from '@/lib/testing/db-harness';
import { seedFixture } from '@/lib/testing/fixtures';
import { checkDayRange, requireDayRange, ZAuditQuery } from './audit-query';
import { exportAudit } from './export-audit';
import { findAudit, findAuditForTarget } from './queries';
import { verifyAuditForActor } from './verify-audit';
import { writeAudit } from './write-audit';

const system: TActor = { kind: 'system', label: 'intake' };
const q = (raw: Record<string, string> = {}) => ZAuditQuery.parse(raw);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describeDb('audit log scope, filters, exports and verify', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  let auditor: TActor;
  let admin: TActor;
  let manager: TActor;
  let operator: TActor;

  beforeAll(async () => {
    const { db } = get();
    fx = await seedFixture(db);
    [auditor, admin, manager, operator] = await Promise.all([fx.actor('auditor@t'), fx.actor('admin@t'), fx.actor('manager@t'), fx.actor('operator@t')]);
    const write = (actor: TActor, tenantId: string | null, action: string, targetId: string, at: string, after: object) =>
      db.transaction((tx) => writeAudit(tx, actor, { tenantId, action, targetType: 'thing', targetId, before: { status: 'new' }, after }, new Date(at)));
    await write(system, null, 'intake.run', 'run-1', '2026-11-30T23:59:59Z', { status: 'done' });
    await write(operator, fx.alpha.id, 'asset.update', 'alpha-1', '2026-12-01T00:00:00Z', { status: 'authorised' });
    await write(operator, fx.beta.id, 'asset.update', 'beta-secret', '2026-12-01T12:00:00Z', { status: 'beta-only' });
    await write(admin, fx.alpha.id, 'policy.save', 'alpha-2', '2026-12-02T23:59:59Z', { status: 'saved' });
    await write(system, null, 'applicability.recompute', 'run-2', '2026-12-03T00:00:00Z', { status: 'done' });
    await write(operator, fx.beta.id, 'asset.update', 'beta-secret-2', '2026-12-03T10:00:00Z', { status: 'beta-only' });
  });

  it('shows platform entries (no tenant) to audit readers beside their tenants, never another tenant', async () => {
    const page = await findAudit(get().db, auditor, q(), {});
    expect(page.rows.map((r) => r.row.targetId)).toEqual(['run-2', 'alpha-2', 'alpha-1', 'run-1']);
    expect(page.total).toBe(4);
    expect(page.rows.find((r) => r.row.targetId === 'run-1')?.tenantName).toBeNull();
    expect(page.actors).not.toContain('nobody');
    const all = await findAudit(get().db, admin, q(), {});
    expect(all.total).toBe(6);
  });

  it('filters to platform entries, and a tenant outside the reader’s scope gives nothing', async () => {
    const platform = await findAudit(get().db, auditor, q({ tenant: 'platform' }), {});
    expect(platform.rows.map((r) => r.row.action)).toEqual(['applicability.recompute', 'intake.run']);
    const beta = await findAudit(get().db, auditor, q({ tenant: fx.beta.id }), {});
    expect(beta.total).toBe(0);
  });

  it('refuses readers without audit:read', async () => {
    expect((await findAudit(get().db, manager, q(), {})).total).toBe(0);
    expect(await findAuditForTarget(get().db, manager, 'thing', 'alpha-1')).toEqual([]);
    expect(() => exportAudit(get().db, manager, q(), 'csv')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    await expect(verifyAuditForActor(get().db, manager)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('filters by inclusive UTC days and by actor', async () => {
    const db = get().db;
    const day = (from: string, to: string) => findAudit(db, admin, q({ from, to }), checkDayRange({ from, to }).range);
    expect((await day('2026-12-01', '2026-12-01')).rows.map((r) => r.row.targetId)).toEqual(['beta-secret', 'alpha-1']);
    expect((await day('2026-12-01', '2026-12-02')).total).toBe(3);
    expect((await day('2026-12-03', '')).total).toBe(2);
    const byOperator = await findAudit(db, auditor, q({ actor: 'operator@t' }), {});
    expect(byOperator.rows.map((r) => r.row.targetId)).toEqual(['alpha-1']);
  });

  it('explains a bad date range instead of applying it', () => {
    expect(checkDayRange({ from: '2026-12-05', to: '2026-12-01' })).toEqual({ range: {}, error: 'The “to” date must be on or after the “from” date.' });
    expect(checkDayRange({ from: '2026-02-30', to: undefined }).error).toMatch(/^From: /);
    expect(checkDayRange({ from: 'yesterday', to: undefined }).error).toMatch(/^From: Use a date like/);
    expect(() => requireDayRange({ from: '2026-12-05', to: '2026-12-01' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('exports the reader’s filtered slice as CSV and JSON, nothing of another tenant', async () => {
    const db = get().db;
    const csv = await readAll(exportAudit(db, auditor, q(), 'csv'));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,tenant,action,target_type,target_id,change,before,after,hash,prev_hash');
    expect(lines).toHaveLength(5);
    expect(csv).toContain('platform,intake.run');
    expect(csv).toContain('status: new → authorised');
    expect(csv).not.toContain('beta');
    const json = JSON.parse(await readAll(exportAudit(db, auditor, q({ tenant: 'platform' }), 'json'))) as {
      targetId: string;
      tenant: unknown;
      changes: unknown[];
    }[];
    expect(json.map((r) => r.targetId)).toEqual(['run-1', 'run-2']);
    // A platform row reaches a reader of some tenants without its platform-wide figures.
    expect(json[0]).toMatchObject({ tenant: null, changes: [], seq: null });
    expect(JSON.parse(await readAll(exportAudit(db, auditor, q({ tenant: fx.beta.id }), 'json')))).toEqual([]);
    expect(() => exportAudit(db, auditor, q({ from: '2026-12-05', to: '2026-12-01' }), 'json')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('escapes cells a spreadsheet would run as a formula', async () => {
    const db = get().db;
    await db.transaction((tx) => writeAudit(tx, operator, { tenantId: fx.alpha.id, action: 'asset.update', targetType: 'thing', targetId: '=HYPERLINK("x")' }));
    const csv = await readAll(exportAudit(db, auditor, q({ q: 'HYPERLINK' }), 'csv'));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('verify reports only the reader’s own counts, and a break among other tenants as elsewhere', async () => {
    const db = get().db;
    expect(await verifyAuditForActor(db, auditor)).toEqual({ ok: true, tenantRows: 3, platformRows: 2, broken: null });
    expect(await verifyAuditForActor(db, admin)).toEqual({ ok: true, tenantRows: 5, platformRows: 2, broken: null });
    // Tampering needs the guard off, as an attacker with superuser rights would do.
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`update audit_log set action = 'forged' where target_id = 'beta-secret'`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const seen = await verifyAuditForActor(db, auditor);
    expect(seen).toMatchObject({ ok: false, tenantRows: 1, platformRows: 1, broken: { seq: null } });
    expect(JSON.stringify(seen)).not.toMatch(/beta|sequence|head/);
    const full = await verifyAuditForActor(db, admin);
    expect(full).toMatchObject({ ok: false, broken: { seq: expect.any(Number), reason: 'hash does not match the row content' } });
  });

  it('a reader of some tenants learns nothing of the others’ volume: no global sequence numbers, no platform-wide figures', async () => {
    const { db } = get();
    const page = await findAudit(db, auditor, q(), {});
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.row.seq === null)).toBe(true);
    const platformRow = page.rows.find((r) => r.row.targetId === 'run-2')!.row;
    expect([platformRow.before, platformRow.after]).toEqual([null, null]);
    const own = page.rows.find((r) => r.row.targetId === 'alpha-1')!.row;
    expect(own.after).toEqual({ status: 'authorised' });
    const csv = await readAll(exportAudit(db, auditor, q(), 'csv'));
    expect(csv.split('\r\n')[1].startsWith(',')).toBe(true);
    const json = JSON.parse(await readAll(exportAudit(db, auditor, q(), 'json'))) as { seq: number | null; after: unknown; tenant: unknown }[];
    expect(json.every((r) => r.seq === null)).toBe(true);
    expect(json.filter((r) => r.tenant === null).every((r) => r.after === null)).toBe(true);
    // A reader of every tenant (here the admin of both) sees the chain positions and the figures.
    const all = await findAudit(db, admin, q(), {});
    expect(all.rows.every((r) => typeof r.row.seq === 'number')).toBe(true);
    expect(all.rows.find((r) => r.row.targetId === 'run-2')!.row.after).toEqual({ status: 'done' });
  });
});
