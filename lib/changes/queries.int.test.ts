import { beforeAll, expect, it } from 'vitest';
import { changeApprovals, changeComments, changePatches, patchDecisions, patches } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { describeDb } from '@/lib/testing/db-harness';
import { seedFixture } from '@/lib/testing/fixtures';
import { findChangeAssets, getChange, ZChangeAssetQuery } from './change-detail';
import { changeNumber, findChangeRowsByIds, findChanges, parseChangeNumber, ZChangeListQuery } from './queries';
import { insertTestChange } from './test-changes';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : `unexpected: ${e}`),
  );
const q = (input: Record<string, string> = {}) => ZChangeListQuery.parse(input);

describeDb('change list and detail', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  let betaChangeId: string;
  let alphaChangeId: string;
  const STATES = ['submitted', 'approved', 'scheduled', 'completed'] as const;

  beforeAll(async () => {
    const { db } = get();
    fx = await seedFixture(db);
    // 24 changes in Alpha: states round-robin, risk rising with i, every third one an emergency.
    for (let i = 0; i < 24; i++) {
      const row = await insertTestChange(db, {
        tenantId: fx.alpha.id,
        title: `Alpha change ${String(i).padStart(2, '0')}${i === 5 ? ' openssl' : ''}`,
        type: i % 3 === 0 ? 'emergency' : 'normal',
        state: STATES[i % 4],
        riskScore: i * 4,
        riskLevel: i * 4 >= 60 ? 'high' : i * 4 >= 35 ? 'medium' : 'low',
        plannedStart: `2026-12-${String(10 + (i % 10)).padStart(2, '0')}T01:00:00Z`,
        plannedEnd: `2026-12-${String(10 + (i % 10)).padStart(2, '0')}T03:00:00Z`,
        slots:
          i === 0
            ? [{ assetId: fx.assets.shopWeb.id, applicationId: fx.apps.shop.id, ring: 'prod', start: '2026-12-10T01:00:00Z', end: '2026-12-10T02:00:00Z' }]
            : undefined,
      });
      if (i === 0) alphaChangeId = row.id;
    }
    const beta = await insertTestChange(db, {
      tenantId: fx.beta.id,
      title: 'Beta ledger change openssl',
      state: 'submitted',
      riskLevel: 'high',
      riskScore: 80,
    });
    betaChangeId = beta.id;
    // Alpha's first change: a patch with Alpha's decision, an approval and a comment.
    const [p] = await db
      .insert(patches)
      .values({ source: 'test', vendorId: 'PW-CHG-1', title: 'openssl fix', cves: [], severity: 'high', cvss: [], references: [], contentHash: 'h' })
      .returning();
    const [d] = await db
      .insert(patchDecisions)
      .values({
        patchId: p.id,
        tenantId: fx.alpha.id,
        requestGroupId: '00000000-0000-4000-8000-000000000001',
        kind: 'authorise',
        status: 'authorised',
        justification: 'ok',
        patchVersion: 1,
        patchContentHash: 'h',
        decidedBy: fx.uid('security2@t'),
      })
      .returning();
    await db.insert(changePatches).values({ changeId: alphaChangeId, patchId: p.id, tenantId: fx.alpha.id, decisionId: d.id });
    await db.insert(changeApprovals).values({
      changeId: alphaChangeId,
      tenantId: fx.alpha.id,
      approverId: fx.uid('owner-a@t'),
      decision: 'approve',
      capacities: [{ kind: 'owner', applicationId: fx.apps.shop.id }],
      scopeHash: 'test',
    });
    await db.insert(changeComments).values({ changeId: alphaChangeId, tenantId: fx.alpha.id, authorId: fx.uid('manager@t'), body: 'Please avoid Friday.' });
  });

  it('pages and sorts in SQL, newest number first by default', async () => {
    const security = await fx.actor('security@t');
    const page1 = await findChanges(get().db, security, q({ size: '10' }));
    expect(page1.total).toBe(25);
    expect(page1.rows).toHaveLength(10);
    expect(page1.rows.map((r) => r.number)).toEqual([...page1.rows.map((r) => r.number)].sort((a, b) => b - a));
    const page3 = await findChanges(get().db, security, q({ size: '10', page: '3' }));
    expect(page3.rows).toHaveLength(5);
    const byRisk = await findChanges(get().db, security, q({ sort: 'risk:desc', size: '10' }));
    expect(byRisk.rows[0].riskScore).toBe(92);
    const byState = await findChanges(get().db, security, q({ sort: 'state:asc', size: '100' }));
    // Lifecycle order, not alphabetical: submitted before approved before scheduled before completed.
    const order = byState.rows.map((r) => r.state).filter((s, i, a) => a.indexOf(s) === i);
    expect(order).toEqual(['submitted', 'approved', 'scheduled', 'completed']);
    expect(page1.byState).toMatchObject({ submitted: 7, approved: 6, scheduled: 6, completed: 6 });
  });

  it('filters by state, type, risk, tenant and searches by number or title', async () => {
    const security = await fx.actor('security@t');
    const db = get().db;
    expect((await findChanges(db, security, q({ state: 'approved' }))).rows.every((r) => r.state === 'approved')).toBe(true);
    expect((await findChanges(db, security, q({ type: 'emergency' }))).total).toBe(8);
    const high = await findChanges(db, security, q({ risk: 'high' }));
    expect(high.rows.every((r) => r.riskLevel === 'high')).toBe(true);
    expect(high.total).toBe(10); // 9 in Alpha (scores 60–92) and Beta's
    expect((await findChanges(db, security, q({ tenant: 'beta' }))).rows.map((r) => r.title)).toEqual(['Beta ledger change openssl']);
    expect((await findChanges(db, security, q({ tenant: fx.alpha.id }))).total).toBe(24);
    expect((await findChanges(db, security, q({ q: 'openssl' }))).total).toBe(2);
    const first = (await findChanges(db, security, q({ sort: 'number:asc', size: '10' }))).rows[0];
    const byNumber = await findChanges(db, security, q({ q: changeNumber(first.number) }));
    expect(byNumber.rows.map((r) => r.id)).toEqual([first.id]);
    expect(parseChangeNumber('chg-001234')).toBe(1234);
    expect(parseChangeNumber('openssl')).toBeNull();
    // A malformed filter falls back to no filter; the counts come along.
    const bad = await findChanges(db, security, q({ state: 'exploded', sort: "';--" }));
    expect(bad.total).toBe(25);
    expect(bad.rows[0].assetCount).toBeGreaterThanOrEqual(0);
  });

  it('keeps tenants apart: a one-tenant reader sees none of the other tenant, a foreign id is not found', async () => {
    const db = get().db;
    const ownerB = await fx.actor('owner-b@t');
    const list = await findChanges(db, ownerB, q({ size: '100' }));
    expect(list.total).toBe(1);
    expect(list.rows[0].id).toBe(betaChangeId);
    expect(list.tenants.map((t) => t.slug)).toEqual(['beta']);
    // Asking for Alpha by slug or id gives nothing, not Alpha's rows.
    expect((await findChanges(db, ownerB, q({ tenant: 'alpha' }))).total).toBe(0);
    expect((await findChanges(db, ownerB, q({ tenant: fx.alpha.id }))).total).toBe(0);
    expect((await findChanges(db, ownerB, q({ q: 'Alpha' }))).total).toBe(0);
    expect(await code(getChange(db, ownerB, alphaChangeId))).toBe('NOT_FOUND');
    expect(await code(getChange(db, ownerB, 'not-a-uuid'))).toBe('NOT_FOUND');
    expect(await code(getChange(db, ownerB, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(await findChangeRowsByIds(db, ownerB, [alphaChangeId, betaChangeId])).toHaveLength(1);
    const manager = await fx.actor('manager@t'); // Alpha only
    expect((await findChanges(db, manager, q({ size: '100' }))).rows.some((r) => r.id === betaChangeId)).toBe(false);
    expect(await code(getChange(db, manager, betaChangeId))).toBe('NOT_FOUND');
  });

  it('reads the detail: patches with their authorisation, slots, approval trail, comments', async () => {
    const db = get().db;
    const manager = await fx.actor('manager@t');
    const d = await getChange(db, manager, alphaChangeId);
    expect(d.tenant.slug).toBe('alpha');
    expect(d.patches).toEqual([expect.objectContaining({ vendorId: 'PW-CHG-1', severity: 'high', decisionStatus: 'authorised', decidedByName: 'security2' })]);
    expect(d.approvals).toEqual([
      expect.objectContaining({ approverName: 'owner-a', decision: 'approve', capacities: [{ kind: 'owner', applicationId: fx.apps.shop.id }] }),
    ]);
    expect(d.comments.map((c) => [c.authorName, c.body])).toEqual([['manager', 'Please avoid Friday.']]);
    expect(d.perDay).toEqual([{ day: '2026-12-10', ring: 'prod', jobs: 1 }]);
    expect(d.waves).toEqual([expect.objectContaining({ waveIndex: 0, ring: 'prod', jobs: 1 })]);
    expect(d.waves[0].start?.toISOString()).toBe('2026-12-10T01:00:00.000Z');
    expect(d.applications.map((a) => a.name)).toEqual(['Shop']);
    const assets = await findChangeAssets(db, { id: d.change.id, tenantId: d.change.tenantId }, ZChangeAssetQuery.parse({}));
    expect(assets.total).toBe(1);
    expect(assets.rows[0]).toMatchObject({ name: 'alpha-shop-web-01', ring: 'prod', zone: 'Europe/Berlin', applicationName: 'Shop' });
  });
});
