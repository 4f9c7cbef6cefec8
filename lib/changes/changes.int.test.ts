import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TDb } from '@/db/client';
import {
  assets,
  auditLog,
  cabMembers,
  changeApprovals,
  changeAssets,
  changeEvents,
  changeRequests,
  maintenanceWindows,
  patchDecisions,
  patchStatus,
  rings,
} from '@/db/schema';
import { createAsset } from '@/lib/assets/create-asset';
import { failure, seedAuthorisation, TEST_PACKAGES } from '@/lib/authorisation/int-fixture';
import { replaceSoftware } from '@/lib/inventory/replace-software';
import { createBlackout } from '@/lib/scheduling/create-blackout';
import { createWindow } from '@/lib/scheduling/create-window';
import { updateWindow } from '@/lib/scheduling/update-window';
import { describeDb } from '@/lib/testing/db-harness';
import { approverCapacities, countChangesAwaitingMe, loadApprovalState } from './approvers';
import { generateChanges } from './generate-changes';
import { loadScopeDrift } from './scope';
import { cancelChange, closeChange, recordOutcome, resubmitChange, scheduleChange, startChange } from './transition-change';
import { approveChange, rejectChange } from './vote-change';
import { refreshConflicts } from './replan-change';

type TFx = Awaited<ReturnType<typeof seedAuthorisation>>;

/** Authorises a patch in a tenant as an approved decision would (the authorisation flow has its own tests). */
async function authorise(db: TDb, fx: TFx, patchId: string, tenantId: string, opts: { emergency?: boolean; decidedAt?: Date } = {}) {
  const at = opts.decidedAt ?? new Date('2026-03-02T00:00:00Z');
  const [d] = await db
    .insert(patchDecisions)
    .values({
      patchId,
      tenantId,
      requestGroupId: '00000000-0000-4000-8000-000000000001',
      kind: 'authorise',
      status: 'approved',
      justification: 'tested',
      impact: { downtimeMinutes: 20, rebootRequired: true, dependencies: [], order: null },
      isEmergency: !!opts.emergency,
      emergencyReason: opts.emergency ? 'actively exploited' : null,
      patchVersion: 1,
      patchContentHash: 'x',
      requestedBy: fx.uid('security@t'),
      decidedBy: fx.uid('security2@t'),
      decidedAt: at,
    })
    .returning();
  await db
    .insert(patchStatus)
    .values({ tenantId, patchId, status: 'authorised', version: 2 })
    .onConflictDoUpdate({ target: [patchStatus.tenantId, patchStatus.patchId], set: { status: 'authorised' } });
  return d;
}

const NOW = new Date('2026-03-02T08:00:00Z');
const items = TEST_PACKAGES.map((name) => ({ ecosystem: 'deb' as const, name, version: '1.0-1', arch: 'amd64', sourceName: name, sourceVersion: '1.0-1' }));

async function giveSoftware(db: TDb, assetId: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(assets).where(eq(assets.id, assetId));
    await replaceSoftware(tx, row, items);
  });
}

async function changeOf(db: TDb, id: string) {
  const [c] = await db.select().from(changeRequests).where(eq(changeRequests.id, id));
  return c;
}

