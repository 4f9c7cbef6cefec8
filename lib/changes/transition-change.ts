import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { changeApprovals, changeAssets, changeComments, changeRequests } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, can, rolesIn, type TActor, type TPermission } from '@/lib/auth/permissions';
import {
  approvalProgress,
  isScopeDiffEmpty,
  transition,
  toChangeState,
  type TApprovalCapacity,
  type TChangeEvent,
  type TChangeType,
  type TConflict,
  type TScopeDiff,
} from '@/lib/domain/change';
import type { TChangeGrouping } from '@/lib/domain/policy';
import { AppError, parseInput } from '@/lib/errors';
import { loadBlackouts, loadTenantPolicy, loadWindows } from '@/lib/scheduling/queries';
import { afterChangeCommit, type TAfterCommit } from './after-commit';
import { approverCapacities, changeApplications, currentVotes, isAwaitingApproval } from './approvers';
import { recordChangeEvent } from './events';
import { changeRisk, loadAuthorisedPatches, toPlanPatch } from './generate-changes';
import { assetNames, computeConflicts, planAndStore, type TPlanMoves } from './plan-change';
import { changeContext, computeDrift, liveScope, recordedScope, scopeHash } from './scope';

export const CHANGE_NOT_FOUND = 'Change not found.';
export const STALE_CHANGE = 'This change was updated after you opened it (a vote, a transition or a new plan): reload the page and check it again.';

const ZBase = z.object({
  changeId: z.string().uuid(CHANGE_NOT_FOUND),
  /** The version the caller saw; every person's action sends it. An external system may omit it. */
  expectedVersion: z.number().int().positive().optional(),
});
const ZNote = z.string().trim().max(4000, 'Keep the note under 4,000 characters.');

export const ZChangeAction = ZBase.extend({ note: ZNote.optional() });
export type TChangeAction = z.input<typeof ZChangeAction>;
export const ZChangeReasoned = ZBase.extend({ note: ZNote.min(1, 'Say why.') });
export type TChangeReasoned = z.input<typeof ZChangeReasoned>;

export const ZRecordOutcome = ZBase.extend({
  outcome: z.enum(['completed', 'failed'], { error: 'The outcome is completed or failed.' }),
  summary: z.string().trim().min(1, 'Describe what was done and how it was verified.').max(4000, 'Keep the summary under 4,000 characters.'),
  links: z.array(z.string().trim().url('Each evidence link must be a URL.')).max(20, 'At most 20 links.').default([]),
  /** Per-asset outcomes; unlisted assets are installed when the change completed, unknown when it failed. */
  assets: z
    .array(z.object({ assetId: z.string().uuid(), outcome: z.enum(['installed', 'failed', 'skipped']) }))
    .max(200_000)
    .default([]),
});
export type TRecordOutcome = z.input<typeof ZRecordOutcome>;

export const ZImplementationWindow = ZBase.extend({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) }).refine(
  (w) => Date.parse(w.end) > Date.parse(w.start),
  { path: ['end'], message: 'The implementation window must end after it starts.' },
);
export type TImplementationWindow = z.input<typeof ZImplementationWindow>;

export const ZChangeComment = z.object({
  changeId: z.string().uuid(CHANGE_NOT_FOUND),
  body: z.string().trim().min(1, 'Write a comment.').max(4000, 'Keep comments under 4,000 characters.'),
});

type TChangeRow = typeof changeRequests.$inferSelect;
type TTx = TDb;

/** Locks the change; a change of a tenant the actor has no role in reads as not found; `permission` is checked in its tenant. */
async function loadForWrite(tx: TTx, actor: TActor, changeId: string, permission: TPermission | null): Promise<TChangeRow> {
  const [change] = await tx.select().from(changeRequests).where(eq(changeRequests.id, changeId)).for('update');
  if (!change) throw new AppError('NOT_FOUND', CHANGE_NOT_FOUND);
  if (actor.kind === 'system') return change;
  if (rolesIn(actor, change.tenantId).length === 0) throw new AppError('NOT_FOUND', CHANGE_NOT_FOUND);
  if (permission && !can(actor, permission, change.tenantId))
    throw new AppError('FORBIDDEN', 'Your role does not allow this action on changes in this tenant.');
  return change;
}

