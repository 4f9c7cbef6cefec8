import { eq, sql } from 'drizzle-orm';
import { rawRows, type TDb } from '@/db/client';
import { changeAssets, changeRequests } from '@/db/schema';
import { uuidList } from '@/lib/authorisation/status-sql';
import { findConflicts, type TConflict } from '@/lib/domain/change';
import { planChange, summarizePlan, type TPlanPatch, type TPlanSummary, type TPlanTarget } from '@/lib/domain/planner';
import type { TPolicy } from '@/lib/domain/policy';
import { scopeMatches } from '@/lib/domain/windows';
import { toPlannerBlackouts, type TBlackoutRow, type TWindowRow } from '@/lib/scheduling/queries';
import type { TCandidate } from './scope';

/** At most this many conflicts are kept on a change (the count is kept in full). */
const MAX_STORED_CONFLICTS = 200;
const BATCH = 20_000;

export type TPlanContext = { policy: TPolicy; windows: TWindowRow[]; blackouts: TBlackoutRow[]; now: string };

/** What a replan moved: assets whose planned start changed (first 50) and how many. */
export type TPlanMoves = { count: number; sample: { assetId: string; from: string | null; to: string | null }[] };

/** The saved plan: the planner's summary, plus the first unschedulable and at-risk targets with why. */
export type TStoredPlan = TPlanSummary & {
  unschedulableSample: { assetId: string; reason: string; detail: string }[];
  atRiskSample: { assetId: string; deadline: string; start: string; reason: string; detail: string }[];
  conflictCount: number;
};

/**
 * Plans a change over `targets` with the same pure planner the preview runs, and saves the plan: one
 * change_assets row per target with its slot (or why it has none), the summary on the change, and the
 * conflicts with blackouts and other changes. Replaces any earlier plan and reports what moved.
 */
