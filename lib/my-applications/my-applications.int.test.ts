import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { applications, patches, testResults, testRuns } from '@/db/schema';
import { seedAuthorisation } from '@/lib/authorisation/int-fixture';
import { defaultPolicy } from '@/lib/domain/policy';
import { savePolicy } from '@/lib/scheduling/save-policy';
import { describeDb } from '@/lib/testing/db-harness';
import { findMyApplications, findMyAssets, myFacets, ZMyApplicationsQuery, ZMyAssetsQuery } from './queries';
import { ownsAnyApplication } from './scope';
import { findMyMissing, findMyTestRuns, ZMyMissingQuery, ZMyTestRunsQuery } from './waiting';

const DAY = 86_400_000;
const q = {
  apps: (o = {}) => ZMyApplicationsQuery.parse(o),
  assets: (o = {}) => ZMyAssetsQuery.parse(o),
  missing: (o = {}) => ZMyMissingQuery.parse(o),
  runs: (o = {}) => ZMyTestRunsQuery.parse(o),
};

describeDb('my applications', (get) => {
  let fx: Awaited<ReturnType<typeof seedAuthorisation>>;
  beforeAll(async () => {
    const { db } = get();
    fx = await seedAuthorisation(db);
    // Missing on every asset running the test packages: alpha's Shop asset and beta's Ledger asset among them.
    await fx.importPatch('OSV-MY-1', 'pkg-a', { severity: 'CRITICAL' });
    await fx.importPatch('OSV-MY-2', 'pkg-b', { severity: 'HIGH' });
    // Alpha's policy gives critical patches 3 days; beta keeps the default 7.
    const policy = defaultPolicy();
    policy.severity.critical.slaDays = 3;
    await savePolicy(db, await fx.actor('admin@t'), { tenantId: fx.alpha.id, expectedVersion: 0, policy });
  });

  it('an owner sees only their own applications and the assets in them, with missing counts by severity', async () => {
    const { db } = get();
    const owner = await fx.actor('owner-a@t');
    const apps = await findMyApplications(db, owner, q.apps());
    expect(apps.rows.map((a) => a.name)).toEqual(['Shop']);
    expect(apps.rows[0]).toMatchObject({ tenantName: 'Alpha Corp', assets: 1, missing: 2, critical: 1, high: 1, overdue: 0 });
    const mine = await findMyAssets(db, owner, q.assets());
    expect(mine.total).toBe(1);
    expect(mine.rows[0]).toMatchObject({ name: 'alpha-shop-web-01', applicationName: 'Shop', missing: 2, critical: 1, high: 1, medium: 0, overdue: 0 });
    expect(await ownsAnyApplication(db, owner)).toBe(true);
    expect((await myFacets(db, owner)).applications.map((a) => a.name)).toEqual(['Shop']);
  });

  it("another application's owner in the same tenant, and another tenant's owner, see none of them", async () => {
    const { db } = get();
    const crmOwner = await fx.actor('owner-a2@t');
    expect((await findMyAssets(db, crmOwner, q.assets())).rows.map((r) => r.name)).toEqual(['alpha-crm-db-01']);
    expect((await findMyMissing(db, crmOwner, q.missing())).total).toBe(0);
    const betaOwner = await fx.actor('owner-b@t');
    expect((await findMyApplications(db, betaOwner, q.apps())).rows.map((a) => a.name)).toEqual(['Ledger']);
    const betaAssets = await findMyAssets(db, betaOwner, q.assets());
    expect(betaAssets.rows.map((r) => r.name)).toEqual(['beta-ledger-01']);
    // A filter naming the other tenant's application does not open it.
    expect((await findMyAssets(db, betaOwner, q.assets({ app: fx.apps.shop.id }))).total).toBe(0);
    expect((await findMyMissing(db, betaOwner, q.missing({ tenant: fx.alpha.id }))).total).toBe(0);
  });

  it('a user owning no application gets empty lists, not the fleet', async () => {
    const { db } = get();
    const security = await fx.actor('security@t');
    expect(await ownsAnyApplication(db, security)).toBe(false);
    expect((await findMyApplications(db, security, q.apps())).total).toBe(0);
    expect((await findMyAssets(db, security, q.assets())).total).toBe(0);
    expect((await findMyMissing(db, security, q.missing())).total).toBe(0);
  });

  it("past SLA follows each tenant's own policy", async () => {
    const { db } = get();
    const inFourDays = new Date(Date.now() + 4 * DAY);
    // Alpha: critical due after 3 days → past SLA; beta: 7 days → not yet.
    const alpha = await findMyMissing(db, await fx.actor('owner-a@t'), q.missing(), inFourDays);
    expect(alpha.rows.map((r) => [r.vendorId, r.isOverdue])).toEqual([
      ['OSV-MY-1', true],
      ['OSV-MY-2', false],
    ]);
    expect((await findMyMissing(db, await fx.actor('owner-a@t'), q.missing({ overdue: 'yes' }), inFourDays)).rows.map((r) => r.vendorId)).toEqual(['OSV-MY-1']);
    const beta = await findMyMissing(db, await fx.actor('owner-b@t'), q.missing({ overdue: 'yes' }), inFourDays);
    expect(beta.total).toBe(0);
    const assets = await findMyAssets(db, await fx.actor('owner-a@t'), q.assets({ overdue: 'yes' }), inFourDays);
    expect(assets.rows).toMatchObject([{ name: 'alpha-shop-web-01', overdue: 1 }]);
    const due = alpha.rows[0].due!.getTime() - alpha.rows[0].detectedAt.getTime();
    expect(due).toBe(3 * DAY);
  });

  it('filters and sorts the missing list: severity, KEV, search', async () => {
    const { db } = get();
    const owner = await fx.actor('owner-a@t');
    expect((await findMyMissing(db, owner, q.missing({ severity: 'high' }))).rows.map((r) => r.vendorId)).toEqual(['OSV-MY-2']);
    expect((await findMyMissing(db, owner, q.missing({ kev: 'yes' }))).total).toBe(0);
    expect((await findMyMissing(db, owner, q.missing({ q: 'MY-2' }))).rows.map((r) => r.vendorId)).toEqual(['OSV-MY-2']);
    expect((await findMyMissing(db, owner, q.missing({ sort: 'severity:desc' }))).rows.map((r) => r.vendorId)).toEqual(['OSV-MY-2', 'OSV-MY-1']);
    expect((await findMyMissing(db, owner, q.missing({ size: '10', page: '2' }))).rows).toHaveLength(0);
  });

  it("an owner's asset in an open test run waits for them; other owners do not see it", async () => {
    const { db } = get();
    // Rows as a started run leaves them (the run use-case is tested with the authorisation suite).
    const [patch] = await db.select().from(patches).where(eq(patches.vendorId, 'OSV-MY-1'));
    const [run] = await db
      .insert(testRuns)
      .values({ patchId: patch.id, tenantId: fx.alpha.id, target: 'ring:prod', patchContentHash: patch.contentHash })
      .returning();
    await db.insert(testResults).values({ runId: run.id, assetId: fx.assets.shopWeb.id, tenantId: fx.alpha.id });
    const runs = await findMyTestRuns(db, await fx.actor('owner-a@t'), q.runs());
    expect(runs.rows).toMatchObject([{ assetName: 'alpha-shop-web-01', vendorId: 'OSV-MY-1', outcome: 'pending', target: 'ring:prod' }]);
    expect((await findMyTestRuns(db, await fx.actor('owner-a@t'), q.runs({ outcome: 'passed' }))).total).toBe(0);
    expect((await findMyTestRuns(db, await fx.actor('owner-b@t'), q.runs())).total).toBe(0);
    expect((await findMyTestRuns(db, await fx.actor('owner-a2@t'), q.runs())).total).toBe(0);
  });

  it('owning an application in a tenant one is no member of opens nothing there', async () => {
    const { db } = get();
    await db
      .update(applications)
      .set({ ownerId: fx.uid('owner-a@t') })
      .where(eq(applications.id, fx.apps.ledger.id));
    try {
      const owner = await fx.actor('owner-a@t');
      expect((await findMyApplications(db, owner, q.apps())).rows.map((a) => a.name)).toEqual(['Shop']);
      expect((await findMyAssets(db, owner, q.assets())).rows.map((r) => r.name)).toEqual(['alpha-shop-web-01']);
      expect((await findMyMissing(db, owner, q.missing({ tenant: fx.beta.id }))).total).toBe(0);
    } finally {
      await db
        .update(applications)
        .set({ ownerId: fx.uid('owner-b@t') })
        .where(eq(applications.id, fx.apps.ledger.id));
    }
  });

  it('the most urgent come first: past SLA, then KEV, then severity', async () => {
    const { db } = get();
    const owner = await fx.actor('owner-a@t');
    await db.update(patches).set({ isKev: true }).where(eq(patches.vendorId, 'OSV-MY-2'));
    try {
      expect((await findMyMissing(db, owner, q.missing())).rows.map((r) => r.vendorId)).toEqual(['OSV-MY-2', 'OSV-MY-1']);
      // Past its SLA in four days, the critical patch leads again.
      expect((await findMyMissing(db, owner, q.missing(), new Date(Date.now() + 4 * DAY))).rows.map((r) => r.vendorId)).toEqual(['OSV-MY-1', 'OSV-MY-2']);
      expect((await findMyMissing(db, owner, q.missing({ sort: 'due:asc' }))).rows.map((r) => r.vendorId)).toEqual(['OSV-MY-1', 'OSV-MY-2']);
    } finally {
      await db.update(patches).set({ isKev: false }).where(eq(patches.vendorId, 'OSV-MY-2'));
    }
  });
});