function assertVersion(change: TChangeRow, expected: number | undefined) {
  if (expected !== undefined && expected !== change.version) throw new AppError('CONFLICT', STALE_CHANGE);
}

/** Applies a state-machine event (refused with the machine's reason), bumps the version, records the event and the audit row. */
async function move(
  tx: TTx,
  actor: TActor,
  change: TChangeRow,
  event: TChangeEvent,
  extra: Partial<typeof changeRequests.$inferInsert> = {},
  payload: Record<string, unknown> = {},
  now = new Date(),
): Promise<{ state: string; version: number; eventId: number }> {
  const from = toChangeState(change.state);
  const t = transition(from, event, { type: change.type as TChangeType, hasEvidence: change.evidence !== null });
  if (!t.ok) throw new AppError('CONFLICT', t.reason);
  const version = change.version + 1;
  await tx
    .update(changeRequests)
    .set({ ...extra, state: t.state, version, updatedAt: now })
    .where(eq(changeRequests.id, change.id));
  const eventId = await recordChangeEvent(tx, actor, change, event, from, t.state, payload);
  await writeAudit(
    tx,
    actor,
    {
      tenantId: change.tenantId,
      action: `change.${event}`,
      targetType: 'change',
      targetId: change.id,
      before: { state: from, version: change.version },
      after: { state: t.state, version, ...payload },
    },
    now,
  );
  return { state: t.state, version, eventId };
}

/** Bumps the version of a change whose state stays (a vote short of the quorum, a comment does not). */
async function touch(tx: TTx, change: TChangeRow, extra: Partial<typeof changeRequests.$inferInsert> = {}, now = new Date()): Promise<number> {
  const version = change.version + 1;
  await tx
    .update(changeRequests)
    .set({ ...extra, version, updatedAt: now })
    .where(eq(changeRequests.id, change.id));
  return version;
}

async function driftOf(tx: TTx, change: TChangeRow): Promise<TScopeDiff> {
  const { windows, patchIds } = await changeContext(tx, change.id, change.tenantId);
  const live = await liveScope(tx, { ...change, grouping: change.grouping as TChangeGrouping }, patchIds, windows);
  return computeDrift(tx, await recordedScope(tx, change.id), live);
}

async function describeDrift(tx: TTx, d: TScopeDiff): Promise<string> {
  const names = await assetNames(tx, [...d.added, ...d.removed, ...d.moved.map((m) => m.assetId)]);
  const n = (id: string) => names.get(id) ?? id;
  const parts: string[] = [];
  if (d.added.length) parts.push(`${d.added.length} asset(s) added (${d.added.slice(0, 5).map(n).join(', ')}${d.added.length > 5 ? ', …' : ''})`);
  if (d.removed.length) parts.push(`${d.removed.length} removed (${d.removed.slice(0, 5).map(n).join(', ')}${d.removed.length > 5 ? ', …' : ''})`);
  if (d.moved.length)
    parts.push(
      `${d.moved.length} moved ring (${d.moved
        .slice(0, 5)
        .map((m) => `${n(m.assetId)}: ${m.from} → ${m.to}`)
        .join(', ')}${d.moved.length > 5 ? ', …' : ''})`,
    );
  return parts.join('; ');
}

/**
 * One vote for a change, in every capacity the approver holds (owner of a touched application, CAB,
 * security); an external change system approves through its connector. Refused: a stale page
 * (CONFLICT), a change not awaiting approval (approved, rejected, …: CONFLICT), the requester or
 * someone without a capacity (FORBIDDEN), a second vote by the same person (CONFLICT), and — while
 * the change is submitted — a scope that drifted since submission (CONFLICT naming the difference:
 * resubmit first). When the votes meet the policy (owners and the CAB quorum) the change is approved;
 * an emergency change gets its after-the-fact approval.
 */