export async function planAndStore(
  tx: TDb,
  change: { id: string; tenantId: string; windowId: string | null; releaseAt: string },
  targets: readonly TCandidate[],
  patches: readonly TPlanPatch[],
  ctx: TPlanContext,
): Promise<{ plan: TStoredPlan; moves: TPlanMoves; conflicts: TConflict[] }> {
  const previous = new Map(
    (await tx.select({ assetId: changeAssets.assetId, start: changeAssets.plannedStart }).from(changeAssets).where(eq(changeAssets.changeId, change.id))).map(
      (r) => [r.assetId, r.start?.toISOString() ?? null],
    ),
  );
  const now = Date.parse(change.releaseAt) > Date.parse(ctx.now) ? change.releaseAt : ctx.now;
  const planTargets: TPlanTarget[] = targets.map((c) => {
    const subject = { tenantId: change.tenantId, applicationIds: c.applicationId ? [c.applicationId] : [], ring: c.ring, tags: c.tags };
    return {
      assetId: c.assetId,
      kind: c.kind,
      zone: c.zone,
      clusterId: c.kind === 'host' ? c.cluster : null,
      hostId: c.parentHostId,
      windowIds: change.windowId ? [change.windowId] : ctx.windows.filter((w) => scopeMatches(w.def.scope, subject)).map((w) => w.id),
      detectedAt: c.detectedAt,
      ...subject,
    };
  });
  const plan = planChange({
    changeId: change.id,
    patches: [...patches],
    targets: planTargets,
    windows: ctx.windows.filter((w) => !change.windowId || w.id === change.windowId).map((w) => ({ id: w.id, def: w.def })),
    blackouts: toPlannerBlackouts(ctx.blackouts.filter((b) => Date.parse(b.endsAt) > Date.parse(now))),
    policy: ctx.policy,
    now,
  });

  const slot = new Map<string, { wave: number; start: string; end: string; windowId: string }>();
  for (const w of plan.waves) for (const j of w.jobs) slot.set(j.assetId, { wave: w.index, start: j.start, end: j.end, windowId: j.windowId });
  const unplanned = new Map(plan.unschedulable.map((u) => [u.assetId, u]));
  await tx.delete(changeAssets).where(eq(changeAssets.changeId, change.id));
  // One statement per 20,000 slots, the rows as one JSON parameter: a multi-row VALUES insert of tens of
  // thousands of rows costs seconds in parameter handling alone.
  const rows = targets.map((c) => {
    const s = slot.get(c.assetId);
    const u = unplanned.get(c.assetId);
    return {
      a: c.assetId,
      r: c.ring,
      app: c.applicationId,
      w: s?.wave ?? null,
      s: s?.start ?? null,
      e: s?.end ?? null,
      win: s?.windowId ?? null,
      why: u?.reason ?? null,
      d: u?.detail ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += BATCH)
    await tx.execute(sql`
      insert into change_assets (change_id, asset_id, tenant_id, ring, application_id, wave_index, planned_start, planned_end, window_id, unschedulable_reason, detail)
      select ${change.id}::uuid, x.a, ${change.tenantId}::uuid, x.r, x.app, x.w, x.s, x.e, x.win, x.why, x.d
      from json_to_recordset(${JSON.stringify(rows.slice(i, i + BATCH))}::json)
        as x(a uuid, r text, app uuid, w int, s timestamptz, e timestamptz, win uuid, why text, d text)`);

  const moved: TPlanMoves['sample'] = [];
  let movedCount = 0;
  if (previous.size > 0)
    for (const c of targets) {
      const from = previous.has(c.assetId) ? (previous.get(c.assetId) as string | null) : null;
      const to = slot.get(c.assetId)?.start ?? null;
      if (previous.has(c.assetId) && from !== to) {
        movedCount++;
        if (moved.length < 50) moved.push({ assetId: c.assetId, from, to });
      }
    }

  const conflicts = await computeConflicts(tx, change.id, change.tenantId, ctx.blackouts);
  const summary = summarizePlan(plan);
  const stored: TStoredPlan = {
    ...summary,
    unschedulableSample: plan.unschedulable.slice(0, 50).map((u) => ({ assetId: u.assetId, reason: u.reason, detail: u.detail })),
    atRiskSample: plan.atRisk.slice(0, 50).map((a) => ({ assetId: a.assetId, deadline: a.deadline, start: a.start, reason: a.reason, detail: a.detail })),
    conflictCount: conflicts.length,
  };
  await tx
    .update(changeRequests)
    .set({
      plan: stored,
      timeMode: plan.timeMode,
      plannedStart: summary.start ? new Date(summary.start) : null,
      plannedEnd: summary.end ? new Date(summary.end) : null,
      conflicts: conflicts.slice(0, MAX_STORED_CONFLICTS),
    })
    .where(eq(changeRequests.id, change.id));
  return { plan: stored, moves: { count: movedCount, sample: moved }, conflicts };
}

/**
 * Conflicts of a change's saved slots: blackouts covering a slot (by the blackout's scope), and slots
 * of other unfinished changes of the tenant on the same asset or on another host of the same
 * hypervisor cluster, in overlapping time. Other changes are read only around this change's span.
 */
export async function computeConflicts(tx: TDb, changeId: string, tenantId: string, blackouts: readonly TBlackoutRow[]): Promise<TConflict[]> {
  const mine = await rawRows<{
    asset_id: string;
    s: string;
    e: string;
    cluster: string | null;
    kind: string;
    ring: string;
    application_id: string | null;
    tags: string[];
  }>(
    tx,
    sql`
    select ca.asset_id, ca.planned_start as s, ca.planned_end as e, a.cluster, a.kind, ca.ring, ca.application_id, a.tags
    from change_assets ca join assets a on a.id = ca.asset_id
    where ca.change_id = ${changeId}::uuid and ca.planned_start is not null`,
  );
  if (mine.length === 0) return [];
  const iso = (v: string | Date) => new Date(v).toISOString();
  const slots = mine.map((m) => ({ assetId: m.asset_id, start: iso(m.s), end: iso(m.e) }));
  const minStart = slots.reduce((m, s) => (s.start < m ? s.start : m), slots[0].start);
  const maxEnd = slots.reduce((m, s) => (s.end > m ? s.end : m), slots[0].end);
  const clusters = [...new Set(mine.filter((m) => m.kind === 'host' && m.cluster).map((m) => m.cluster as string))];
  const clusterCond = clusters.length
    ? sql`or (a.kind = 'host' and a.cluster in (${sql.join(
        clusters.map((c) => sql`${c}`),
        sql`, `,
      )}))`
    : sql``;
  const others = await rawRows<{ change_id: string; asset_id: string; s: string; e: string; cluster: string | null; kind: string }>(
    tx,
    sql`
    select ca.change_id, ca.asset_id, ca.planned_start as s, ca.planned_end as e, a.cluster, a.kind
    from change_assets ca
    join change_requests c on c.id = ca.change_id
    join assets a on a.id = ca.asset_id
    where c.tenant_id = ${tenantId}::uuid and c.id <> ${changeId}::uuid and c.state in ('submitted', 'approved', 'scheduled', 'implementing')
      and ca.planned_start is not null and ca.planned_start < ${maxEnd}::timestamptz and ca.planned_end > ${minStart}::timestamptz
      and (ca.asset_id in (select asset_id from change_assets where change_id = ${changeId}::uuid) ${clusterCond})`,
  );
  const clusterOf = new Map<string, string | null>();
  for (const m of mine) clusterOf.set(m.asset_id, m.kind === 'host' ? m.cluster : null);
  for (const o of others) clusterOf.set(o.asset_id, o.kind === 'host' ? o.cluster : null);
  const subject = new Map(
    mine.map((m) => [m.asset_id, { tenantId, applicationIds: m.application_id ? [m.application_id] : [], ring: m.ring, tags: m.tags ?? [] }]),
  );
  return findConflicts(
    slots,
    blackouts
      .filter((b) => b.endsAt > minStart && b.startsAt < maxEnd)
      .map((b) => ({
        id: b.id,
        name: b.name,
        start: b.startsAt,
        end: b.endsAt,
        appliesTo: (assetId: string) => scopeMatches(b.scope, subject.get(assetId) ?? {}),
      })),
    others.map((o) => ({ changeId: o.change_id, assetId: o.asset_id, start: iso(o.s), end: iso(o.e) })),
    (id) => clusterOf.get(id) ?? null,
  );
}

/** Asset names for ids (for messages and payloads), at most 500. */
export async function assetNames(tx: TDb, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await rawRows<{ id: string; name: string }>(tx, sql`select id, name from assets where id in (${uuidList(ids.slice(0, 500))})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}
