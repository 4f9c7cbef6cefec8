import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { importDocuments } from '@/lib/intake/import-documents';
import { findPatches, ZPatchListQuery } from '@/lib/intake/queries';
import { notifications, patchDecisions, patchStatus } from '@/db/schema';
import { describeDb } from '@/lib/testing/db-harness';
import { approveDecision } from './approve-decision';
import { getDecisionView } from './decision-view';
import { NEEDS_PASSED_TEST } from './decision-rules';
import { findHistory, ZHistoryQuery } from './history';
import { auditCount, decisionCount, failure, osvDoc, seedAuthorisation } from './int-fixture';
import { patches } from '@/db/schema';
import { countAwaitingMyApproval, findTestingQueue, ZQueueQuery } from './queries';
import { recordTestResult } from './record-test-result';
import { requestDecision, type TRequestDecision } from './request-decision';
import { startTestRun } from './start-test-run';

const impact = { downtimeMinutes: 0, rebootRequired: false, dependencies: [] as string[] };

/**
 * Each tenant tests and decides for itself. Single-tenant security users (sec-a*@t in alpha, sec-b*@t
 * in beta) act on the same patch: nothing of one tenant — status, names, notes, counts — reaches the other.
 */
describeDb('authorisation per tenant: two tenants on one patch', (get) => {
  let fx: Awaited<ReturnType<typeof seedAuthorisation>>;
  beforeAll(async () => {
    fx = await seedAuthorisation(get().db);
  });
  const request = async (patchId: string, tenantIds: string[], over: Partial<TRequestDecision> = {}): Promise<TRequestDecision> => ({
    patchId,
    kind: 'authorise',
    justification: 'Tested on our test ring.',
    impact,
    scope: { tenantIds, rings: [] },
    ...(await fx.seenAll(patchId, tenantIds)),
    ...over,
  });
  const status = async (patchId: string, tenantId: string) =>
    (
      await get()
        .db.select()
        .from(patchStatus)
        .where(and(eq(patchStatus.patchId, patchId), eq(patchStatus.tenantId, tenantId)))
    )[0]?.status ?? 'new';

  it('alpha’s test, request and approval change nothing in beta; beta decides for itself', async () => {
    const { db } = get();
    const p = await fx.importPatch('ISO-1', 'pkg-a', { severity: 'CRITICAL' });
    const [a1, a2, b1, b2] = await Promise.all(['sec-a1@t', 'sec-a2@t', 'sec-b1@t', 'sec-b2@t'].map((e) => fx.actor(e)));
    const run = await startTestRun(db, a1, { patchId: p.id, tenantId: fx.alpha.id, targetKind: 'ring', target: 'test' });
    expect(await status(p.id, fx.alpha.id)).toBe('in_testing');
    expect(await status(p.id, fx.beta.id)).toBe('new');
    await recordTestResult(db, a1, { runId: run.runId, assetId: fx.testAssets.alpha1.id, outcome: 'passed', notes: 'alpha-only note' });

    // Beta cannot put alpha in its scope, and alpha's passed run does not count for beta.
    expect(await failure(requestDecision(db, b1, await request(p.id, [fx.alpha.id])))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(requestDecision(db, b1, await request(p.id, [fx.beta.id])))).toMatchObject({ code: 'VALIDATION', message: NEEDS_PASSED_TEST });

    // A pending request in alpha does not block beta, and beta's refusals never name alpha's users.
    const alphaReq = await requestDecision(db, a1, await request(p.id, [fx.alpha.id]));
    const betaReq = await requestDecision(db, b1, await request(p.id, [fx.beta.id], { kind: 'defer', impact: undefined, deferredUntil: '2099-01-01' }));
    const again = await failure(requestDecision(db, b2, await request(p.id, [fx.beta.id], { kind: 'reject', impact: undefined })));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('sec-b1');
    expect(again.message).not.toContain('sec-a1');

    // Beta's users cannot see or decide alpha's request; alpha's second user can.
    expect(await failure(approveDecision(db, b2, { decisionId: alphaReq.decisionId, ...(await fx.seen(p.id, fx.alpha.id)) }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await countAwaitingMyApproval(db, b2)).toBe(1);
    expect(await countAwaitingMyApproval(db, a2)).toBe(1);
    expect(await countAwaitingMyApproval(db, a1)).toBe(0);
    const awaiting = await findTestingQueue(db, a2, ZQueueQuery.parse({ status: 'awaiting' }));
    expect(awaiting.rows.map((r) => [r.vendorId, r.tenant, r.isAwaitingMe])).toEqual([['ISO-1', 'Alpha Corp', true]]);
    await approveDecision(db, a2, { decisionId: alphaReq.decisionId, ...(await fx.seen(p.id, fx.alpha.id)) });
    expect(await status(p.id, fx.alpha.id)).toBe('authorised');
    expect(await status(p.id, fx.beta.id)).toBe('new');

    // Beta's queue still has the patch (alpha's approval removed it only from alpha's queue).
    const betaQueue = await findTestingQueue(db, b1, ZQueueQuery.parse({ q: 'ISO-1' }));
    expect(betaQueue.rows).toMatchObject([{ vendorId: 'ISO-1', tenant: 'Beta Ltd', status: 'new', runs: 0, hasPendingRequest: true }]);
    const alphaQueue = await findTestingQueue(db, a1, ZQueueQuery.parse({ q: 'ISO-1' }));
    expect(alphaQueue.rows).toEqual([]);

    // The decision page for beta shows beta only: no alpha status, run, result note, decision or name.
    const view = await getDecisionView(db, b1, p.id);
    expect(view.states.map((s) => [s.tenant, s.status])).toEqual([['Beta Ltd', 'new']]);
    expect(view.runs).toEqual([]);
    expect(view.decisions.map((d) => d.tenantId)).toEqual([fx.beta.id]);
    const text = JSON.stringify(view);
    for (const leak of ['sec-a1', 'sec-a2', 'alpha-only note', 'Alpha Corp', fx.alpha.id]) expect(text, leak).not.toContain(leak);
    const history = await findHistory(db, b1, ZHistoryQuery.parse({ q: 'ISO-1' }));
    expect(history.rows).toMatchObject([
      { tenant: 'Beta Ltd', status: 'new', runs: 0, passedRuns: 0, lastDecision: { kind: 'defer', status: 'requested', requestedBy: 'sec-b1' } },
    ]);
    expect(JSON.stringify(history)).not.toContain('sec-a');

    // Notifications: alpha's second approver was asked, the requester told; beta's users heard nothing of alpha.
    const rows = await db.select().from(notifications).where(eq(notifications.patchId, p.id));
    const of = (email: string) =>
      rows
        .filter((n) => n.recipientId === fx.uid(email))
        .map((n) => n.kind)
        .sort();
    expect(of('sec-a2@t')).toContain('decision.awaiting');
    expect(of('sec-a1@t')).toContain('decision.decided');
    expect(rows.filter((n) => n.tenantId === fx.beta.id && n.subject.includes('sec-a'))).toEqual([]);
    expect(of('sec-b2@t')).toContain('decision.awaiting');
    expect(betaReq.decisionIds).toHaveLength(1);
  });

  it('one request may cover several tenants only where each has its own passed run or emergency reason; each tenant is approved on its own', async () => {
    const { db } = get();
    const p = await fx.importPatch('ISO-2', 'pkg-b');
    const staff = await fx.actor('security@t');
    const run = await startTestRun(db, staff, { patchId: p.id, tenantId: fx.alpha.id, targetKind: 'ring', target: 'test' });
    await recordTestResult(db, staff, { runId: run.runId, assetId: fx.testAssets.alpha1.id, outcome: 'passed' });
    const n = await decisionCount(db);
    const audits = await auditCount(db);
    const both = [fx.alpha.id, fx.beta.id];
    const refused = await failure(requestDecision(db, staff, await request(p.id, both)));
    expect(refused).toMatchObject({ code: 'VALIDATION', message: `Beta Ltd: ${NEEDS_PASSED_TEST}` });
    // An emergency reason for alpha does not cover beta.
    const oneReason = await failure(
      requestDecision(db, staff, await request(p.id, both, { isEmergency: true, emergencyReasons: { [fx.alpha.id]: 'exploited' } })),
    );
    expect(oneReason).toMatchObject({ code: 'VALIDATION', fields: [`emergencyReasons.${fx.beta.id}`] });
    expect(await decisionCount(db)).toBe(n);
    expect(await auditCount(db)).toBe(audits);

    const res = await requestDecision(
      db,
      staff,
      await request(p.id, both, {
        isEmergency: true,
        emergencyReasons: { [fx.alpha.id]: 'Exploited at Alpha’s edge.', [fx.beta.id]: 'Beta’s ledger is exposed.' },
      }),
    );
    expect(res.decisionIds).toHaveLength(2);
    const rows = await db.select().from(patchDecisions).where(inArray(patchDecisions.id, res.decisionIds));
    expect(new Set(rows.map((r) => r.requestGroupId))).toEqual(new Set([res.decisionId]));
    expect(rows.map((r) => [r.tenantId === fx.alpha.id ? 'alpha' : 'beta', r.emergencyReason]).sort()).toEqual([
      ['alpha', 'Exploited at Alpha’s edge.'],
      ['beta', 'Beta’s ledger is exposed.'],
    ]);
    const alphaRow = rows.find((r) => r.tenantId === fx.alpha.id)!;
    await approveDecision(db, await fx.actor('sec-a1@t'), { decisionId: alphaRow.id, ...(await fx.seen(p.id, fx.alpha.id)) });
    expect(await status(p.id, fx.alpha.id)).toBe('authorised');
    expect(await status(p.id, fx.beta.id)).toBe('new');
  });

  it('the history and queue of a single-tenant user count only their tenant', async () => {
    const { db } = get();
    const p = await fx.importPatch('ISO-3', 'pkg-c');
    const a1 = await fx.actor('sec-a1@t');
    await startTestRun(db, a1, { patchId: p.id, tenantId: fx.alpha.id, targetKind: 'ring', target: 'test' });
    const b1 = await fx.actor('sec-b1@t');
    const [betaRow] = (await findTestingQueue(db, b1, ZQueueQuery.parse({ q: 'ISO-3' }))).rows;
    expect(betaRow).toMatchObject({ tenant: 'Beta Ltd', affected: 2, runs: 0, status: 'new' });
    const [alphaRow] = (await findTestingQueue(db, a1, ZQueueQuery.parse({ q: 'ISO-3' }))).rows;
    expect(alphaRow).toMatchObject({ tenant: 'Alpha Corp', affected: 3, runs: 1, status: 'in_testing' });
  });

  it('a tenant’s private advisory cannot be tested, decided or viewed from another tenant', async () => {
    const { db } = get();
    const a1 = await fx.actor('sec-a1@t');
    await importDocuments(db, a1, [{ name: 'priv.json', text: osvDoc('ISO-PRIV-1', 'pkg-d', '2.0-1', 'CRITICAL') }], {
      trigger: 'test',
      tenantId: fx.alpha.id,
    });
    const [p] = await db.select().from(patches).where(eq(patches.vendorId, 'ISO-PRIV-1'));
    expect(p.tenantId).toBe(fx.alpha.id);
    const b1 = await fx.actor('sec-b1@t');
    expect(await failure(getDecisionView(db, b1, p.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(startTestRun(db, b1, { patchId: p.id, tenantId: fx.beta.id, targetKind: 'ring', target: 'test' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    // Staff of both tenants cannot carry alpha's private advisory into beta either.
    const staff = await fx.actor('security@t');
    const intoBeta = {
      patchId: p.id,
      kind: 'reject' as const,
      justification: 'x',
      scope: { tenantIds: [fx.beta.id] },
      expectedVersions: { [fx.beta.id]: 0 },
      expectedContentHash: p.contentHash,
    };
    expect(await failure(requestDecision(db, staff, intoBeta))).toMatchObject({ code: 'NOT_FOUND' });
    const view = await getDecisionView(db, staff, p.id);
    expect(view.states.map((s) => s.tenant)).toEqual(['Alpha Corp']);
    expect((await findTestingQueue(db, b1, ZQueueQuery.parse({ q: 'ISO-PRIV-1' }))).rows).toEqual([]);
    expect((await findTestingQueue(db, a1, ZQueueQuery.parse({ q: 'ISO-PRIV-1' }))).rows.map((r) => r.tenant)).toEqual(['Alpha Corp']);
  });

  it('the patches list shows and filters the authorisation status per tenant of the reader', async () => {
    const { db } = get();
    const list = async (email: string, status?: string) => (await findPatches(db, await fx.actor(email), ZPatchListQuery.parse({ q: 'ISO-1', status }))).rows;
    // ISO-1 was authorised in alpha only (first test).
    expect((await list('sec-a1@t')).map((r) => r.statuses)).toEqual([[{ tenant: 'Alpha Corp', status: 'authorised' }]]);
    expect((await list('sec-b1@t')).map((r) => r.statuses)).toEqual([[{ tenant: 'Beta Ltd', status: 'new' }]]);
    expect((await list('security@t')).map((r) => r.statuses)).toEqual([
      [
        { tenant: 'Alpha Corp', status: 'authorised' },
        { tenant: 'Beta Ltd', status: 'new' },
      ],
    ]);
    expect((await list('sec-a1@t', 'authorised')).map((r) => r.vendorId)).toEqual(['ISO-1']);
    expect(await list('sec-b1@t', 'authorised')).toEqual([]);
    expect((await list('sec-b1@t', 'new')).map((r) => r.vendorId)).toEqual(['ISO-1']);
  });
});
