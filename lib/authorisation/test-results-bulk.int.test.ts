import { desc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { TDb } from '@/db/client';
import { auditLog, memberships, patches, testResults, testRuns, users } from '@/db/schema';
import { loadActorFromDb } from '@/lib/auth/load-actor';
import { describeDb } from '@/lib/testing/db-harness';
import { importTestResults } from './import-test-results';
import { auditCount, failure, seedAuthorisation } from './int-fixture';
import { recordTestResults } from './record-test-results';

const resultsOf = async (db: TDb, runId: string) =>
  Object.fromEntries((await db.select().from(testResults).where(eq(testResults.runId, runId))).map((r) => [r.assetId, { outcome: r.outcome, notes: r.notes }]));
const runStatusOf = async (db: TDb, runId: string) => (await db.select({ s: testRuns.status }).from(testRuns).where(eq(testRuns.id, runId)))[0].s;
const lastAudit = async (db: TDb) => (await db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0];

describeDb('test results in bulk and from reports', (get) => {
  let fx: Awaited<ReturnType<typeof seedAuthorisation>>;
  let patchId: string;
  /** A run as startTestRun leaves it: pending results for the tenant's test assets. */
  const newRun = async (tenantId: string, assetIds: string[]) => {
    const { db } = get();
    const [patch] = await db.select().from(patches).where(eq(patches.id, patchId));
    const [run] = await db.insert(testRuns).values({ patchId, tenantId, target: 'ring:test', patchContentHash: patch.contentHash }).returning();
    await db.insert(testResults).values(assetIds.map((assetId) => ({ runId: run.id, assetId, tenantId })));
    return run.id;
  };
  beforeAll(async () => {
    fx = await seedAuthorisation(get().db);
    patchId = (await fx.importPatch('OSV-BULK-1', 'pkg-c')).id;
  });

  it('marks selected assets, then all of them, with one audit row per run listing the assets', async () => {
    const { db } = get();
    const security = await fx.actor('security@t');
    const { alpha1, alpha2 } = fx.testAssets;
    const runId = await newRun(fx.alpha.id, [alpha1.id, alpha2.id]);
    expect(await recordTestResults(db, security, { runId, assetIds: [alpha1.id], outcome: 'passed' })).toEqual({
      runStatus: 'open',
      recorded: 1,
      unchanged: 0,
    });
    const before = await auditCount(db);
    expect(await recordTestResults(db, security, { runId, all: true, outcome: 'failed', notes: 'kernel panic after reboot' })).toEqual({
      runStatus: 'failed',
      recorded: 2,
      unchanged: 0,
    });
    expect(await auditCount(db)).toBe(before + 1);
    const entry = await lastAudit(db);
    expect(entry).toMatchObject({ action: 'patch.test.results', tenantId: fx.alpha.id, targetId: patchId });
    expect((entry.after as { results: { asset: string; outcome: string }[] }).results).toEqual([
      expect.objectContaining({ asset: 'alpha-test-01', outcome: 'failed' }),
      expect.objectContaining({ asset: 'alpha-test-02', outcome: 'failed' }),
    ]);
    expect(await resultsOf(db, runId)).toEqual({
      [alpha1.id]: { outcome: 'failed', notes: 'kernel panic after reboot' },
      [alpha2.id]: { outcome: 'failed', notes: 'kernel panic after reboot' },
    });
  });

  it('refuses a failure without a note, an empty selection and an asset outside the run, writing nothing', async () => {
    const { db } = get();
    const security = await fx.actor('security@t');
    const runId = await newRun(fx.alpha.id, [fx.testAssets.alpha1.id]);
    const before = await auditCount(db);
    expect(await failure(recordTestResults(db, security, { runId, all: true, outcome: 'blocked' }))).toMatchObject({ code: 'VALIDATION', fields: ['notes'] });
    expect(await failure(recordTestResults(db, security, { runId, outcome: 'passed' }))).toMatchObject({ code: 'VALIDATION', fields: ['assetIds'] });
    expect(
      await failure(recordTestResults(db, security, { runId, assetIds: [fx.testAssets.alpha1.id, fx.testAssets.beta1.id], outcome: 'passed' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await resultsOf(db, runId)).toEqual({ [fx.testAssets.alpha1.id]: { outcome: 'pending', notes: null } });
    expect(await auditCount(db)).toBe(before);
  });

  it("refuses another tenant's security user and roles without testing rights", async () => {
    const { db } = get();
    const [u] = await db.insert(users).values({ email: 'sec-beta@t', name: 'sec-beta', passwordHash: null }).returning();
    await db.insert(memberships).values({ userId: u.id, tenantId: fx.beta.id, role: 'security' });
    const betaSecurity = await loadActorFromDb(db, u.id);
    const runId = await newRun(fx.alpha.id, [fx.testAssets.alpha1.id]);
    const csv = { runId, filename: 'r.csv', text: 'asset,outcome,notes\nalpha-test-01,passed,\n' };
    expect(await failure(recordTestResults(db, betaSecurity, { runId, all: true, outcome: 'passed' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(importTestResults(db, betaSecurity, csv))).toMatchObject({ code: 'NOT_FOUND' });
    for (const who of ['owner-a@t', 'operator@t', 'manager@t']) {
      expect(await failure(recordTestResults(db, await fx.actor(who), { runId, all: true, outcome: 'passed' })), who).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(importTestResults(db, await fx.actor(who), csv)), who).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await runStatusOf(db, runId)).toBe('open');
  });

  it('imports a CSV report: matched rows recorded, unknown names reported, one audit row', async () => {
    const { db } = get();
    const runId = await newRun(fx.alpha.id, [fx.testAssets.alpha1.id, fx.testAssets.alpha2.id]);
    const before = await auditCount(db);
    const res = await importTestResults(db, await fx.actor('security@t'), {
      runId,
      filename: 'pipeline.csv',
      text: 'asset,outcome,notes\nALPHA-TEST-01,pass,\nalpha-test-02,failed,service did not restart\nghost-99,passed,\n',
    });
    expect(res).toEqual({ runStatus: 'failed', recorded: 2, unchanged: 0, format: 'csv', matched: 2, unmatched: ['line 4: ghost-99'] });
    expect(await resultsOf(db, runId)).toEqual({
      [fx.testAssets.alpha1.id]: { outcome: 'passed', notes: null },
      [fx.testAssets.alpha2.id]: { outcome: 'failed', notes: 'service did not restart' },
    });
    expect(await auditCount(db)).toBe(before + 1);
    expect(await lastAudit(db)).toMatchObject({
      action: 'patch.test.results.import',
      after: expect.objectContaining({ filename: 'pipeline.csv', unmatched: ['line 4: ghost-99'] }),
    });
  });

  it('imports JUnit XML, matching a fully qualified hostname to the asset and combining its testcases', async () => {
    const { db } = get();
    const runId = await newRun(fx.alpha.id, [fx.testAssets.alpha1.id, fx.testAssets.alpha2.id]);
    const xml = `<testsuites>
  <testsuite name="smoke" hostname="alpha-test-01.alpha.internal"><testcase name="http"/><testcase name="tls"><failure message="expired certificate"/></testcase></testsuite>
  <testsuite name="db"><testcase name="alpha-test-02" classname="smoke.db"/></testsuite>
</testsuites>`;
    const res = await importTestResults(db, await fx.actor('security@t'), { runId, filename: 'junit.xml', text: xml });
    expect(res).toMatchObject({ format: 'junit', matched: 2, unmatched: [], runStatus: 'failed' });
    expect(await resultsOf(db, runId)).toEqual({
      [fx.testAssets.alpha1.id]: { outcome: 'failed', notes: 'tls: expired certificate' },
      [fx.testAssets.alpha2.id]: { outcome: 'passed', notes: null },
    });
  });

  it('an invalid file, or one naming no asset of the run, writes nothing and says why', async () => {
    const { db } = get();
    const security = await fx.actor('security@t');
    const runId = await newRun(fx.alpha.id, [fx.testAssets.alpha1.id]);
    const before = await auditCount(db);
    const bad = await failure(
      importTestResults(db, security, { runId, filename: 'r.csv', text: 'asset,outcome,notes\nalpha-test-01,passed,\nalpha-test-01,perhaps,\n' }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toContain('Line 3: outcome "perhaps" is not one of passed, failed, blocked.');
    expect((await failure(importTestResults(db, security, { runId, filename: 'r.xml', text: '<testsuites><testsuite>' }))).message).toMatch(
      /^r\.xml is not a valid JUnit XML test report: Line 1/,
    );
    const none = await failure(importTestResults(db, security, { runId, filename: 'r.csv', text: 'asset,outcome\nbeta-test-01,passed\n' }));
    expect(none).toMatchObject({ code: 'VALIDATION' });
    expect(none.message).toContain('names an asset of this run (alpha-test-01)');
    expect(await resultsOf(db, runId)).toEqual({ [fx.testAssets.alpha1.id]: { outcome: 'pending', notes: null } });
    expect(await auditCount(db)).toBe(before);
  });
});
