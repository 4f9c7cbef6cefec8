import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, patchDecisions, patchStatus, testRuns } from '@/db/schema';
import { describeDb } from '@/lib/testing/db-harness';
import { utcDate } from '@/lib/domain/patch-lifecycle';
import { importDocuments } from '@/lib/intake/import-documents';
import { approveDecision } from './approve-decision';
import { NEEDS_PASSED_TEST } from './decision-rules';
import { getDecisionView } from './decision-view';
import { auditCount, decisionCount, failure, osvDoc, seedAuthorisation, systemActor } from './int-fixture';
import { STALE_PATCH } from './patch-state';
import { findTestingQueue, getEvidenceFile, ZQueueQuery } from './queries';
import { recordTestResult } from './record-test-result';
import { refuseDecision } from './refuse-decision';
import { requestDecision, type TRequestDecision } from './request-decision';
import { startTestRun } from './start-test-run';
import { MAX_EVIDENCE_BYTES, uploadTestEvidence } from './upload-test-evidence';

const DAY = 86_400_000;
const impact = { downtimeMinutes: 5, rebootRequired: false, dependencies: [] as string[] };

describeDb('authorisation: testing and four-eyes decisions', (get) => {
  let fx: Awaited<ReturnType<typeof seedAuthorisation>>;
  beforeAll(async () => {
    fx = await seedAuthorisation(get().db);
  });

  /** A patch with a run on alpha's test ring; `outcome` recorded on its first asset. */
  const testedPatch = async (vendorId: string, pkg: string, outcome: 'passed' | 'failed' | null = 'passed') => {
    const { db } = get();
    const p = await fx.importPatch(vendorId, pkg);
    const security = await fx.actor('security@t');
    const run = await startTestRun(db, security, { patchId: p.id, tenantId: fx.alpha.id, targetKind: 'ring', target: 'test' });
    if (outcome)
      await recordTestResult(db, security, {
        runId: run.runId,
        assetId: fx.testAssets.alpha1.id,
        outcome,
        notes: outcome === 'failed' ? 'service did not come back' : 'ok',
        healthCheck: 'healthy',
      });
    return { patch: p, runId: run.runId };
  };
  const authorise = async (patchId: string, over: Partial<TRequestDecision> = {}): Promise<TRequestDecision> => ({
    patchId,
    kind: 'authorise',
    justification: 'Fixes a remotely exploitable bug; tested on the test ring.',
    impact,
    scope: { tenantIds: [fx.alpha.id], rings: [] },
    ...(await fx.seenAll(patchId, over.scope?.tenantIds ?? [fx.alpha.id])),
    ...over,
  });

  it('a test run targets the tenant’s test ring where the patch applies, and moves the patch to in testing', async () => {
    const { db } = get();
    const p = await fx.importPatch('TEST-RUN-1', 'pkg-a');
    const security = await fx.actor('security@t');
    const ring = await startTestRun(db, security, { patchId: p.id, tenantId: fx.alpha.id, targetKind: 'ring', target: 'test' });
    expect(ring).toMatchObject({ assets: 2, status: 'in_testing' });
    const tag = await startTestRun(db, security, { patchId: p.id, tenantId: fx.alpha.id, targetKind: 'tag', target: 'staging-eu' });
    expect(tag.assets).toBe(1);
    const [run] = await db.select().from(testRuns).where(eq(testRuns.id, tag.runId));
    expect(run).toMatchObject({ target: 'tag:staging-eu', tenantId: fx.alpha.id, patchContentHash: p.contentHash, status: 'open' });
    const [st] = await db.select().from(patchStatus).where(eq(patchStatus.patchId, p.id));
    expect(st).toMatchObject({ status: 'in_testing', version: 1 });
    // A ring without applicable assets is refused with the reason.
    const none = await failure(startTestRun(db, security, { patchId: p.id, tenantId: fx.alpha.id, targetKind: 'tag', target: 'no-such-env' }));
    expect(none).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/No asset of Alpha Corp .* has this patch applicable/) });
  });

  it('a failed or blocked result needs a reason; evidence links must be http(s)', async () => {
    const { db } = get();
    const { runId } = await testedPatch('TEST-RES-1', 'pkg-b', null);
    const security = await fx.actor('security@t');
    expect(await failure(recordTestResult(db, security, { runId, assetId: fx.testAssets.alpha1.id, outcome: 'failed' }))).toMatchObject({
      code: 'VALIDATION',
      fields: ['notes'],
    });
    expect(
      await failure(recordTestResult(db, security, { runId, assetId: fx.testAssets.alpha1.id, outcome: 'passed', evidenceLinks: ['javascript:alert(1)'] })),
    ).toMatchObject({ code: 'VALIDATION' });
    const ok = await recordTestResult(db, security, {
      runId,
      assetId: fx.testAssets.alpha1.id,
      outcome: 'blocked',
      notes: 'maintenance freeze on that host',
      evidenceLinks: ['https://ci.example/job/1'],
    });
    expect(ok.runStatus).toBe('open');
    expect((await recordTestResult(db, security, { runId, assetId: fx.testAssets.alpha2.id, outcome: 'passed' })).runStatus).toBe('passed');
  });

  it('four eyes: the requester cannot approve (even calling the use-case directly); another security user can', async () => {
    const { db } = get();
    const { patch } = await testedPatch('TEST-4EYES-1', 'pkg-c');
    const a = await fx.actor('security@t');
    const b = await fx.actor('security2@t');
    const { decisionId } = await requestDecision(db, a, await authorise(patch.id));
    const before = await auditCount(db);
    const own = await failure(approveDecision(db, a, { decisionId, ...(await fx.seen(patch.id)) }));
    expect(own).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/four eyes/) });
    expect(await failure(refuseDecision(db, a, { decisionId, ...(await fx.seen(patch.id)), note: 'never mind' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await auditCount(db)).toBe(before);
    const res = await approveDecision(db, b, { decisionId, ...(await fx.seen(patch.id)), note: 'agreed' });
    expect(res).toEqual({ status: 'authorised', version: 2 });
    const [d] = await db.select().from(patchDecisions).where(eq(patchDecisions.id, decisionId));
    expect(d).toMatchObject({
      status: 'approved',
      requestedBy: fx.uid('security@t'),
      decidedBy: fx.uid('security2@t'),
      decisionNote: 'agreed',
      impact: { downtimeMinutes: 5, rebootRequired: false },
    });
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, patch.id), eq(auditLog.action, 'patch.decision.approve')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorLabel: 'security2@t', tenantId: fx.alpha.id, after: { status: 'authorised', decisionId } });
    // Approving twice is refused.
    expect(await failure(approveDecision(db, b, { decisionId, ...(await fx.seen(patch.id)) }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already approved/),
    });
    // An authorisation can be revoked (four eyes again); the patch is back in the queue.
    const revoke = await requestDecision(
      db,
      b,
      await authorise(patch.id, { kind: 'revoke', impact: undefined, justification: 'Breaks TLS on legacy clients.' }),
    );
    expect(await approveDecision(db, a, { decisionId: revoke.decisionId, ...(await fx.seen(patch.id)) })).toEqual({ status: 'revoked', version: 3 });
    expect((await findTestingQueue(db, a, ZQueueQuery.parse({ q: 'TEST-4EYES-1', tenant: 'alpha' }))).rows).toMatchObject([{ status: 'revoked' }]);
  });

  it('an admin may act as the second approver; a refusal needs a note and changes nothing on the patch', async () => {
    const { db } = get();
    const { patch } = await testedPatch('TEST-REFUSE-1', 'pkg-d');
    const { decisionId } = await requestDecision(db, await fx.actor('security@t'), await authorise(patch.id, { kind: 'reject', impact: undefined }));
    const admin = await fx.actor('admin@t');
    expect(await failure(refuseDecision(db, admin, { decisionId, ...(await fx.seen(patch.id)) }))).toMatchObject({
      code: 'VALIDATION',
      message: 'Say why you refuse this request.',
    });
    await refuseDecision(db, admin, { decisionId, ...(await fx.seen(patch.id)), note: 'It passed; authorise it instead.' });
    const [st] = await db
      .select()
      .from(patchStatus)
      .where(and(eq(patchStatus.patchId, patch.id), eq(patchStatus.tenantId, fx.alpha.id)));
    expect(st.status).toBe('in_testing');
  });

  it('authorising without a passed test run is refused; an emergency with a written reason is not', async () => {
    const { db } = get();
    const a = await fx.actor('security@t');
    const failed = await testedPatch('TEST-NOPASS-1', 'pkg-e', 'failed');
    const untested = await fx.importPatch('TEST-NOPASS-2', 'pkg-f');
    const n = await decisionCount(db);
    expect(await failure(requestDecision(db, a, await authorise(failed.patch.id)))).toEqual({
      code: 'VALIDATION',
      message: NEEDS_PASSED_TEST,
      fields: ['isEmergency'],
    });
    expect(await failure(requestDecision(db, a, await authorise(untested.id)))).toMatchObject({ code: 'VALIDATION', message: NEEDS_PASSED_TEST });
    // A passed run in another tenant does not count for this scope.
    expect(await failure(requestDecision(db, a, await authorise(failed.patch.id, { scope: { tenantIds: [fx.beta.id], rings: [] } })))).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await failure(requestDecision(db, a, await authorise(untested.id, { isEmergency: true })))).toMatchObject({
      code: 'VALIDATION',
      fields: [`emergencyReasons.${fx.alpha.id}`],
    });
    expect(await decisionCount(db)).toBe(n);

    const { decisionId } = await requestDecision(
      db,
      a,
      await authorise(untested.id, { isEmergency: true, emergencyReasons: { [fx.alpha.id]: 'Actively exploited (KEV); no time to test.' } }),
    );
    expect(await approveDecision(db, await fx.actor('security2@t'), { decisionId, ...(await fx.seen(untested.id)) })).toMatchObject({ status: 'authorised' });
  });

  it('refuses empty justifications, impact without numbers, a deferral in the past and illegal transitions; nothing is written', async () => {
    const { db } = get();
    const a = await fx.actor('security@t');
    const { patch } = await testedPatch('TEST-BAD-1', 'pkg-g');
    const n = await decisionCount(db);
    const audits = await auditCount(db);
    expect(await failure(requestDecision(db, a, await authorise(patch.id, { justification: '   ' })))).toMatchObject({
      code: 'VALIDATION',
      message: 'A justification is required.',
      fields: ['justification'],
    });
    for (const downtimeMinutes of ['', 'soon', -5, 2.5] as unknown[]) {
      const res = await failure(requestDecision(db, a, await authorise(patch.id, { impact: { ...impact, downtimeMinutes: downtimeMinutes as number } })));
      expect(res, String(downtimeMinutes)).toMatchObject({ code: 'VALIDATION', fields: ['impact.downtimeMinutes'] });
    }
    expect(await failure(requestDecision(db, a, await authorise(patch.id, { impact: undefined })))).toMatchObject({
      code: 'VALIDATION',
      fields: ['impact.downtimeMinutes'],
    });
    const yesterday = utcDate(new Date(Date.now() - DAY));
    const past = await failure(requestDecision(db, a, await authorise(patch.id, { kind: 'defer', impact: undefined, deferredUntil: yesterday })));
    expect(past).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/must be in the future/), fields: ['deferredUntil'] });
    const today = await failure(requestDecision(db, a, await authorise(patch.id, { kind: 'defer', impact: undefined, deferredUntil: utcDate(new Date()) })));
    expect(today.code).toBe('VALIDATION');
    const revoke = await failure(requestDecision(db, a, await authorise(patch.id, { kind: 'revoke', impact: undefined })));
    expect(revoke).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('from "in testing" to "revoked"') });
    expect(await failure(requestDecision(db, a, await authorise(patch.id, { impact: { ...impact, dependencies: ['NO-SUCH-PATCH'] } })))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/Unknown dependency/),
    });
    expect(await decisionCount(db)).toBe(n);
    expect(await auditCount(db)).toBe(audits);
  });

  it('optimistic concurrency: a vendor revision between page load and decision is refused with "reload", nothing written', async () => {
    const { db } = get();
    const a = await fx.actor('security@t');
    const b = await fx.actor('security2@t');
    const { patch } = await testedPatch('TEST-CONC-1', 'pkg-h');
    // Request made against the loaded page; then the vendor revises the advisory.
    const loaded = await fx.seen(patch.id);
    const loadedAll = await fx.seenAll(patch.id, [fx.alpha.id]);
    const { decisionId } = await requestDecision(db, a, await authorise(patch.id));
    await importDocuments(db, systemActor, [{ name: 'r.json', text: osvDoc('TEST-CONC-1', 'pkg-h', '2.0-2', 'HIGH', '2026-02-01T00:00:00Z') }], {
      trigger: 'test',
    });
    const n = await decisionCount(db);
    const audits = await auditCount(db);
    const approve = await failure(approveDecision(db, b, { decisionId, ...loaded }));
    expect(approve).toMatchObject({ code: 'CONFLICT', message: STALE_PATCH });
    expect(await failure(requestDecision(db, b, { ...(await authorise(patch.id)), ...loadedAll }))).toMatchObject({ code: 'CONFLICT', message: STALE_PATCH });
    const [d] = await db.select().from(patchDecisions).where(eq(patchDecisions.id, decisionId));
    expect(d.status).toBe('requested');
    const [st] = await db
      .select()
      .from(patchStatus)
      .where(and(eq(patchStatus.patchId, patch.id), eq(patchStatus.tenantId, fx.alpha.id)));
    expect(st.status).toBe('in_testing');
    expect(await decisionCount(db)).toBe(n);
    expect(await auditCount(db)).toBe(audits);
    // Even after reloading, the request itself was made for the old content: refuse it and ask again.
    expect(await failure(approveDecision(db, b, { decisionId, ...(await fx.seen(patch.id)) }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/refuse it and request again/),
    });
    await refuseDecision(db, b, { decisionId, ...(await fx.seen(patch.id)), note: 'stale after revision' });
    // The old run tested the old content: a new authorisation needs a new passed run.
    expect(await failure(requestDecision(db, a, await authorise(patch.id)))).toMatchObject({ code: 'VALIDATION', message: NEEDS_PASSED_TEST });
  });

  it('another decision since the page loaded is refused the same way', async () => {
    const { db } = get();
    const { patch } = await testedPatch('TEST-CONC-2', 'pkg-i');
    const loaded = await fx.seenAll(patch.id, [fx.alpha.id]);
    const { decisionId } = await requestDecision(db, await fx.actor('security@t'), await authorise(patch.id, { kind: 'reject', impact: undefined }));
    await approveDecision(db, await fx.actor('admin@t'), { decisionId, ...(await fx.seen(patch.id)) });
    expect(
      await failure(requestDecision(db, await fx.actor('security2@t'), { ...(await authorise(patch.id, { kind: 'reject', impact: undefined })), ...loaded })),
    ).toMatchObject({ code: 'CONFLICT', message: STALE_PATCH });
  });

  it('a deferred patch leaves the queue and returns after its date (injectable clock)', async () => {
    const { db } = get();
    const a = await fx.actor('security@t');
    const { patch } = await testedPatch('TEST-DEFER-1', 'pkg-j');
    const now = new Date();
    const until = utcDate(new Date(now.getTime() + 3 * DAY));
    const { decisionId } = await requestDecision(db, a, await authorise(patch.id, { kind: 'defer', impact: undefined, deferredUntil: until }), now);
    await approveDecision(db, await fx.actor('security2@t'), { decisionId, ...(await fx.seen(patch.id)) }, now);
    const queue = async (at: Date) => (await findTestingQueue(db, a, ZQueueQuery.parse({ q: 'TEST-DEFER-1', tenant: 'alpha' }), at)).rows;
    expect(await queue(now)).toEqual([]);
    expect(await queue(new Date(now.getTime() + 2 * DAY))).toEqual([]);
    const back = await queue(new Date(`${until}T00:00:00Z`));
    expect(back).toMatchObject([{ vendorId: 'TEST-DEFER-1', status: 'new', stored: 'deferred', deferredUntil: until }]);
    // And it can be worked on again from that date.
    const later = new Date(`${until}T09:00:00Z`);
    expect(await startTestRun(db, a, { patchId: patch.id, tenantId: fx.alpha.id, targetKind: 'ring', target: 'test' }, later)).toMatchObject({
      status: 'in_testing',
    });
  });

  it('an authorisation records its time mode (empty = the tenant default) and the page shows it; an invalid one is refused, nothing written', async () => {
    const { db } = get();
    const a = await fx.actor('security@t');
    const b = await fx.actor('security2@t');
    const { patch } = await testedPatch('TEST-TIME-1', 'pkg-n');
    const n = await decisionCount(db);
    const audits = await auditCount(db);
    const invalid = await failure(requestDecision(db, a, await authorise(patch.id, { timeMode: 'sometimes' as 'local' })));
    expect(invalid).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/local or absolute/), fields: ['timeMode'] });
    const notAuthorise = await failure(requestDecision(db, a, await authorise(patch.id, { kind: 'reject', impact: undefined, timeMode: 'absolute' })));
    expect(notAuthorise).toMatchObject({ code: 'VALIDATION', message: 'Only an authorisation has a time mode.', fields: ['timeMode'] });
    expect(await decisionCount(db)).toBe(n);
    expect(await auditCount(db)).toBe(audits);

    const byDefault = await requestDecision(db, a, await authorise(patch.id, { timeMode: '' }));
    const [first] = await db.select().from(patchDecisions).where(eq(patchDecisions.id, byDefault.decisionId));
    expect(first.timeMode).toBeNull();
    await refuseDecision(db, b, {
      decisionId: byDefault.decisionId,
      ...(await fx.seen(patch.id)),
      note: 'Needs one instant: the cluster must not mix versions.',
    });

    const { decisionId } = await requestDecision(db, a, await authorise(patch.id, { timeMode: 'absolute' }));
    const [row] = await db.select().from(patchDecisions).where(eq(patchDecisions.id, decisionId));
    expect(row).toMatchObject({ kind: 'authorise', status: 'requested', timeMode: 'absolute' });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, patch.id), eq(auditLog.action, 'patch.decision.request')))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(audit.after).toMatchObject({ decisionId, timeMode: 'absolute' });
    const pending = await getDecisionView(db, b, patch.id);
    expect(pending.pending.map((d) => [d.id, d.timeMode])).toEqual([[decisionId, 'absolute']]);

    await approveDecision(db, b, { decisionId, ...(await fx.seen(patch.id)) });
    const decided = await getDecisionView(db, a, patch.id);
    expect(decided.decisions.map((d) => [d.status, d.timeMode])).toEqual([
      ['approved', 'absolute'],
      ['refused', null],
    ]);
  });

  it('the queue orders by KEV, severity, SLA deadline, then affected count', async () => {
    const { db } = get();
    await fx.importPatch('TEST-Q-LOW', 'pkg-k', { severity: 'LOW' });
    await fx.importPatch('TEST-Q-CRIT', 'pkg-l', { severity: 'CRITICAL' });
    const rows = (await findTestingQueue(db, await fx.actor('security@t'), ZQueueQuery.parse({ q: 'TEST-Q-', tenant: 'alpha' }))).rows;
    expect(rows.map((r) => r.vendorId)).toEqual(['TEST-Q-CRIT', 'TEST-Q-LOW']);
    expect(rows[0].due?.slice(0, 10)).toBe('2026-01-08'); // published 1 Jan + 7 days (critical SLA)
  });

  it('app owners, managers and auditors cannot test or decide; another tenant’s evidence is not found', async () => {
    const { db } = get();
    const { patch, runId } = await testedPatch('TEST-ROLES-1', 'pkg-m');
    const { decisionId } = await requestDecision(db, await fx.actor('security@t'), await authorise(patch.id));
    for (const who of ['owner-a@t', 'manager@t', 'auditor@t', 'operator@t']) {
      const actor = await fx.actor(who);
      expect(await failure(startTestRun(db, actor, { patchId: patch.id, tenantId: fx.alpha.id, targetKind: 'ring', target: 'test' })), who).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await failure(recordTestResult(db, actor, { runId, assetId: fx.testAssets.alpha2.id, outcome: 'passed' })), who).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await failure(requestDecision(db, actor, await authorise(patch.id))), who).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(approveDecision(db, actor, { decisionId, ...(await fx.seen(patch.id)) })), who).toMatchObject({ code: 'FORBIDDEN' });
    }
    const security = await fx.actor('security@t');
    expect(
      await failure(
        uploadTestEvidence(db, security, { runId, assetId: fx.testAssets.alpha1.id, filename: 'big.log', data: new Uint8Array(MAX_EVIDENCE_BYTES + 1) }),
      ),
    ).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const { evidenceId } = await uploadTestEvidence(db, security, {
      runId,
      assetId: fx.testAssets.alpha1.id,
      filename: 'smoke.log',
      contentType: 'text/plain',
      data: new TextEncoder().encode('all green'),
    });
    expect(Buffer.from((await getEvidenceFile(db, await fx.actor('owner-a@t'), patch.id, evidenceId)).data).toString()).toBe('all green');
    expect(await failure(getEvidenceFile(db, await fx.actor('owner-b@t'), patch.id, evidenceId))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