export async function approveChange(db: TDb, actor: TActor, raw: TChangeAction, opts: { externalConnectorId?: string } = {}, now = new Date()) {
  const input = parseInput(ZChangeAction, raw, 'Invalid approval.');
  const after: TAfterCommit[] = [];
  const result = await db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, null);
    assertVersion(change, input.expectedVersion);
    if (!isAwaitingApproval(change)) {
      if (change.approvedAt || change.state === 'approved') throw new AppError('CONFLICT', 'This change is already approved.');
      const t = transition(toChangeState(change.state), 'approve', { type: change.type as TChangeType });
      throw new AppError('CONFLICT', t.ok ? 'This change is not awaiting approval.' : t.reason);
    }
    let capacities: TApprovalCapacity[];
    if (opts.externalConnectorId) capacities = [{ kind: 'external' }];
    else {
      const cap = await approverCapacities(tx, actor, change);
      if (cap.capacities.length === 0)
        throw new AppError(cap.reason === CHANGE_NOT_FOUND ? 'NOT_FOUND' : 'FORBIDDEN', cap.reason ?? 'You may not approve this change.');
      capacities = cap.capacities;
    }
    const approverId = actorUserId(actor);
    const votes = await currentVotes(tx, change.id);
    if (approverId && votes.some((v) => v.approverId === approverId)) throw new AppError('CONFLICT', 'You have already voted on this change.');
    if (change.state === 'submitted') {
      const drift = await driftOf(tx, change);
      if (!isScopeDiffEmpty(drift))
        throw new AppError(
          'CONFLICT',
          `The scope of this change drifted since it was submitted: ${await describeDrift(tx, drift)}. It must be resubmitted before approval.`,
        );
    }
    await tx.insert(changeApprovals).values({
      changeId: change.id,
      tenantId: change.tenantId,
      approverId,
      decision: 'approve',
      capacities: opts.externalConnectorId ? [{ kind: 'external', connectorId: opts.externalConnectorId }] : capacities,
      note: input.note || null,
      scopeHash: change.scopeHash,
      decidedAt: now,
    });
    const apps = await changeApplications(tx, change.id);
    const policy = (await loadTenantPolicy(tx, change.tenantId)).policy.changes;
    const progress = approvalProgress(
      change.type as TChangeType,
      policy,
      apps.map((a) => a.id),
      [...votes, { approverId, decision: 'approve', capacities }],
    );
    const payload = { capacities, note: input.note || null, ownersMissing: progress.ownersMissing.length, cabMissing: progress.cabMissing };
    if (!progress.satisfied) {
      const version = await touch(tx, change, {}, now);
      await recordChangeEvent(tx, actor, change, 'approval', change.state, change.state, payload);
      await writeAudit(
        tx,
        actor,
        { tenantId: change.tenantId, action: 'change.vote', targetType: 'change', targetId: change.id, after: { decision: 'approve', ...payload, version } },
        now,
      );
      after.push({ kind: 'event' });
      return { state: change.state, version, approved: false, progress };
    }
    if (change.state === 'submitted') {
      const r = await move(tx, actor, change, 'approve', { approvedAt: now }, payload, now);
      after.push({ kind: 'event' }, { kind: 'contacts', event: 'approved' }, { kind: 'tracking' });
      return { state: r.state, version: r.version, approved: true, progress };
    }
    // Emergency, after the fact: the state stays, the approval is recorded.
    const version = await touch(tx, change, { approvedAt: now }, now);
    await recordChangeEvent(tx, actor, change, 'approve', change.state, change.state, { ...payload, afterTheFact: true });
    await writeAudit(
      tx,
      actor,
      { tenantId: change.tenantId, action: 'change.approve', targetType: 'change', targetId: change.id, after: { ...payload, afterTheFact: true, version } },
      now,
    );
    after.push({ kind: 'event' });
    return { state: change.state, version, approved: true, progress };
  });
  await afterChangeCommit(db, input.changeId, after);
  return result;
}

