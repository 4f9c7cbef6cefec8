import { count, desc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { TDb } from '@/db/client';
import { auditLog, tenantPolicies } from '@/db/schema';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import { defaultPolicy, type TPolicy } from '@/lib/domain/policy';
import { AppError } from '@/lib/errors';
import { getTenantPolicy } from './queries';
import { savePolicy } from './save-policy';

const auditCount = async (db: TDb) => (await db.select({ n: count() }).from(auditLog))[0].n;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'ok', message: '', fields: [] as (string | undefined)[] }),
    (e) =>
      e instanceof AppError
        ? { code: e.code, message: e.message, fields: e.issues.map((i) => i.field) }
        : { code: `unexpected: ${e}`, message: '', fields: [] },
  );
const edited = (over: (p: TPolicy) => void): TPolicy => {
  const p = defaultPolicy();
  over(p);
  return p;
};

describeDb('scheduling: tenant policy', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  beforeAll(async () => {
    fx = await seedFixture(get().db);
  });

  it('a tenant without a row runs on the default policy, version 0', async () => {
    const p = await getTenantPolicy(get().db, await fx.actor('manager@t'), fx.alpha.id);
    expect(p).toMatchObject({ version: 0, isDefault: true, policy: defaultPolicy() });
    expect(p.rings.map((r) => r.name)).toEqual(['test', 'dev', 'prod']);
  });

  it('an admin saves a policy: version 1, then 2, each with an audit row holding before and after', async () => {
    const { db } = get();
    const admin = await fx.actor('admin@t');
    const before = await auditCount(db);
    const first = await savePolicy(db, admin, { tenantId: fx.alpha.id, expectedVersion: 0, policy: edited((p) => (p.severity.critical.slaDays = 5)) });
    expect(first).toEqual({ version: 1, changed: true });
    const second = await savePolicy(db, admin, {
      tenantId: fx.alpha.id,
      expectedVersion: 1,
      policy: edited((p) => {
        p.severity.critical.slaDays = 5;
        p.rateControl.maxConcurrency = { kind: 'count', value: 10 };
        p.rings = [p.rings[0], { ...p.rings[1], soakHours: 12 }, p.rings[2]];
      }),
    });
    expect(second).toEqual({ version: 2, changed: true });
    expect(await auditCount(db)).toBe(before + 2);
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, 'policy.update')).orderBy(auditLog.seq);
    expect(rows[0]).toMatchObject({ targetId: fx.alpha.id, actorLabel: 'admin@t', before: { version: 0, isDefault: true }, after: { version: 1 } });
    expect((rows[0].before as { severity: TPolicy['severity'] }).severity.critical.slaDays).toBe(7);
    expect((rows[0].after as { severity: TPolicy['severity'] }).severity.critical.slaDays).toBe(5);
    expect(rows[1].after).toMatchObject({ version: 2, rateControl: { maxConcurrency: { kind: 'count', value: 10 } } });
    expect(rows[1].after).not.toHaveProperty('severity');
    const stored = await getTenantPolicy(db, admin, fx.alpha.id, 'policy:write');
    expect(stored).toMatchObject({ version: 2, isDefault: false, updatedByName: 'admin' });
    expect(stored.policy.rings[1].soakHours).toBe(12);
  });

  it('refuses a stale version with CONFLICT and writes nothing', async () => {
    const { db } = get();
    const before = await auditCount(db);
    const res = await failure(savePolicy(db, await fx.actor('admin@t'), { tenantId: fx.alpha.id, expectedVersion: 1, policy: defaultPolicy() }));
    expect(res.code).toBe('CONFLICT');
    expect(res.message).toMatch(/reload/i);
    const [row] = await db.select().from(tenantPolicies).where(eq(tenantPolicies.tenantId, fx.alpha.id));
    expect(row.version).toBe(2);
    expect(await auditCount(db)).toBe(before);
  });

  it('two admins saving the same version at once: one wins, the other gets CONFLICT', async () => {
    const { db } = get();
    const admin = await fx.actor('admin@t');
    const save = (days: number) =>
      failure(savePolicy(db, admin, { tenantId: fx.beta.id, expectedVersion: 0, policy: edited((p) => (p.severity.high.slaDays = days)) }));
    const results = await Promise.all([save(20), save(21)]);
    expect(results.map((r) => r.code).sort()).toEqual(['CONFLICT', 'ok']);
    const [row] = await db.select().from(tenantPolicies).where(eq(tenantPolicies.tenantId, fx.beta.id));
    expect(row.version).toBe(1);
  });

  it('refuses invalid values with the field named', async () => {
    const { db } = get();
    const admin = await fx.actor('admin@t');
    const sla = await failure(savePolicy(db, admin, { tenantId: fx.alpha.id, expectedVersion: 2, policy: edited((p) => (p.severity.critical.slaDays = 0)) }));
    expect(sla).toMatchObject({ code: 'VALIDATION', message: 'SLA must be at least 1 day.', fields: ['policy.severity.critical.slaDays'] });
    const pct = await failure(
      savePolicy(db, admin, {
        tenantId: fx.alpha.id,
        expectedVersion: 2,
        policy: edited((p) => (p.rateControl.errorThreshold = { kind: 'percent', value: 150 })),
      }),
    );
    expect(pct).toMatchObject({ code: 'VALIDATION', fields: ['policy.rateControl.errorThreshold.value'] });
    const dup = await failure(savePolicy(db, admin, { tenantId: fx.alpha.id, expectedVersion: 2, policy: edited((p) => p.rings.push({ ...p.rings[0] })) }));
    expect(dup).toMatchObject({ code: 'VALIDATION', message: 'Ring "test" appears twice in the ring order.' });
    const cluster = await failure(savePolicy(db, admin, { tenantId: fx.alpha.id, expectedVersion: 2, policy: edited((p) => (p.clusterMaxDownPct = 0)) }));
    expect(cluster).toMatchObject({ code: 'VALIDATION', fields: ['policy.clusterMaxDownPct'] });
  });

  it('refuses a ring the tenant does not have, and writes nothing', async () => {
    const { db } = get();
    const before = await auditCount(db);
    const res = await failure(
      savePolicy(db, await fx.actor('admin@t'), {
        tenantId: fx.alpha.id,
        expectedVersion: 2,
        policy: edited((p) => (p.rings[1] = { ...p.rings[1], ring: 'staging' })),
      }),
    );
    expect(res).toMatchObject({ code: 'VALIDATION', fields: ['policy.rings.1.ring'] });
    expect(res.message).toContain('"staging" does not exist');
    expect(await auditCount(db)).toBe(before);
    expect((await getTenantPolicy(db, await fx.actor('admin@t'), fx.alpha.id)).version).toBe(2);
  });

  it('refuses managers, operators and app owners; another tenant reads as not found', async () => {
    const { db } = get();
    const input = { tenantId: fx.alpha.id, expectedVersion: 2, policy: defaultPolicy() };
    for (const who of ['manager@t', 'operator@t', 'owner-a@t', 'security@t', 'auditor@t']) {
      expect((await failure(savePolicy(db, await fx.actor(who), input))).code, who).toBe('FORBIDDEN');
    }
    expect((await failure(savePolicy(db, await fx.actor('owner-b@t'), input))).code).toBe('NOT_FOUND');
    expect((await failure(getTenantPolicy(db, await fx.actor('owner-b@t'), fx.alpha.id))).code).toBe('NOT_FOUND');
    expect((await failure(getTenantPolicy(db, await fx.actor('operator@t'), fx.alpha.id, 'policy:write'))).code).toBe('FORBIDDEN');
    expect((await getTenantPolicy(db, await fx.actor('admin@t'), fx.alpha.id)).version).toBe(2);
  });
  it('a standard rule naming a ring the tenant does not have is refused at that rule, and nothing is written', async () => {
    const { db } = get();
    const admin = await fx.actor('admin@t');
    const before = await auditCount(db);
    const res = await failure(
      savePolicy(db, admin, {
        tenantId: fx.alpha.id,
        expectedVersion: 2,
        policy: edited((p) => p.changes.standardRules.push({ name: 'Staging at once', maxSeverity: 'critical', rings: ['test', 'staging'], includeKev: true })),
      }),
    );
    expect(res).toMatchObject({ code: 'VALIDATION', fields: ['policy.changes.standardRules.1.rings'] });
    expect(res.message).toBe('Standard rule "Staging at once" names ring "staging", which does not exist in this tenant (its rings: test, dev, prod).');
    expect(await auditCount(db)).toBe(before);
    expect((await getTenantPolicy(db, admin, fx.alpha.id)).version).toBe(2);
  });

  it('refuses an invalid change section with the field named: negative quorum, no deadline, a nameless rule, an unknown grouping', async () => {
    const { db } = get();
    const admin = await fx.actor('admin@t');
    const before = await auditCount(db);
    const save = (over: (p: TPolicy) => void) => failure(savePolicy(db, admin, { tenantId: fx.alpha.id, expectedVersion: 2, policy: edited(over) }));
    expect(await save((p) => (p.changes.cabQuorum = -1))).toMatchObject({
      code: 'VALIDATION',
      message: 'Quorum cannot be negative.',
      fields: ['policy.changes.cabQuorum'],
    });
    expect(await save((p) => (p.changes.emergencyApprovalHours = Number.NaN))).toMatchObject({
      code: 'VALIDATION',
      fields: ['policy.changes.emergencyApprovalHours'],
    });
    expect(await save((p) => (p.changes.standardRules[0].name = '  '))).toMatchObject({
      code: 'VALIDATION',
      message: 'Give the rule a name.',
      fields: ['policy.changes.standardRules.0.name'],
    });
    expect(await save((p) => (p.changes.grouping = 'weekly' as TPolicy['changes']['grouping']))).toMatchObject({
      code: 'VALIDATION',
      fields: ['policy.changes.grouping'],
    });
    expect(await auditCount(db)).toBe(before);
    expect((await getTenantPolicy(db, admin, fx.alpha.id)).version).toBe(2);
  });

  it('a valid change section round-trips and is audited with only what changed', async () => {
    const { db } = get();
    const admin = await fx.actor('admin@t');
    const current = (await getTenantPolicy(db, admin, fx.alpha.id, 'policy:write')).policy;
    const changes: TPolicy['changes'] = {
      grouping: 'application',
      ownerApproval: false,
      cabQuorum: 2,
      emergencyApprovalHours: 24,
      standardRules: [
        { name: 'Everything on test', maxSeverity: 'critical', rings: ['test'], includeKev: true },
        { name: 'Low everywhere', maxSeverity: 'low', rings: [], includeKev: false },
      ],
    };
    expect(await savePolicy(db, admin, { tenantId: fx.alpha.id, expectedVersion: 2, policy: { ...current, changes } })).toEqual({ version: 3, changed: true });
    const stored = await getTenantPolicy(db, admin, fx.alpha.id, 'policy:write');
    expect(stored.policy.changes).toEqual(changes);
    expect(stored.policy.severity).toEqual(current.severity);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, 'policy.update')).orderBy(desc(auditLog.seq)).limit(1);
    expect(row).toMatchObject({
      actorLabel: 'admin@t',
      targetId: fx.alpha.id,
      before: { version: 2, changes: current.changes },
      after: { version: 3, changes },
    });
    expect(row.after).not.toHaveProperty('rings');
    // Saving the same section again changes nothing and writes no audit row.
    const audits = await auditCount(db);
    expect(await savePolicy(db, admin, { tenantId: fx.alpha.id, expectedVersion: 3, policy: stored.policy })).toEqual({ version: 3, changed: false });
    expect(await auditCount(db)).toBe(audits);
  });
});
