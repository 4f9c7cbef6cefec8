import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { changeApprovals, changeAssets, changeComments } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
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
  ZBase,
  ZChangeAction,
  ZChangeReasoned,
  type TChangeAction,
  type TChangeReasoned,
  type TChangeRow,
} from './change-write';
import { changeRisk, loadAuthorisedPatches } from './generate-changes';
import { assetNames } from './plan-change';
import { planChangeNow, replan } from './replan-change';
import { changeContext, computeDrift, liveScope, recordedScope, scopeHash } from './scope';

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
    const authorised = await loadAuthorisedPatches(tx, change.tenantId, patchIds);
    const patches = authorised.filter((p) => live.some((c) => c.patchIds.includes(p.id)));
    if (patches.length === 0) throw new AppError('CONFLICT', 'None of the patches of this change is authorised any more: cancel it instead.');
    const { moves, conflicts } = await planChangeNow(tx, change, live, patches, now);
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
        await tx
          .update(changeAssets)
          .set({ outcome })
          .where(and(eq(changeAssets.changeId, change.id), inArray(changeAssets.assetId, ids.slice(i, i + 1000))));
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
    const version = await recordInPlace(
      tx,
      actor,
      change,
      {
        event: 'window',
        action: 'change.window',
        payload: { start: input.start, end: input.end },
        set: { plannedStart: new Date(input.start), plannedEnd: new Date(input.end) },
      },
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