/**
 * A vote against: one rejection by anyone who may approve rejects a submitted change. An emergency
 * change rejected after the fact is cancelled if it has not started, and flagged otherwise. A reason is required.
 */
export async function rejectChange(db: TDb, actor: TActor, raw: TChangeReasoned, opts: { externalConnectorId?: string } = {}, now = new Date()) {
  const input = parseInput(ZChangeReasoned, raw, 'Invalid rejection.');
  const after: TAfterCommit[] = [{ kind: 'event' }];
  const result = await db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, null);
    assertVersion(change, input.expectedVersion);
    if (!isAwaitingApproval(change)) {
      if (change.state === 'rejected') throw new AppError('CONFLICT', 'This change is already rejected.');
      if (change.approvedAt || change.state === 'approved') throw new AppError('CONFLICT', 'This change is already approved; cancel it instead.');
      const t = transition(toChangeState(change.state), 'reject', { type: change.type as TChangeType });
      throw new AppError('CONFLICT', t.ok ? 'This change is not awaiting approval.' : t.reason);
    }
    let capacities: TApprovalCapacity[] = [{ kind: 'external' }];
    if (!opts.externalConnectorId) {
      const cap = await approverCapacities(tx, actor, change);
      if (cap.capacities.length === 0)
        throw new AppError(cap.reason === CHANGE_NOT_FOUND ? 'NOT_FOUND' : 'FORBIDDEN', cap.reason ?? 'You may not reject this change.');
      capacities = cap.capacities;
    }
    const approverId = actorUserId(actor);
    const votes = await currentVotes(tx, change.id);
    if (approverId && votes.some((v) => v.approverId === approverId)) throw new AppError('CONFLICT', 'You have already voted on this change.');
    await tx.insert(changeApprovals).values({
      changeId: change.id,
      tenantId: change.tenantId,
      approverId,
      decision: 'reject',
      capacities: opts.externalConnectorId ? [{ kind: 'external', connectorId: opts.externalConnectorId }] : capacities,
      note: input.note,
      scopeHash: change.scopeHash,
      decidedAt: now,
    });
    const payload = { capacities, note: input.note };
    if (change.state === 'submitted') return move(tx, actor, change, 'reject', {}, payload, now);
    if (change.state === 'scheduled') return move(tx, actor, change, 'cancel', {}, { ...payload, rejectedAfterTheFact: true }, now);
    const version = await touch(tx, change, {}, now);
    await recordChangeEvent(tx, actor, change, 'reject', change.state, change.state, { ...payload, afterTheFact: true });
    await writeAudit(
      tx,
      actor,
      { tenantId: change.tenantId, action: 'change.reject', targetType: 'change', targetId: change.id, after: { ...payload, afterTheFact: true, version } },
      now,
    );
    return { state: change.state, version };
  });
  await afterChangeCommit(db, input.changeId, after);
  return result;
}

/**
 * Resubmits a submitted change whose scope drifted: the scope becomes what it is now (new applicable
 * assets in, fixed or moved ones out), the plan and conflicts are recomputed (reporting what moved),
 * earlier votes are set aside (kept in the trail) and approval starts again.
 */