describeDb('change management', (get) => {
  let fx: TFx;
  beforeAll(async () => {
    fx = await seedAuthorisation(get().db);
    const ops = await fx.actor('operator@t');
    // A nightly window for every ring of alpha, in each asset's own zone.
    await createWindow(
      get().db,
      ops,
      {
        tenantId: fx.alpha.id,
        window: {
          name: 'Nightly',
          recurrence: { kind: 'weekly', days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
          start: '01:00',
          durationMinutes: 240,
          zone: 'asset',
        },
      },
      NOW,
    );
  });

  describe('generation and types', () => {
    it('puts a high patch on the test ring into a standard change that goes straight to scheduled, and a prod one into a normal change awaiting approval', async () => {
      const { db } = get();
      const p = await fx.importPatch('CHG-STD-1', 'pkg-a');
      await authorise(db, fx, p.id, fx.alpha.id);
      const sec = await fx.actor('security@t');
      const out = await generateChanges(db, sec, { tenantId: fx.alpha.id, patchIds: [p.id] }, NOW);
      const byRing = new Map<string, (typeof out.created)[number]>();
      for (const c of out.created) byRing.set((await changeOf(db, c.id)).ring as string, c);
      expect([...byRing.keys()].sort()).toEqual(['prod', 'test']);
      expect(byRing.get('test')).toMatchObject({ type: 'standard', state: 'scheduled', assets: 2 });
      expect(byRing.get('prod')).toMatchObject({ type: 'normal', state: 'submitted', assets: 1 });
      const std = await changeOf(db, byRing.get('test')!.id);
      expect(std.approvedAt).not.toBeNull();
      expect(std.standardRule).toMatchObject({ maxSeverity: 'high' });
      expect(std.plannedStart).not.toBeNull();
      // Slots sit in the Nightly window (01:00–05:00 in the asset's zone, UTC here).
      const slots = await db.select().from(changeAssets).where(eq(changeAssets.changeId, std.id));
      for (const s of slots) expect(s.plannedStart!.getUTCHours()).toBeGreaterThanOrEqual(1);
      const events = await db.select().from(changeEvents).where(eq(changeEvents.changeId, std.id));
      expect(events.map((e) => e.type)).toEqual(['created', 'submit', 'approve', 'schedule']);
      // Generating again claims nothing twice.
      const again = await generateChanges(db, sec, { tenantId: fx.alpha.id, patchIds: [p.id] }, NOW);
      expect(again.created).toEqual([]);
    });

    it('makes an emergency authorisation an emergency change: scheduled at once, approval due after the fact', async () => {
      const { db } = get();
      const p = await fx.importPatch('CHG-EMG-1', 'pkg-b', { severity: 'CRITICAL' });
      await authorise(db, fx, p.id, fx.beta.id, { emergency: true });
      const out = await generateChanges(db, await fx.actor('operator@t'), { tenantId: fx.beta.id, patchIds: [p.id] }, NOW);
      expect(out.created.length).toBeGreaterThan(0);
      for (const c of out.created) {
        const row = await changeOf(db, c.id);
        expect(row).toMatchObject({ type: 'emergency', state: 'scheduled' });
        expect(row.approvalDueAt!.getTime()).toBe(NOW.getTime() + 72 * 3_600_000);
        expect(row.approvedAt).toBeNull();
      }
      // It cannot close before its after-the-fact approval.
      const id = out.created[0].id;
      const ops = await fx.actor('operator@t');
      await startChange(db, ops, { changeId: id });
      await recordOutcome(db, ops, { changeId: id, outcome: 'completed', summary: 'patched and verified by inventory' });
      expect(await failure(closeChange(db, ops, { changeId: id }))).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/after-the-fact approval/),
      });
      await approveChange(db, await fx.actor('sec-b1@t'), { changeId: id, note: 'ok after the fact' });
      await closeChange(db, ops, { changeId: id });
      expect((await changeOf(db, id)).state).toBe('closed');
    });

    it('refuses a user of another tenant, and a role that may not request changes', async () => {
      const { db } = get();
      expect(await failure(generateChanges(db, await fx.actor('sec-b1@t'), { tenantId: fx.alpha.id }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await failure(generateChanges(db, await fx.actor('manager@t'), { tenantId: fx.alpha.id }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(generateChanges(db, await fx.actor('security@t'), { tenantId: 'nope' }))).toMatchObject({ code: 'VALIDATION' });
    });
  });

  describe('approval of a normal change', () => {
    let changeId: string;
    beforeAll(async () => {
      const { db } = get();
      const p = await fx.importPatch('CHG-NRM-1', 'pkg-c');
      await authorise(db, fx, p.id, fx.alpha.id);
      const out = await generateChanges(db, await fx.actor('security@t'), { tenantId: fx.alpha.id, patchIds: [p.id] }, NOW);
      changeId = out.created.find((c) => c.type === 'normal')!.id;
    });

    it('needs the owner of the touched application and the CAB quorum; refuses everyone else from outside', async () => {
      const { db } = get();
      const version = () => changeOf(db, changeId).then((c) => c.version);
      const owner = await fx.actor('owner-a@t');
      const waiting = await countChangesAwaitingMe(db, owner);
      expect(waiting).toBeGreaterThan(0);
      // The requester, the owner of another application, a manager, and a user of another tenant are refused.
      expect(await failure(approveChange(db, await fx.actor('security@t'), { changeId, expectedVersion: await version() }))).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/you requested/i),
      });
      expect(await failure(approveChange(db, await fx.actor('owner-a2@t'), { changeId, expectedVersion: await version() }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await failure(approveChange(db, await fx.actor('manager@t'), { changeId, expectedVersion: await version() }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await failure(approveChange(db, await fx.actor('sec-b1@t'), { changeId, expectedVersion: await version() }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await countChangesAwaitingMe(db, await fx.actor('owner-a2@t'))).toBe(0);
      // A stale page is refused.
      expect(await failure(approveChange(db, owner, { changeId, expectedVersion: (await version()) + 1 }))).toMatchObject({ code: 'CONFLICT' });
      const votesBefore = (await db.select({ n: count() }).from(changeApprovals).where(eq(changeApprovals.changeId, changeId)))[0].n;
      expect(votesBefore).toBe(0);

      const first = await approveChange(db, owner, { changeId, expectedVersion: await version(), note: 'fine for the shop' });
      expect(first).toMatchObject({ approved: false, state: 'submitted', progress: { ownersMissing: [], cabMissing: 1 } });
      expect(await countChangesAwaitingMe(db, owner)).toBe(waiting - 1);
      expect(await failure(approveChange(db, owner, { changeId, expectedVersion: first.version }))).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/already voted/),
      });
      const cab = await fx.actor('sec-a1@t');
      expect(await countChangesAwaitingMe(db, cab)).toBeGreaterThan(0);
      const second = await approveChange(db, cab, { changeId, expectedVersion: first.version });
      expect(second).toMatchObject({ approved: true, state: 'approved' });
      // Approving twice, or after approval, is refused.
      expect(await failure(approveChange(db, await fx.actor('sec-a2@t'), { changeId, expectedVersion: second.version }))).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/already approved/),
      });
      const state = await loadApprovalState(db, await changeOf(db, changeId));
      expect(state.progress.satisfied).toBe(true);
      expect(state.votes.map((v) => v.approverName).sort()).toEqual(['owner-a', 'sec-a1']);
      const audits = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, changeId), eq(auditLog.action, 'change.approve')));
      expect(audits).toHaveLength(1);
    });

    it('lets an operator schedule, run and close it with evidence; illegal moves are refused', async () => {
      const { db } = get();
      const ops = await fx.actor('operator@t');
      expect(await failure(startChange(db, ops, { changeId }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/cannot be started/) });
      expect(await failure(scheduleChange(db, await fx.actor('security2@t'), { changeId }))).toMatchObject({ code: 'FORBIDDEN' });
      await scheduleChange(db, ops, { changeId });
      await startChange(db, ops, { changeId });
      expect(await failure(recordOutcome(db, ops, { changeId, outcome: 'completed', summary: '' }))).toMatchObject({ code: 'VALIDATION' });
      await recordOutcome(db, ops, {
        changeId,
        outcome: 'completed',
        summary: 'Installed; inventory shows pkg-c 2.0-1',
        links: ['https://tickets.example/CHG-1'],
      });
      await closeChange(db, ops, { changeId });
      const c = await changeOf(db, changeId);
      expect(c).toMatchObject({ state: 'closed', outcome: 'completed' });
      expect(c.evidence).toMatchObject({ summary: expect.stringMatching(/Installed/), assets: { installed: 1 } });
      expect(await failure(cancelChange(db, ops, { changeId, note: 'too late' }))).toMatchObject({ code: 'CONFLICT' });
    });
  });

  describe('rejection', () => {
    it('one rejection rejects; approving after it is refused; a reason is required', async () => {
      const { db } = get();
      const p = await fx.importPatch('CHG-REJ-1', 'pkg-d');
      await authorise(db, fx, p.id, fx.alpha.id);
      const out = await generateChanges(db, await fx.actor('operator@t'), { tenantId: fx.alpha.id, patchIds: [p.id] }, NOW);
      const changeId = out.created.find((c) => c.type === 'normal')!.id;
      const owner = await fx.actor('owner-a@t');
      expect(await failure(rejectChange(db, owner, { changeId, note: '' }))).toMatchObject({ code: 'VALIDATION' });
      await rejectChange(db, owner, { changeId, note: 'quarter-end freeze for the shop' });
      expect((await changeOf(db, changeId)).state).toBe('rejected');
      expect(await failure(approveChange(db, await fx.actor('sec-a1@t'), { changeId }))).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/rejected/),
      });
    });
  });

  describe('scope drift', () => {
    it('refuses approval when an applicable asset joined or moved ring after submission, shows the difference, and accepts after resubmission', async () => {
      const { db } = get();
      const p = await fx.importPatch('CHG-DRIFT-1', 'pkg-e');
      await authorise(db, fx, p.id, fx.alpha.id);
      const out = await generateChanges(db, await fx.actor('security@t'), { tenantId: fx.alpha.id, patchIds: [p.id] }, NOW);
      const changeId = out.created.find((c) => c.type === 'normal')!.id;
      const ops = await fx.actor('operator@t');
      // A new prod asset with the vulnerable package joins the group.
      const added = await createAsset(db, ops, {
        tenant: 'alpha',
        name: 'alpha-shop-web-02',
        kind: 'vm',
        ring: 'prod',
        zone: 'UTC',
        osFamily: 'debian',
        osRelease: '12',
        application: 'shop',
      });
      await giveSoftware(db, added.id);
      const sec = await fx.actor('security@t');
      const drift = await loadScopeDrift(db, sec, changeId);
      expect(drift.added).toEqual([added.id]);
      expect(drift.names[added.id]).toBe('alpha-shop-web-02');
      const owner = await fx.actor('owner-a@t');
      const v = (await changeOf(db, changeId)).version;
      const refused = await failure(approveChange(db, owner, { changeId, expectedVersion: v }));
      expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/drifted.*alpha-shop-web-02.*resubmitted/) });
      expect((await db.select({ n: count() }).from(changeApprovals).where(eq(changeApprovals.changeId, changeId)))[0].n).toBe(0);

      const r = await resubmitChange(db, sec, { changeId, expectedVersion: v });
      expect(r.state).toBe('submitted');
      expect((await db.select().from(changeAssets).where(eq(changeAssets.changeId, changeId))).map((a) => a.assetId).sort()).toEqual(
        [fx.assets.shopWeb.id, added.id].sort(),
      );
      // The asset now moves to dev: drift again, reported as a move.
      const [dev] = await db
        .select()
        .from(rings)
        .where(and(eq(rings.tenantId, fx.alpha.id), eq(rings.name, 'dev')));
      await db.update(assets).set({ ringId: dev.id }).where(eq(assets.id, added.id));
      const moved = await loadScopeDrift(db, sec, changeId);
      expect(moved.moved).toEqual([{ assetId: added.id, from: 'prod', to: 'dev' }]);
      expect(await failure(approveChange(db, owner, { changeId, expectedVersion: r.version }))).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/moved ring.*prod → dev/),
      });
      const r2 = await resubmitChange(db, sec, { changeId, expectedVersion: r.version });
      const ok = await approveChange(db, owner, { changeId, expectedVersion: r2.version });
      expect(ok.progress.ownersMissing).toEqual([]);
    });
  });

  describe('conflicts', () => {
    it('finds a blackout added after planning and another change on the same hypervisor cluster in overlapping time', async () => {
      const { db } = get();
      const ops = await fx.actor('operator@t');
      const host = (name: string, ring: string) =>
        createAsset(db, ops, { tenant: 'beta', name, kind: 'host', ring, zone: 'UTC', osFamily: 'debian', osRelease: '12', cluster: 'cl-1' });
      const h1 = await host('beta-hv-01', 'dev');
      const h2 = await host('beta-hv-02', 'prod');
      await giveSoftware(db, h1.id);
      await giveSoftware(db, h2.id);
      await createWindow(
        get().db,
        ops,
        {
          tenantId: fx.beta.id,
          window: {
            name: 'Nightly',
            recurrence: { kind: 'weekly', days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
            start: '01:00',
            durationMinutes: 240,
            zone: 'UTC',
          },
        },
        NOW,
      );
      const p = await fx.importPatch('CHG-CONF-1', 'pkg-f');
      await authorise(db, fx, p.id, fx.beta.id);
      // One change per ring: dev (standard) and prod (normal), both in the same first night.
      const out = await generateChanges(db, ops, { tenantId: fx.beta.id, patchIds: [p.id] }, NOW);
      const prod = out.created.find((c) => c.type === 'normal')!;
      const slotOf = async (changeId: string, assetId: string) =>
        (
          await db
            .select()
            .from(changeAssets)
            .where(and(eq(changeAssets.changeId, changeId), eq(changeAssets.assetId, assetId)))
        )[0];
      const devChange = (await db.select().from(changeAssets).where(eq(changeAssets.assetId, h1.id)))[0].changeId;
      const h2Slot = await slotOf(prod.id, h2.id);
      // The planner keeps each change's hosts apart; another change's host is moved onto the same hour (a replan, an external window).
      expect(await refreshConflicts(db, ops, prod.id)).toEqual([]);
      await db
        .update(changeAssets)
        .set({ plannedStart: h2Slot.plannedStart, plannedEnd: h2Slot.plannedEnd })
        .where(and(eq(changeAssets.changeId, devChange), eq(changeAssets.assetId, h1.id)));
      const conflicts = await refreshConflicts(db, ops, prod.id);
      expect(conflicts).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'cluster', cluster: 'cl-1', assetId: h2.id, otherAssetId: h1.id })]));

      const slot = (
        await db
          .select()
          .from(changeAssets)
          .where(and(eq(changeAssets.changeId, prod.id), eq(changeAssets.assetId, h2.id)))
      )[0];
      await createBlackout(db, ops, {
        tenantId: fx.beta.id,
        name: 'Year-end freeze',
        startsAt: new Date(slot.plannedStart!.getTime() - 3_600_000).toISOString(),
        endsAt: new Date(slot.plannedEnd!.getTime() + 3_600_000).toISOString(),
      });
      // Adding the blackout refreshed the stored conflicts of the tenant's open changes by itself.
      const stored = (await changeOf(db, prod.id)).conflicts;
      expect(stored).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'blackout', name: 'Year-end freeze', assetId: h2.id })]));
      expect(await refreshConflicts(db, ops, prod.id)).toEqual(stored);
      // A tenant that is not yours sees nothing.
      expect(await failure(refreshConflicts(db, await fx.actor('sec-a1@t'), prod.id))).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('replanning', () => {
    it('replans the open changes of a tenant when a window changes, bumps their version and says what moved', async () => {
      const { db } = get();
      const ops = await fx.actor('operator@t');
      const [win] = await db
        .select()
        .from(maintenanceWindows)
        .where(and(eq(maintenanceWindows.tenantId, fx.alpha.id), eq(maintenanceWindows.name, 'Nightly')));
      const p = await fx.importPatch('CHG-REPLAN-1', 'pkg-h');
      await authorise(db, fx, p.id, fx.alpha.id);
      const out = await generateChanges(db, ops, { tenantId: fx.alpha.id, patchIds: [p.id] }, NOW);
      const before = await changeOf(db, out.created[0].id);
      await updateWindow(db, ops, { windowId: win.id, window: { ...(win.def as object), name: 'Nightly', start: '03:00' } as never }, NOW);
      const after = await changeOf(db, before.id);
      expect(after.version).toBe(before.version + 1);
      expect(after.plannedStart!.getTime()).not.toBe(before.plannedStart!.getTime());
      const [ev] = await db
        .select()
        .from(changeEvents)
        .where(and(eq(changeEvents.changeId, before.id), eq(changeEvents.type, 'replan')));
      expect(ev.payload).toMatchObject({ reason: 'window "Nightly" changed', moved: expect.any(Number) });
      expect((ev.payload as { moved: number }).moved).toBeGreaterThan(0);
      // A page loaded before the replan is stale now.
      expect(await failure(cancelChange(db, ops, { changeId: before.id, expectedVersion: before.version, note: 'x' }))).toMatchObject({ code: 'CONFLICT' });
    });
  });

  describe('CAB', () => {
    it('counts a CAB member (not security) towards the quorum', async () => {
      const { db } = get();
      const p = await fx.importPatch('CHG-CAB-1', 'pkg-g');
      await authorise(db, fx, p.id, fx.alpha.id);
      await db
        .update(assets)
        .set({ ringId: fx.ring(fx.alpha, 'prod') })
        .where(eq(assets.id, fx.assets.shopWeb.id));
      const out = await generateChanges(db, await fx.actor('security@t'), { tenantId: fx.alpha.id, patchIds: [p.id] }, NOW);
      const changeId = out.created.find((c) => c.type === 'normal')!.id;
      const mgr = await fx.actor('manager@t');
      const change = await changeOf(db, changeId);
      expect((await approverCapacities(db, mgr, change)).capacities).toEqual([]);
      await db.insert(cabMembers).values({ tenantId: fx.alpha.id, userId: fx.uid('manager@t') });
      expect((await approverCapacities(db, mgr, change)).capacities).toEqual([{ kind: 'cab' }]);
      await approveChange(db, await fx.actor('owner-a@t'), { changeId });
      const r = await approveChange(db, mgr, { changeId });
      expect(r.state).toBe('approved');
    });
  });
});
