import { and, eq, inArray } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { changeAssets, changeRequests } from '@/db/schema';
import { rolesIn, type TActor } from '@/lib/auth/permissions';
import type { TConflict } from '@/lib/domain/change';
import type { TChangeGrouping } from '@/lib/domain/policy';
import { AppError, parseInput } from '@/lib/errors';
import { loadBlackouts, loadTenantPolicy, loadWindows } from '@/lib/scheduling/queries';
import { afterChangeCommit } from './after-commit';
import { assertVersion, CHANGE_NOT_FOUND, loadForWrite, recordInPlace, ZChangeAction, type TChangeAction, type TChangeRow } from './change-write';
import { loadAuthorisedPatches, toPlanPatch, type TAuthorisedPatch } from './generate-changes';
import { computeConflicts, planAndStore, type TPlanMoves } from './plan-change';
import { changeContext, liveScope, type TCandidate } from './scope';

/** States whose plan may still change: not started yet. */
const OPEN_STATES = ['submitted', 'approved', 'scheduled'];

/** Plans a change over `targets` and `patches` with the tenant's policy, enabled windows and blackouts as they are now (resubmission and replanning). */
export async function planChangeNow(tx: TDb, change: TChangeRow, targets: readonly TCandidate[], patches: readonly TAuthorisedPatch[], now: Date) {
  const [policyInfo, windows, blackouts] = await Promise.all([
    loadTenantPolicy(tx, change.tenantId),
    loadWindows(tx, change.tenantId, { enabledOnly: true }),
    loadBlackouts(tx, change.tenantId),
  ]);
  return planAndStore(
    tx,
    { id: change.id, tenantId: change.tenantId, windowId: change.windowId, releaseAt: change.releaseAt.toISOString() },
    targets,
    patches.map(toPlanPatch),
    { policy: policyInfo.policy, windows, blackouts, now: now.toISOString() },
  );
}

/** Replans a change (its windows, blackouts or the clock moved on) over the same assets; reports what moved. */
export async function replan(tx: TDb, change: TChangeRow, now: Date): Promise<{ moves: TPlanMoves; conflicts: number }> {
  const { windows, patchIds } = await changeContext(tx, change.id, change.tenantId);
  const [authorised, own] = await Promise.all([
    loadAuthorisedPatches(tx, change.tenantId, patchIds),
    tx.select({ assetId: changeAssets.assetId }).from(changeAssets).where(eq(changeAssets.changeId, change.id)),
  ]);
  const ownIds = new Set(own.map((o) => o.assetId));
  const live = (await liveScope(tx, { ...change, grouping: change.grouping as TChangeGrouping }, patchIds, windows)).filter((c) => ownIds.has(c.assetId));
  if (authorised.length === 0 || live.length === 0) return { moves: { count: 0, sample: [] }, conflicts: 0 };
  const out = await planChangeNow(tx, change, live, authorised, now);
  return { moves: out.moves, conflicts: out.conflicts.length };
}

/** An operator recomputes the saved plan (after a window or blackout changed); the change keeps its assets and state. */
export async function replanChange(db: TDb, actor: TActor, raw: TChangeAction, now = new Date()) {
  const input = parseInput(ZChangeAction, raw, 'Invalid replan.');
  return db.transaction(async (tx) => {
    const change = await loadForWrite(tx, actor, input.changeId, 'change:operate');
    assertVersion(change, input.expectedVersion);
    if (!OPEN_STATES.includes(change.state)) throw new AppError('CONFLICT', 'Only a change that has not started can be replanned.');
    const r = await replan(tx, change, now);
    const version = await recordInPlace(
      tx,
      actor,
      change,
      {
        event: 'replan',
        action: 'change.replan',
        payload: { moved: r.moves.count, sample: r.moves.sample.slice(0, 10), conflicts: r.conflicts },
        audit: { moved: r.moves.count, conflicts: r.conflicts },
      },
      now,
    );
    return { version, moved: r.moves.count, conflicts: r.conflicts };
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

/** The tenant's changes that have not started. */
const openChangeIds = async (db: TDb, tenantId: string) =>
  (
    await db
      .select({ id: changeRequests.id })
      .from(changeRequests)
      .where(and(eq(changeRequests.tenantId, tenantId), inArray(changeRequests.state, OPEN_STATES)))
  ).map((r) => r.id);

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
  let replanned = 0;
  let moved = 0;
  for (const id of await openChangeIds(db, tenantId)) {
    const r = await db.transaction(async (tx) => {
      const [change] = await tx.select().from(changeRequests).where(eq(changeRequests.id, id)).for('update');
      if (!change || !OPEN_STATES.includes(change.state)) return 0;
      const out = await replan(tx, change, now);
      if (out.moves.count === 0) return 0;
      await recordInPlace(
        tx,
        actor,
        change,
        {
          event: 'replan',
          action: 'change.replan',
          payload: { reason, moved: out.moves.count, sample: out.moves.sample.slice(0, 10), conflicts: out.conflicts },
          audit: { reason, moved: out.moves.count },
        },
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
  const open = await openChangeIds(db, tenantId);
  for (const id of open) await refreshConflicts(db, { kind: 'system', label: 'blackout-change' }, id);
  return open.length;
}
