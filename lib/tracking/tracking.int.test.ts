import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  assets,
  auditLog,
  changeApprovals,
  changeAssets,
  changePatches,
  changeRequests,
  patchDecisions,
  patches,
  resolverGroupMembers,
  trackingRecords,
} from '@/db/schema';
import { createAgentToken } from '@/lib/agents/create-agent-token';
import { reportInventory } from '@/lib/agents/report-inventory';
import { createAsset } from '@/lib/assets/create-asset';
import type { TActor } from '@/lib/auth/permissions';
import { importDocuments } from '@/lib/intake/import-documents';
import { describeDb } from '@/lib/testing/db-harness';
import { seedFixture } from '@/lib/testing/fixtures';
import { createResolverGroup } from './create-resolver-group';
import type { TTrackingEvidence } from './evidence-sql';
import { findMyQueue, getTrackingRecord, ZQueueQuery } from './queries';
import { markTrackingInChange, syncTracking } from './sync-tracking';

const system: TActor = { kind: 'system', label: 'test' };
const pkg = (version: string) => [{ ecosystem: 'deb' as const, name: 'libssl3', version, arch: 'amd64', sourceName: 'openssl', sourceVersion: version }];

/** A hand-written OSV record (our own test data): openssl on Debian 12, fixed in `fixed`. */
function osv(id: string, fixed: string, severity: string) {
  return JSON.stringify({
    schema_version: '1.6.0',
    id,
    modified: '2026-01-01T00:00:00Z',
    published: '2026-01-01T00:00:00Z',
    aliases: ['CVE-2026-1111'],
    summary: 'openssl security update',
    affected: [{ package: { ecosystem: 'Debian:12', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
    database_specific: { severity },
  });
}

describeDb('tracking records follow applicability', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  const tokens = new Map<string, string>();
  let shopWeb2: { id: string };
  let patchId: string;
  let groupId: string;
  const report = (assetId: string, version: string) => reportInventory(get().db, tokens.get(assetId)!, { packages: pkg(version) });
  const records = () => get().db.select().from(trackingRecords).where(eq(trackingRecords.patchId, patchId));

  beforeAll(async () => {
    const { db } = get();
    fx = await seedFixture(db, { singleTenantSecurity: true });
    const admin = await fx.actor('admin@t');
    shopWeb2 = await createAsset(db, await fx.actor('operator@t'), {
      tenant: 'alpha',
      name: 'alpha-shop-web-02',
      kind: 'vm',
      ring: 'prod',
      zone: 'UTC',
      osFamily: 'debian',
      osRelease: '12',
      application: 'shop',
    });
    for (const id of [fx.assets.shopWeb.id, shopWeb2.id, fx.assets.crmDb.id, fx.assets.ledgerApp.id])
      tokens.set(id, (await createAgentToken(db, admin, { assetId: id })).token);
    // Shop has its resolver group (owner-a by default, plus owner-a2); CRM has none: its owner works it.
    groupId = (await createResolverGroup(db, admin, { tenantId: fx.alpha.id, applicationId: fx.apps.shop.id, name: 'Shop resolvers' })).id;
    await db.insert(resolverGroupMembers).values({ groupId, tenantId: fx.alpha.id, userId: fx.uid('owner-a2@t') });
    for (const id of [fx.assets.shopWeb.id, shopWeb2.id, fx.assets.crmDb.id, fx.assets.ledgerApp.id]) await report(id, '3.0.11-1~deb12u2');
  });

  it('opens one record per patch × application when a patch becomes applicable, due by the SLA, assigned to the group', async () => {
    const { db } = get();
    const before = new Date();
    await importDocuments(db, system, [{ name: 'DSA-9001.json', text: osv('DSA-9001-1', '3.0.13-1~deb12u1', 'HIGH') }], { trigger: 'test' });
    [{ id: patchId }] = await db.select({ id: patches.id }).from(patches).where(eq(patches.vendorId, 'DSA-9001-1'));
    const rows = await records();
    expect(rows).toHaveLength(3); // shop (2 assets), crm, ledger (beta)
    const shop = rows.find((r) => r.applicationId === fx.apps.shop.id)!;
    expect(shop).toMatchObject({ tenantId: fx.alpha.id, state: 'open', assetCount: 2, resolverGroupId: groupId });
    const crm = rows.find((r) => r.applicationId === fx.apps.crm.id)!;
    expect(crm).toMatchObject({ state: 'open', assetCount: 1, resolverGroupId: null });
    // High: 30 days after the earliest detection (the default policy).
    const days = (shop.dueAt.getTime() - before.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThan(30.01);
    expect(rows.find((r) => r.applicationId === fx.apps.ledger.id)).toMatchObject({ tenantId: fx.beta.id, assetCount: 1 });
  });

  it('a second assessment (and a sync of the whole tenant) does not duplicate or churn a record', async () => {
    const { db } = get();
    const before = await records();
    await importDocuments(db, system, [{ name: 'DSA-9001.json', text: osv('DSA-9001-1', '3.0.13-1~deb12u1', 'HIGH') }], { trigger: 'test' });
    await report(fx.assets.crmDb.id, '3.0.11-1~deb12u2'); // the same list: unchanged
    const res = await syncTracking(db, { tenantIds: [fx.alpha.id, fx.beta.id] });
    expect(res).toEqual({ opened: 0, reopened: 0, refreshed: 0, closed: 0 });
    const after = await records();
    expect(after).toHaveLength(3);
    expect(after.map((r) => [r.id, r.version]).sort()).toEqual(before.map((r) => [r.id, r.version]).sort());
  });

  it('shows a record to its group members and the owner, and nothing of tenant alpha to beta users', async () => {
    const { db } = get();
    const q = ZQueueQuery.parse({});
    const mine = async (email: string) => (await findMyQueue(db, await fx.actor(email), q)).rows.map((r) => r.id);
    const rows = await records();
    const shop = rows.find((r) => r.applicationId === fx.apps.shop.id)!.id;
    const crm = rows.find((r) => r.applicationId === fx.apps.crm.id)!.id;
    const ledger = rows.find((r) => r.applicationId === fx.apps.ledger.id)!.id;
    expect(await mine('owner-a@t')).toEqual([shop]);
    expect(await mine('owner-a2@t')).toEqual(expect.arrayContaining([shop, crm]));
    expect(await mine('owner-b@t')).toEqual([ledger]);
    expect(await mine('sec-b1@t')).toEqual([]);
    await expect(getTrackingRecord(db, await fx.actor('sec-b1@t'), shop)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getTrackingRecord(db, await fx.actor('owner-b@t'), crm)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getTrackingRecord(db, await fx.actor('owner-b@t'), ledger)).record.id).toBe(ledger);
  });

  it('marks open records of a change in change, then closes with evidence when every asset reports the fix', async () => {
    const { db } = get();
    const [change] = await db
      .insert(changeRequests)
      .values({
        tenantId: fx.alpha.id,
        title: 'openssl on shop',
        type: 'normal',
        state: 'approved',
        grouping: 'application',
        groupKey: fx.apps.shop.id,
        releaseAt: new Date(),
        timeMode: 'local',
        riskScore: 10,
        riskLevel: 'low',
        risk: {},
        backoutPlan: 'reinstall the previous package',
        scopeHash: 'h',
      })
      .returning();
    await db.insert(changePatches).values({ changeId: change.id, patchId, tenantId: fx.alpha.id });
    await db
      .insert(changeAssets)
      .values({ changeId: change.id, assetId: fx.assets.shopWeb.id, tenantId: fx.alpha.id, ring: 'prod', applicationId: fx.apps.shop.id });
    const [decision] = await db
      .insert(patchDecisions)
      .values({
        patchId,
        tenantId: fx.alpha.id,
        requestGroupId: crypto.randomUUID(),
        kind: 'authorise',
        status: 'approved',
        justification: 'tested on the test ring',
        patchVersion: 1,
        patchContentHash: 'h',
        requestedBy: fx.uid('security@t'),
        decidedBy: fx.uid('security2@t'),
        decidedAt: new Date(),
      })
      .returning();
    await db
      .insert(changeApprovals)
      .values({ changeId: change.id, tenantId: fx.alpha.id, approverId: fx.uid('owner-a@t'), decision: 'approve', capacities: ['owner'], scopeHash: 'h' });
    expect(await markTrackingInChange(db, change.id)).toBe(1);
    const shopRecord = () =>
      db
        .select()
        .from(trackingRecords)
        .where(and(eq(trackingRecords.patchId, patchId), eq(trackingRecords.applicationId, fx.apps.shop.id)));
    expect((await shopRecord())[0].state).toBe('in_change');

    await report(fx.assets.shopWeb.id, '3.0.13-1~deb12u1');
    expect((await shopRecord())[0]).toMatchObject({ state: 'in_change', assetCount: 1 });
    await report(shopWeb2.id, '3.0.14-1~deb12u1');
    const [closed] = await shopRecord();
    expect(closed).toMatchObject({ state: 'closed', assetCount: 0 });
    expect(closed.closedAt).toBeInstanceOf(Date);
    const ev = closed.evidence as TTrackingEvidence;
    expect(ev).toMatchObject({
      outcome: 'remediated',
      isWithinSla: true,
      verifiedAssetCount: 2,
      patch: { vendorId: 'DSA-9001-1', severity: 'high', cves: ['CVE-2026-1111'] },
    });
    expect(ev.assets.map((a) => a.name)).toEqual(['alpha-shop-web-01', 'alpha-shop-web-02']);
    expect(ev.assets.every((a) => a.verifiedInstalledAt)).toBe(true);
    expect(ev.changes).toEqual([
      expect.objectContaining({
        id: change.id,
        number: change.number,
        state: 'approved',
        approvals: [expect.objectContaining({ approver: 'owner-a', decision: 'approve' })],
      }),
    ]);
    expect(ev.decisions).toEqual([
      expect.objectContaining({ id: decision.id, kind: 'authorise', status: 'approved', requestedBy: 'security', decidedBy: 'security2', byRule: false }),
    ]);
    // The other records are untouched; the closure is audited.
    expect((await records()).filter((r) => r.state === 'open')).toHaveLength(2);
    const trail = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'tracking.sync'), eq(auditLog.tenantId, fx.alpha.id)));
    expect(trail.some((t) => (t.after as { closedIds: string[] }).closedIds.includes(closed.id))).toBe(true);
  });

  it('reopens a closed record when the patch applies again, and a decommissioned asset no longer counts', async () => {
    const { db } = get();
    await report(shopWeb2.id, '3.0.11-1~deb12u2');
    const [again] = await db
      .select()
      .from(trackingRecords)
      .where(and(eq(trackingRecords.patchId, patchId), eq(trackingRecords.applicationId, fx.apps.shop.id)));
    expect(again).toMatchObject({ state: 'open', assetCount: 1, closedAt: null });
    const { updateAsset } = await import('@/lib/assets/update-asset');
    await updateAsset(db, await fx.actor('operator@t'), { assetId: shopWeb2.id, lifecycle: 'decommissioned' });
    const [done] = await db.select().from(trackingRecords).where(eq(trackingRecords.id, again.id));
    expect(done.state).toBe('closed');
    expect((done.evidence as TTrackingEvidence).previous?.outcome).toBe('remediated');
    await db.update(assets).set({ lifecycle: 'active' }).where(eq(assets.id, shopWeb2.id));
  });
});