export async function resubmitChange(db: TDb, actor: TActor, raw: TChangeAction, now = new Date()) {
  const input = parseInput(ZChangeAction, raw, 'Invalid resubmission.');
  const result = await db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, 'change:request');
    assertVersion(change, input.expectedVersion);
    if (change.state !== 'submitted') throw new AppError('CONFLICT', 'Only a change awaiting approval can be resubmitted.');
    const { windows, patchIds } = await changeContext(tx, change.id, change.tenantId);
    const live = await liveScope(tx, { ...change, grouping: change.grouping as TChangeGrouping }, patchIds, windows);
    const drift = await computeDrift(tx, await recordedScope(tx, change.id), live);
    if (live.length === 0) throw new AppError('CONFLICT', 'Nothing is left to patch in this change: cancel it instead.');
    const [policyInfo, windowRows, blackouts, authorised] = await Promise.all([
      loadTenantPolicy(tx, change.tenantId),
      loadWindows(tx, change.tenantId, { enabledOnly: true }),
      loadBlackouts(tx, change.tenantId),
      loadAuthorisedPatches(tx, change.tenantId, patchIds),
    ]);
    const patches = authorised.filter((p) => live.some((c) => c.patchIds.includes(p.id)));
    if (patches.length === 0) throw new AppError('CONFLICT', 'None of the patches of this change is authorised any more: cancel it instead.');
    const { moves, conflicts } = await planAndStore(
      tx,
      { id: change.id, tenantId: change.tenantId, windowId: change.windowId, releaseAt: change.releaseAt.toISOString() },
      live,
      patches.map(toPlanPatch),
      { policy: policyInfo.policy, windows: windowRows, blackouts, now: now.toISOString() },
    );
    await tx
      .update(changeApprovals)
      .set({ supersededAt: now })
      .where(and(eq(changeApprovals.changeId, change.id), isNull(changeApprovals.supersededAt)));
    const risk = changeRisk(patches, live);
    const hash = scopeHash(
      patches.map((p) => p.id),
      live,
    );
    return move(
      tx,
      actor,
      change,
      'resubmit',
      { scopeHash: hash, riskScore: risk.score, riskLevel: risk.level, risk },
      {
        added: drift.added.length,
        removed: drift.removed.length,
        moved: drift.moved.length,
        planMoves: moves.count,
        conflicts: conflicts.length,
        note: input.note || null,
      },
      now,
    );
  });
  await afterChangeCommit(db, input.changeId, [{ kind: 'event' }]);
  return result;
}

/** Replans a change (its windows, blackouts or the clock moved on) over the same assets; reports what moved. */
async function replan(tx: TTx, change: TChangeRow, now: Date): Promise<{ moves: TPlanMoves; conflicts: number }> {
  const { windows, patchIds } = await changeContext(tx, change.id, change.tenantId);
  const [policyInfo, windowRows, blackouts, authorised, own] = await Promise.all([
    loadTenantPolicy(tx, change.tenantId),
    loadWindows(tx, change.tenantId, { enabledOnly: true }),
    loadBlackouts(tx, change.tenantId),
    loadAuthorisedPatches(tx, change.tenantId, patchIds),
    tx.select({ assetId: changeAssets.assetId }).from(changeAssets).where(eq(changeAssets.changeId, change.id)),
  ]);
  const ownIds = new Set(own.map((o) => o.assetId));
  const live = (await liveScope(tx, { ...change, grouping: change.grouping as TChangeGrouping }, patchIds, windows)).filter((c) => ownIds.has(c.assetId));
  const patches = authorised.length ? authorised : [];
  if (patches.length === 0 || live.length === 0) return { moves: { count: 0, sample: [] }, conflicts: 0 };
  const out = await planAndStore(
    tx,
    { id: change.id, tenantId: change.tenantId, windowId: change.windowId, releaseAt: change.releaseAt.toISOString() },
    live,
    patches.map(toPlanPatch),
    { policy: policyInfo.policy, windows: windowRows, blackouts, now: now.toISOString() },
  );
  return { moves: out.moves, conflicts: out.conflicts.length };
}

/** An operator recomputes the saved plan (after a window or blackout changed); the change keeps its assets and state. */
export async function replanChange(db: TDb, actor: TActor, raw: TChangeAction, now = new Date()) {
  const input = parseInput(ZChangeAction, raw, 'Invalid replan.');
  return db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, 'change:operate');
    assertVersion(change, input.expectedVersion);
    if (!['submitted', 'approved', 'scheduled'].includes(change.state)) throw new AppError('CONFLICT', 'Only a change that has not started can be replanned.');
    const r = await replan(tx, change, now);
    const version = await touch(tx, change, {}, now);
    await recordChangeEvent(tx, actor, change, 'replan', change.state, change.state, {
      moved: r.moves.count,
      sample: r.moves.sample.slice(0, 10),
      conflicts: r.conflicts,
    });
    await writeAudit(
      tx,
      actor,
      {
        tenantId: change.tenantId,
        action: 'change.replan',
        targetType: 'change',
        targetId: change.id,
        after: { moved: r.moves.count, conflicts: r.conflicts, version },
      },
      now,
    );
    return { version, moved: r.moves.count, conflicts: r.conflicts };
  });
}

