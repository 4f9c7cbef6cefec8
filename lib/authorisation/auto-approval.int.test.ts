import Papa from 'papaparse';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, patchDecisions, patchStatus } from '@/db/schema';
import { describeDb } from '@/lib/testing/db-harness';
import { importDocuments } from '@/lib/intake/import-documents';
import { approveDecision } from './approve-decision';
import { createAutoApprovalRule } from './create-auto-approval-rule';
import { ZHistoryQuery, findHistory } from './history';
import { exportHistoryCsv, HISTORY_CSV_COLUMNS } from './history-csv';
import { failure, osvDoc, seedAuthorisation, systemActor } from './int-fixture';
import { objectToAutoApproval } from './object-to-auto-approval';
import { recordTestResult } from './record-test-result';
import { requestDecision } from './request-decision';
import { runAutoApproval } from './run-auto-approval';
import { setAutoApprovalRuleEnabled } from './set-auto-approval-rule-enabled';
import { startTestRun } from './start-test-run';
import { withdrawObjection } from './withdraw-objection';

const DAY = 86_400_000;
const T0 = new Date('2026-03-02T10:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

describeDb('authorisation: auto-approval, vendor revisions, history', (get) => {
  let fx: Awaited<ReturnType<typeof seedAuthorisation>>;
  let ruleId: string;
  beforeAll(async () => {
    fx = await seedAuthorisation(get().db);
  });

  /** A patch whose alpha test run passed at T0 (+ `offsetDays`). */
  const passedAt = async (vendorId: string, pkg: string, severity = 'HIGH', offsetDays = 0) => {
    const { db } = get();
    const p = await fx.importPatch(vendorId, pkg, { severity });
    const security = await fx.actor('security@t');
    const run = await startTestRun(db, security, { patchId: p.id, tenantId: fx.alpha.id, targetKind: 'ring', target: 'test' }, at(offsetDays));
    await recordTestResult(db, security, { runId: run.runId, assetId: fx.testAssets.alpha1.id, outcome: 'passed', notes: 'smoke tests green' }, at(offsetDays));
    return p;
  };

  it('only admins configure rules; bad input is refused inline', async () => {
    const { db } = get();
    const input = { tenantId: fx.alpha.id, name: 'High after 3 days', minSeverity: 'high' as const, afterDays: 3 };
    expect(await failure(createAutoApprovalRule(db, await fx.actor('security@t'), input))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(createAutoApprovalRule(db, await fx.actor('admin@t'), { ...input, afterDays: '' as unknown as number }))).toMatchObject({
      code: 'VALIDATION',
      fields: ['afterDays'],
    });
    ruleId = (await createAutoApprovalRule(db, await fx.actor('admin@t'), input)).ruleId;
    expect(await failure(createAutoApprovalRule(db, await fx.actor('admin@t'), input))).toMatchObject({ code: 'CONFLICT' });
  });

  it('authorises a passed high patch N days after its test run, attributed to the rule', async () => {
    const { db } = get();
    const high = await passedAt('AUTO-HIGH-1', 'pkg-a');
    const medium = await passedAt('AUTO-MED-1', 'pkg-b', 'MEDIUM');
    expect(await runAutoApproval(db, at(2.9))).toEqual([]);
    const approved = await runAutoApproval(db, at(3));
    expect(approved).toEqual([{ ruleId, rule: 'High after 3 days', tenantId: fx.alpha.id, patchId: high.id, vendorId: 'AUTO-HIGH-1' }]);
    const [st] = await db.select().from(patchStatus).where(eq(patchStatus.patchId, high.id));
    expect(st).toMatchObject({ status: 'authorised', needsReview: false });
    const [d] = await db.select().from(patchDecisions).where(eq(patchDecisions.patchId, high.id));
    expect(d).toMatchObject({ kind: 'authorise', status: 'approved', ruleId, tenantId: fx.alpha.id, requestedBy: null, decidedBy: null, scope: { rings: [] } });
    expect(d.justification).toMatch(/Auto-approved by rule "High after 3 days"/);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, high.id), eq(auditLog.action, 'patch.decision.approve')));
    expect(audit).toMatchObject({ actorId: null, actorLabel: 'system:rule:High after 3 days', tenantId: fx.alpha.id, after: { ruleId, status: 'authorised' } });
    // Below the rule's severity: never. Running again changes nothing (idempotent).
    expect(await runAutoApproval(db, at(30))).toEqual([]);
    const [med] = await db
      .select()
      .from(patchStatus)
      .where(and(eq(patchStatus.patchId, medium.id), eq(patchStatus.tenantId, fx.alpha.id)));
    expect(med.status).toBe('in_testing');
  });

  it('an objection blocks the rule until it is withdrawn; a failed run and a pending request block it too', async () => {
    const { db } = get();
    const p = await passedAt('AUTO-OBJ-1', 'pkg-c');
    const security2 = await fx.actor('security2@t');
    expect(await failure(objectToAutoApproval(db, await fx.actor('owner-a@t'), { patchId: p.id, tenantId: fx.alpha.id, reason: 'x' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await failure(objectToAutoApproval(db, security2, { patchId: p.id, tenantId: fx.alpha.id, reason: ' ' }))).toMatchObject({ code: 'VALIDATION' });
    await objectToAutoApproval(db, security2, {
      patchId: p.id,
      tenantId: fx.alpha.id,
      reason: 'Breaks the payment gateway TLS config; wait for the vendor fix.',
    });
    expect(await runAutoApproval(db, at(10))).toEqual([]);
    await withdrawObjection(db, security2, { patchId: p.id, tenantId: fx.alpha.id });
    expect((await runAutoApproval(db, at(10))).map((a) => a.vendorId)).toEqual(['AUTO-OBJ-1']);

    const failed = await passedAt('AUTO-FAIL-1', 'pkg-d');
    const security = await fx.actor('security@t');
    const run2 = await startTestRun(db, security, { patchId: failed.id, tenantId: fx.alpha.id, targetKind: 'tag', target: 'staging-eu' }, at(1));
    await recordTestResult(db, security, { runId: run2.runId, assetId: fx.testAssets.alpha2.id, outcome: 'failed', notes: 'kernel panic on boot' }, at(1));
    const pending = await passedAt('AUTO-PEND-1', 'pkg-e');
    await requestDecision(db, security, {
      patchId: pending.id,
      kind: 'reject',
      justification: 'Not needed here',
      scope: { tenantIds: [fx.alpha.id] },
      ...(await fx.seenAll(pending.id, [fx.alpha.id])),
    });
    expect(await runAutoApproval(db, at(20))).toEqual([]);
  });

  it('a disabled rule does nothing', async () => {
    const { db } = get();
    await passedAt('AUTO-OFF-1', 'pkg-f');
    await setAutoApprovalRuleEnabled(db, await fx.actor('admin@t'), { ruleId, isEnabled: false });
    expect(await runAutoApproval(db, at(40))).toEqual([]);
    await setAutoApprovalRuleEnabled(db, await fx.actor('admin@t'), { ruleId, isEnabled: true });
    expect((await runAutoApproval(db, at(40))).map((a) => a.vendorId)).toEqual(['AUTO-OFF-1']);
  });

  it('a vendor revision of an authorised patch flags it for review and bumps the version; re-authorising clears it', async () => {
    const { db } = get();
    const p = await passedAt('AUTO-REV-1', 'pkg-g', 'CRITICAL');
    await runAutoApproval(db, at(5));
    const [before] = await db
      .select()
      .from(patchStatus)
      .where(and(eq(patchStatus.patchId, p.id), eq(patchStatus.tenantId, fx.alpha.id)));
    expect(before).toMatchObject({ status: 'authorised', needsReview: false });
    await importDocuments(db, systemActor, [{ name: 'r.json', text: osvDoc('AUTO-REV-1', 'pkg-g', '2.0-3', 'CRITICAL', '2026-04-01T00:00:00Z') }], {
      trigger: 'test',
    });
    const [after] = await db
      .select()
      .from(patchStatus)
      .where(and(eq(patchStatus.patchId, p.id), eq(patchStatus.tenantId, fx.alpha.id)));
    expect(after).toMatchObject({ status: 'authorised', needsReview: true, version: before.version + 1 });
    const review = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, p.id), eq(auditLog.action, 'patch.needs_review')));
    expect(review).toMatchObject([{ tenantId: fx.alpha.id, after: { needsReview: true } }]);
    // Under review: it can be re-tested without losing its authorisation, then re-authorised.
    const security = await fx.actor('security@t');
    const run = await startTestRun(db, security, { patchId: p.id, tenantId: fx.alpha.id, targetKind: 'ring', target: 'test' });
    expect(run.status).toBe('authorised');
    await recordTestResult(db, security, { runId: run.runId, assetId: fx.testAssets.alpha1.id, outcome: 'passed' });
    const { decisionId } = await requestDecision(db, security, {
      patchId: p.id,
      kind: 'authorise',
      justification: 'Revision only adds a CVE; retested.',
      impact: { downtimeMinutes: 0, rebootRequired: false },
      scope: { tenantIds: [fx.alpha.id] },
      ...(await fx.seenAll(p.id, [fx.alpha.id])),
    });
    await approveDecision(db, await fx.actor('security2@t'), { decisionId, ...(await fx.seen(p.id)) });
    const [reviewed] = await db
      .select()
      .from(patchStatus)
      .where(and(eq(patchStatus.patchId, p.id), eq(patchStatus.tenantId, fx.alpha.id)));
    expect(reviewed).toMatchObject({ status: 'authorised', needsReview: false });
    // Without review, an authorised patch can only be revoked.
    expect(await failure(startTestRun(db, security, { patchId: p.id, tenantId: fx.alpha.id, targetKind: 'ring', target: 'test' }))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('from "authorised" to "in testing"'),
    });
  });

  it('the history lists every patch with its runs, failures and why, revisions and decisions, scoped by tenant; the CSV has the same rows', async () => {
    const { db } = get();
    const security = await fx.actor('security@t');
    const page = await findHistory(db, security, ZHistoryQuery.parse({ q: 'AUTO-', sort: 'vendor_id:asc', tenant: 'alpha' }));
    const byId = new Map(page.rows.map((r) => [r.vendorId, r]));
    expect([...byId.keys()]).toEqual(['AUTO-FAIL-1', 'AUTO-HIGH-1', 'AUTO-MED-1', 'AUTO-OBJ-1', 'AUTO-OFF-1', 'AUTO-PEND-1', 'AUTO-REV-1']);
    expect(byId.get('AUTO-FAIL-1')).toMatchObject({
      status: 'in_testing',
      runs: 2,
      passedRuns: 1,
      failedResults: 1,
      lastFailure: { asset: 'alpha-test-02', notes: 'kernel panic on boot' },
    });
    expect(byId.get('AUTO-HIGH-1')?.lastDecision).toMatchObject({ kind: 'authorise', status: 'approved', rule: 'High after 3 days', rings: [] });
    expect(byId.get('AUTO-REV-1')).toMatchObject({ revisions: 2, status: 'authorised', lastDecision: { requestedBy: 'security', decidedBy: 'security2' } });
    const failed = await findHistory(db, security, ZHistoryQuery.parse({ q: 'AUTO-', failed: 'never_applied' }));
    expect(failed.rows.map((r) => r.tenant)).toEqual(['Alpha Corp']);
    expect(failed.rows.map((r) => r.vendorId)).toEqual(['AUTO-FAIL-1']);

    // Beta's app owner sees the patch as it stands in beta (missing there), none of alpha's runs or decisions.
    const ownerB = await findHistory(db, await fx.actor('owner-b@t'), ZHistoryQuery.parse({ q: 'AUTO-HIGH-1' }));
    expect(ownerB.rows).toMatchObject([{ vendorId: 'AUTO-HIGH-1', tenant: 'Beta Ltd', status: 'new', runs: 0, lastDecision: null, lastFailure: null }]);
    const betaOnly = await findHistory(db, security, ZHistoryQuery.parse({ q: 'AUTO-', tenant: 'beta' }));
    expect(betaOnly.rows.every((r) => r.runs === 0 && r.lastDecision === null)).toBe(true);

    const { csv, rows } = await exportHistoryCsv(db, security, ZHistoryQuery.parse({ q: 'AUTO-', sort: 'vendor_id:asc', tenant: 'alpha' }));
    expect(rows).toBe(7);
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
    expect(parsed.meta.fields).toEqual([...HISTORY_CSV_COLUMNS]);
    expect(parsed.data[0]).toMatchObject({ vendor_id: 'AUTO-FAIL-1', status: 'in testing', failed_results: '1', last_failure_notes: 'kernel panic on boot' });
    expect(parsed.data[1]).toMatchObject({
      vendor_id: 'AUTO-HIGH-1',
      status: 'authorised',
      last_decision: 'authorise',
      decided_by: 'rule:High after 3 days',
      tenant: 'Alpha Corp',
      decision_rings: 'all',
    });
  });

  it('CSV cells that would run as spreadsheet formulas are escaped', async () => {
    const { db } = get();
    const security = await fx.actor('security@t');
    const p = await fx.importPatch('AUTO-CSV-1', 'pkg-h');
    await requestDecision(db, security, {
      patchId: p.id,
      kind: 'reject',
      justification: '=HYPERLINK("http://evil")',
      scope: { tenantIds: [fx.alpha.id] },
      ...(await fx.seenAll(p.id, [fx.alpha.id])),
    });
    const { csv } = await exportHistoryCsv(db, security, ZHistoryQuery.parse({ q: 'AUTO-CSV-1' }));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
