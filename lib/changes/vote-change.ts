import type { TDb } from '@/db/client';
import { changeApprovals } from '@/db/schema';
import { actorUserId, type TActor } from '@/lib/auth/permissions';
import { approvalProgress, isScopeDiffEmpty, transition, toChangeState, type TApprovalCapacity, type TChangeType, type TScopeDiff } from '@/lib/domain/change';
import type { TChangeGrouping } from '@/lib/domain/policy';
import { AppError, parseInput } from '@/lib/errors';
import { loadTenantPolicy } from '@/lib/scheduling/queries';
import { afterChangeCommit, type TAfterCommit } from './after-commit';
import { approverCapacities, changeApplications, currentVotes, isAwaitingApproval } from './approvers';
import {
  assertVersion,
  CHANGE_NOT_FOUND,
  loadForWrite,
  move,
  recordInPlace,
  ZChangeAction,
  ZChangeReasoned,
  type TChangeAction,
  type TChangeReasoned,
  type TChangeRow,
} from './change-write';
import { assetNames } from './plan-change';
import { changeContext, computeDrift, liveScope, recordedScope } from './scope';

/** Votes on a change: approvals and rejections by people in their capacities, or by an external change system. */

async function driftOf(tx: TDb, change: TChangeRow): Promise<TScopeDiff> {
  const { windows, patchIds } = await changeContext(tx, change.id, change.tenantId);
  const live = await liveScope(tx, { ...change, grouping: change.grouping as TChangeGrouping }, patchIds, windows);
  return computeDrift(tx, await recordedScope(tx, change.id), live);
}

async function describeDrift(tx: TDb, d: TScopeDiff): Promise<string> {
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
 * A vote's author and capacities: an external system through its connector, or a person holding a
 * capacity on the change (refused otherwise, with why); a second vote by the same person is refused.
 * Returns the current votes too, for the progress the new vote makes.
 */
async function voter(tx: TDb, actor: TActor, change: TChangeRow, externalConnectorId: string | undefined, refusal: string) {
  let capacities: TApprovalCapacity[] = [{ kind: 'external' }];
  if (!externalConnectorId) {
    const cap = await approverCapacities(tx, actor, change);
    if (cap.capacities.length === 0) throw new AppError(cap.reason === CHANGE_NOT_FOUND ? 'NOT_FOUND' : 'FORBIDDEN', cap.reason ?? refusal);
    capacities = cap.capacities;
  }
  const approverId = actorUserId(actor);
  const votes = await currentVotes(tx, change.id);
  if (approverId && votes.some((v) => v.approverId === approverId)) throw new AppError('CONFLICT', 'You have already voted on this change.');
  return { capacities, approverId, votes };
}

/** Stores a vote with what the voter saw (the scope hash); an external vote names its connector. */
async function insertVote(
  tx: TDb,
  change: TChangeRow,
  v: { approverId: string | null; decision: 'approve' | 'reject'; capacities: TApprovalCapacity[]; note: string | null; externalConnectorId?: string },
  now: Date,
) {
  await tx.insert(changeApprovals).values({
    changeId: change.id,
    tenantId: change.tenantId,
    approverId: v.approverId,
    decision: v.decision,
    capacities: v.externalConnectorId ? [{ kind: 'external', connectorId: v.externalConnectorId }] : v.capacities,
    note: v.note,
    scopeHash: change.scopeHash,
    decidedAt: now,
  });
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
    const { capacities, approverId, votes } = await voter(tx, actor, change, opts.externalConnectorId, 'You may not approve this change.');
    if (change.state === 'submitted') {
      const drift = await driftOf(tx, change);
      if (!isScopeDiffEmpty(drift))
        throw new AppError(
          'CONFLICT',
          `The scope of this change drifted since it was submitted: ${await describeDrift(tx, drift)}. It must be resubmitted before approval.`,
        );
    }
    await insertVote(tx, change, { approverId, decision: 'approve', capacities, note: input.note || null, externalConnectorId: opts.externalConnectorId }, now);
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
      const version = await recordInPlace(
        tx,
        actor,
        change,
        { event: 'approval', action: 'change.vote', payload, audit: { decision: 'approve', ...payload } },
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
    const version = await recordInPlace(
      tx,
      actor,
      change,
      { event: 'approve', action: 'change.approve', payload: { ...payload, afterTheFact: true }, set: { approvedAt: now } },
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
    const { capacities, approverId } = await voter(tx, actor, change, opts.externalConnectorId, 'You may not reject this change.');
    await insertVote(tx, change, { approverId, decision: 'reject', capacities, note: input.note, externalConnectorId: opts.externalConnectorId }, now);
    const payload = { capacities, note: input.note };
    if (change.state === 'submitted') return move(tx, actor, change, 'reject', {}, payload, now);
    if (change.state === 'scheduled') return move(tx, actor, change, 'cancel', {}, { ...payload, rejectedAfterTheFact: true }, now);
    const version = await recordInPlace(tx, actor, change, { event: 'reject', action: 'change.reject', payload: { ...payload, afterTheFact: true } }, now);
    return { state: change.state, version };
  });
  await afterChangeCommit(db, input.changeId, after);
  return result;
}