/** Operator: an approved change goes on the schedule; a plan whose first slot has passed is recomputed from now. */
export async function scheduleChange(db: TDb, actor: TActor, raw: TChangeAction, now = new Date()) {
  const input = parseInput(ZChangeAction, raw, 'Invalid scheduling.');
  const result = await db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, 'change:operate');
    assertVersion(change, input.expectedVersion);
    const t = transition(toChangeState(change.state), 'schedule', { type: change.type as TChangeType });
    if (!t.ok) throw new AppError('CONFLICT', t.reason);
    const replanned = change.plannedStart && change.plannedStart.getTime() < now.getTime() ? await replan(tx, change, now) : null;
    return move(tx, actor, change, 'schedule', {}, { note: input.note || null, moved: replanned?.moves.count ?? 0 }, now);
  });
  await afterChangeCommit(db, input.changeId, [{ kind: 'event' }, { kind: 'tracking' }]);
  return result;
}

/** Operator: an emergency change is scheduled before approval; its approval is due within the policy's deadline. */
export async function expediteChange(db: TDb, actor: TActor, raw: TChangeReasoned, now = new Date()) {
  const input = parseInput(ZChangeReasoned, raw, 'Invalid expedite.');
  const result = await db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, 'change:operate');
    assertVersion(change, input.expectedVersion);
    const hours = (await loadTenantPolicy(tx, change.tenantId)).policy.changes.emergencyApprovalHours;
    const due = new Date(now.getTime() + hours * 3_600_000);
    return move(tx, actor, change, 'expedite', { approvalDueAt: due }, { note: input.note, approvalDueAt: due.toISOString() }, now);
  });
  await afterChangeCommit(db, input.changeId, [{ kind: 'event' }, { kind: 'tracking' }]);
  return result;
}

/** Operator: cancels a change that has not started (a reason is required). */
export async function cancelChange(db: TDb, actor: TActor, raw: TChangeReasoned, now = new Date()) {
  const input = parseInput(ZChangeReasoned, raw, 'Invalid cancellation.');
  const result = await db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, 'change:operate');
    assertVersion(change, input.expectedVersion);
    return move(tx, actor, change, 'cancel', {}, { note: input.note }, now);
  });
  await afterChangeCommit(db, input.changeId, [{ kind: 'event' }]);
  return result;
}

/** Operator: implementation starts (the deployment issue's executor will do this from the schedule). */
export async function startChange(db: TDb, actor: TActor, raw: TChangeAction, now = new Date()) {
  const input = parseInput(ZChangeAction, raw, 'Invalid start.');
  const result = await db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, 'change:operate');
    assertVersion(change, input.expectedVersion);
    return move(tx, actor, change, 'start', {}, { note: input.note || null }, now);
  });
  await afterChangeCommit(db, input.changeId, [{ kind: 'event' }, { kind: 'contacts', event: 'started' }]);
  return result;
}

/**
 * Operator: records how the implementation went, with evidence (what was done, how it was verified,
 * links to logs or tickets) and per-asset outcomes. The change completes or fails; it can then close.
 */
export async function recordOutcome(db: TDb, actor: TActor, raw: TRecordOutcome, now = new Date()) {
  const input = parseInput(ZRecordOutcome, raw, 'Invalid outcome.');
  const result = await db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, 'change:operate');
    assertVersion(change, input.expectedVersion);
    const t = transition(toChangeState(change.state), input.outcome === 'completed' ? 'complete' : 'fail', { type: change.type as TChangeType });
    if (!t.ok) throw new AppError('CONFLICT', t.reason);
    const own = new Set(
      (await tx.select({ assetId: changeAssets.assetId }).from(changeAssets).where(eq(changeAssets.changeId, change.id))).map((r) => r.assetId),
    );
    const foreign = input.assets.filter((a) => !own.has(a.assetId));
    if (foreign.length)
      throw new AppError('VALIDATION', `${foreign.length} asset(s) of the outcome are not in this change.`, [
        { field: 'assets', message: 'Not in this change' },
      ]);
    if (input.outcome === 'completed') await tx.update(changeAssets).set({ outcome: 'installed' }).where(eq(changeAssets.changeId, change.id));
    for (const outcome of ['installed', 'failed', 'skipped'] as const) {
      const ids = input.assets.filter((a) => a.outcome === outcome).map((a) => a.assetId);
      for (let i = 0; i < ids.length; i += 1000)
        for (const id of ids.slice(i, i + 1000))
          await tx
            .update(changeAssets)
            .set({ outcome })
            .where(and(eq(changeAssets.changeId, change.id), eq(changeAssets.assetId, id)));
    }
    const counts = { installed: 0, failed: 0, skipped: 0, unknown: 0 };
    const rows = await tx.select({ outcome: changeAssets.outcome }).from(changeAssets).where(eq(changeAssets.changeId, change.id));
    for (const r of rows) counts[(r.outcome as keyof typeof counts) ?? 'unknown'] = (counts[(r.outcome as keyof typeof counts) ?? 'unknown'] ?? 0) + 1;
    const evidence = {
      source: 'operator',
      summary: input.summary,
      links: input.links,
      recordedBy: actorUserId(actor),
      recordedAt: now.toISOString(),
      assets: counts,
    };
    return move(
      tx,
      actor,
      change,
      input.outcome === 'completed' ? 'complete' : 'fail',
      { evidence, outcome: input.outcome },
      { outcome: input.outcome, assets: counts },
      now,
    );
  });
  await afterChangeCommit(db, input.changeId, [{ kind: 'event' }, { kind: 'contacts', event: 'ended' }]);
  return result;
}

/** Operator: closes a finished change (completed or failed ones need their evidence; an emergency needs its after-the-fact approval). */
export async function closeChange(db: TDb, actor: TActor, raw: TChangeAction, now = new Date()) {
  const input = parseInput(ZChangeAction, raw, 'Invalid close.');
  const result = await db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, 'change:operate');
    assertVersion(change, input.expectedVersion);
    if (change.type === 'emergency' && !change.approvedAt && change.state !== 'cancelled')
      throw new AppError('CONFLICT', 'An emergency change needs its after-the-fact approval before it closes.');
    return move(tx, actor, change, 'close', { outcome: change.outcome ?? change.state }, { note: input.note || null }, now);
  });
  await afterChangeCommit(db, input.changeId, [{ kind: 'event' }]);
  return result;
}

/** An external change system (or an operator) sets when the change is implemented. */
export async function setImplementationWindow(db: TDb, actor: TActor, raw: TImplementationWindow, now = new Date()) {
  const input = parseInput(ZImplementationWindow, raw, 'Invalid implementation window.');
  const result = await db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, 'change:operate');
    assertVersion(change, input.expectedVersion);
    if (!['submitted', 'approved', 'scheduled'].includes(change.state))
      throw new AppError('CONFLICT', 'The implementation window can only be set before the change starts.');
    const version = await touch(tx, change, { plannedStart: new Date(input.start), plannedEnd: new Date(input.end) }, now);
    await recordChangeEvent(tx, actor, change, 'window', change.state, change.state, { start: input.start, end: input.end });
    await writeAudit(
      tx,
      actor,
      { tenantId: change.tenantId, action: 'change.window', targetType: 'change', targetId: change.id, after: { start: input.start, end: input.end, version } },
      now,
    );
    return { state: change.state, version };
  });
  await afterChangeCommit(db, input.changeId, [{ kind: 'event' }]);
  return result;
}

/** A comment on a change (anyone of the tenant who may comment; auditors read). */
export async function addChangeComment(db: TDb, actor: TActor, raw: z.input<typeof ZChangeComment>, now = new Date()) {
  const input = parseInput(ZChangeComment, raw, 'Invalid comment.');
  return db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, 'change:comment');
    const [row] = await tx
      .insert(changeComments)
      .values({ changeId: change.id, tenantId: change.tenantId, authorId: actorUserId(actor), body: input.body, createdAt: now })
      .returning({ id: changeComments.id });
    await writeAudit(
      tx,
      actor,
      { tenantId: change.tenantId, action: 'change.comment', targetType: 'change', targetId: change.id, after: { commentId: row.id } },
      now,
    );
    return { id: row.id };
  });
}

/**
 * Recomputes a change's conflicts against today's blackouts and other changes (a blackout added after
 * planning, another change planned since) and stores them; the change page calls it before approval.
 * Conflicts are derived data: the version does not move.
 */
export async function refreshConflicts(db: TDb, actor: TActor, changeId: string) {
  const [change] = await db.select().from(changeRequests).where(eq(changeRequests.id, changeId));
  if (!change || (actor.kind !== 'system' && rolesIn(actor, change.tenantId).length === 0)) throw new AppError('NOT_FOUND', CHANGE_NOT_FOUND);
  if (['completed', 'failed', 'cancelled', 'closed', 'rejected'].includes(change.state)) return change.conflicts as TConflict[];
  const conflicts = await computeConflicts(db, change.id, change.tenantId, await loadBlackouts(db, change.tenantId));
  await db
    .update(changeRequests)
    .set({ conflicts: conflicts.slice(0, 200) })
    .where(eq(changeRequests.id, change.id));
  return conflicts;
}

/**
 * After a tenant's windows or blackouts change: every change of the tenant that has not started is
 * replanned over its assets; one whose slots moved gets a new version (an approver's open page is then
 * stale) and a 'replan' event saying how many moved and why. Unmoved changes are left alone.
 */
export async function replanTenantChanges(
  db: TDb,
  actor: TActor,
  tenantId: string,
  reason: string,
  now = new Date(),
): Promise<{ replanned: number; moved: number }> {
  const open = await db
    .select({ id: changeRequests.id })
    .from(changeRequests)
    .where(and(eq(changeRequests.tenantId, tenantId), inArray(changeRequests.state, ['submitted', 'approved', 'scheduled'])));
  let replanned = 0;
  let moved = 0;
  for (const { id } of open) {
    const r = await db.transaction(async (tx) => {
      const [change] = await tx.select().from(changeRequests).where(eq(changeRequests.id, id)).for('update');
      if (!change || !['submitted', 'approved', 'scheduled'].includes(change.state)) return 0;
      const out = await replan(tx, change, now);
      if (out.moves.count === 0) return 0;
      const version = await touch(tx, change, {}, now);
      await recordChangeEvent(tx, actor, change, 'replan', change.state, change.state, {
        reason,
        moved: out.moves.count,
        sample: out.moves.sample.slice(0, 10),
        conflicts: out.conflicts,
      });
      await writeAudit(
        tx,
        actor,
        { tenantId, action: 'change.replan', targetType: 'change', targetId: id, after: { reason, moved: out.moves.count, version } },
        now,
      );
      return out.moves.count;
    });
    if (r > 0) {
      replanned++;
      moved += r;
      await afterChangeCommit(db, id, [{ kind: 'event' }]);
    }
  }
  return { replanned, moved };
}

/** After a blackout is added or removed: the stored conflicts of the tenant's changes that have not started are recomputed (the plans stay; an operator replans). */
export async function refreshTenantConflicts(db: TDb, tenantId: string): Promise<number> {
  const open = await db
    .select({ id: changeRequests.id })
    .from(changeRequests)
    .where(and(eq(changeRequests.tenantId, tenantId), inArray(changeRequests.state, ['submitted', 'approved', 'scheduled'])));
  for (const { id } of open) await refreshConflicts(db, { kind: 'system', label: 'blackout-change' }, id);
  return open.length;
}
