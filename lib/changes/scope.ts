import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { rawRows, type TDb } from '@/db/client';
import { changeAssets, changeRequests } from '@/db/schema';
import { requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { uuidList } from '@/lib/authorisation/status-sql';
import { uuidArray } from '@/lib/intake/assess';
import { ACTIVE_CHANGE_STATES, scopeDiff, type TScopeDiff } from '@/lib/domain/change';
import type { TChangeGrouping } from '@/lib/domain/policy';
import type { TAssetKind, TCriticality } from '@/lib/domain/types';
import { scopeMatches, type TScope } from '@/lib/domain/windows';
import { AppError } from '@/lib/errors';

/** States whose scope still claims its assets: a patch × asset in one of them is not put in another change. */
export const CLAIMING_STATES = ['draft', ...ACTIVE_CHANGE_STATES] as const;
const claimingList = sql.join(
  CLAIMING_STATES.map((s) => sql`${s}`),
  sql`, `,
);

/** A deployable asset that misses some of the patches considered, with what planning and grouping need. */
export type TCandidate = {
  assetId: string;
  name: string;
  ring: string;
  zone: string;
  kind: TAssetKind;
  cluster: string | null;
  parentHostId: string | null;
  tags: string[];
  applicationId: string | null;
  criticality: TCriticality;
  patchIds: string[];
  /** Earliest detection among its missing patches: the SLA runs from here. */
  detectedAt: string;
};

/**
 * Deployable assets of a tenant (not decommissioned, not golden images) missing any of `patchIds`,
 * leaving out each patch × asset already claimed by a change that is not finished (other than
 * `exceptChangeId`). One row per asset, its patches aggregated in SQL.
 *
 * The claim check runs in memory: SQL returns, per asset, the unfinished changes holding it (an index
 * probe per asset), and a patch stays a candidate unless one of those changes carries it. Checking
 * claims per missing pair in SQL costs a probe per pair — 17 s for 800,000 pairs once everything was
 * claimed, which is the hourly job's usual case.
 */
export async function loadCandidates(tx: TDb, tenantId: string, patchIds: readonly string[], exceptChangeId?: string): Promise<TCandidate[]> {
  if (patchIds.length === 0) return [];
  const except = exceptChangeId ? sql`and c.id <> ${exceptChangeId}::uuid` : sql``;
  const claiming = await rawRows<{ change_id: string; patch_id: string }>(
    tx,
    sql`select cp.change_id, cp.patch_id from change_patches cp join change_requests c on c.id = cp.change_id
        where cp.tenant_id = ${tenantId}::uuid and c.state in (${claimingList}) ${except}`,
  );
  const patchesOf = new Map<string, Set<string>>();
  for (const r of claiming) {
    const set = patchesOf.get(r.change_id);
    if (set) set.add(r.patch_id);
    else patchesOf.set(r.change_id, new Set([r.patch_id]));
  }
  const claimingIds = [...patchesOf.keys()];
  const claimedBy = claimingIds.length
    ? sql`(select array_agg(ca.change_id::text) from change_assets ca where ca.asset_id = a.id and ca.change_id = any(${uuidArray(claimingIds)}::uuid[]))`
    : sql`null::text[]`;
  const rows = await rawRows<{
    asset_id: string;
    name: string;
    ring: string;
    zone: string;
    kind: TAssetKind;
    cluster: string | null;
    parent_host_id: string | null;
    tags: string[];
    application_id: string | null;
    criticality: TCriticality;
    /** 1-based positions in `patchIds`: small integers travel and parse far faster than 800,000 uuids. */
    patch_idx: number[];
    /** Detection of each, in epoch seconds, in the same order. */
    detected: number[];
    claimed_by: string[] | null;
  }>(
    tx,
    sql`
    with m as (
      select ap.asset_id, array_agg(pl.idx::int) as patch_idx, array_agg(extract(epoch from ap.detected_at)::bigint) as detected
      from applicability ap
      join unnest(${uuidArray([...patchIds])}::uuid[]) with ordinality as pl(id, idx) on pl.id = ap.patch_id
      where ap.tenant_id = ${tenantId}::uuid and ap.state = 'missing'
      group by ap.asset_id
    )
    select a.id as asset_id, a.name, r.name as ring, a.zone, a.kind, a.cluster, a.parent_host_id, a.tags, a.application_id, a.criticality,
           m.patch_idx, m.detected, ${claimedBy} as claimed_by
    from m
    join assets a on a.id = m.asset_id
    join rings r on r.id = a.ring_id
    where a.lifecycle <> 'decommissioned' and a.kind <> 'image'`,
  );
  const out: TCandidate[] = [];
  for (const r of rows) {
    const held = (r.claimed_by ?? []).map((id) => patchesOf.get(id)).filter((s): s is Set<string> => !!s);
    const ids: string[] = [];
    let first = Infinity;
    r.patch_idx.forEach((i, k) => {
      const id = patchIds[i - 1];
      if (held.some((s) => s.has(id))) return;
      ids.push(id);
      first = Math.min(first, Number(r.detected[k]));
    });
    if (ids.length === 0) continue;
    out.push({
      assetId: r.asset_id,
      name: r.name,
      ring: r.ring,
      zone: r.zone,
      kind: r.kind,
      cluster: r.cluster,
      parentHostId: r.parent_host_id,
      tags: r.tags ?? [],
      applicationId: r.application_id,
      criticality: r.criticality,
      patchIds: ids,
      detectedAt: new Date(first * 1000).toISOString(),
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export type TWindowLite = { id: string; name: string; scope: TScope };

export type TGroup = { key: string; ring: string | null; windowId: string | null; applicationId: string | null };

/** Windows in the order grouping picks from: by name. */
export const byWindowName = (windows: readonly TWindowLite[]) => [...windows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/**
 * The change an asset's work goes into under the tenant's grouping: tenant × ring × window (its first
 * enabled window by name whose scope covers it — `windows` sorted with byWindowName; none when no
 * window does) or tenant × application.
 */
export function groupOf(c: TCandidate, tenantId: string, windows: readonly TWindowLite[], grouping: TChangeGrouping): TGroup {
  if (grouping === 'application') return { key: `app:${c.applicationId ?? 'none'}`, ring: null, windowId: null, applicationId: c.applicationId };
  const subject = { tenantId, applicationIds: c.applicationId ? [c.applicationId] : [], ring: c.ring, tags: c.tags };
  const w = windows.find((x) => scopeMatches(x.scope, subject));
  return { key: `ring:${c.ring}|window:${w?.id ?? 'none'}`, ring: c.ring, windowId: w?.id ?? null, applicationId: null };
}

/** Fingerprint of a scope: the patches and each asset with its ring, order-free. */
export function scopeHash(patchIds: readonly string[], scope: readonly { assetId: string; ring: string }[]): string {
  const h = createHash('sha256');
  for (const p of [...patchIds].sort()) h.update(`p:${p}\n`);
  for (const s of [...scope].sort((a, b) => (a.assetId < b.assetId ? -1 : 1))) h.update(`a:${s.assetId}:${s.ring}\n`);
  return h.digest('hex');
}

/**
 * The scope a change would have if it were made now: its own assets still missing one of its patches
 * and in its group, plus assets that joined the group since (not claimed by another change). An asset
 * of the change that moved to another ring shows as moved.
 */
export async function liveScope(
  tx: TDb,
  change: { id: string; tenantId: string; groupKey: string; grouping: TChangeGrouping },
  patchIds: readonly string[],
  windows: readonly TWindowLite[],
): Promise<TCandidate[]> {
  const candidates = await loadCandidates(tx, change.tenantId, patchIds, change.id);
  return candidates.filter((c) => groupOf(c, change.tenantId, windows, change.grouping).key === change.groupKey);
}

/** The assets of a change with their ring as recorded (at submission or last resubmission). */
export async function recordedScope(tx: TDb, changeId: string): Promise<{ assetId: string; ring: string }[]> {
  return tx.select({ assetId: changeAssets.assetId, ring: changeAssets.ring }).from(changeAssets).where(eq(changeAssets.changeId, changeId));
}

/**
 * Scope drift with the current ring of each asset that left: an asset that left the group because it
 * moved ring is reported as moved (from → to), not as removed.
 */
export async function computeDrift(
  tx: TDb,
  recorded: readonly { assetId: string; ring: string }[],
  live: readonly { assetId: string; ring: string }[],
): Promise<TScopeDiff> {
  const diff = scopeDiff(recorded, live);
  if (diff.removed.length === 0) return diff;
  const rows = await rawRows<{ id: string; ring: string }>(
    tx,
    sql`select a.id, r.name as ring from assets a join rings r on r.id = a.ring_id where a.id in (${uuidList(diff.removed)}) and a.lifecycle <> 'decommissioned'`,
  );
  const before = new Map(recorded.map((r) => [r.assetId, r.ring]));
  const movedIds = new Set<string>();
  for (const r of rows)
    if (before.get(r.id) !== r.ring) {
      diff.moved.push({ assetId: r.id, from: before.get(r.id) as string, to: r.ring });
      movedIds.add(r.id);
    }
  diff.removed = diff.removed.filter((id) => !movedIds.has(id));
  diff.moved.sort((a, b) => (a.assetId < b.assetId ? -1 : 1));
  return diff;
}

/** Scope drift of a change, for the change page: empty once the change is past approval. */
export async function loadScopeDrift(db: TDb, actor: TActor, changeId: string): Promise<TScopeDiff & { names: Record<string, string> }> {
  const [change] = await db.select().from(changeRequests).where(eq(changeRequests.id, changeId));
  if (!change) throw new AppError('NOT_FOUND', 'Change not found.');
  requireTenantAccess(actor, change.tenantId, 'change:read', { notFound: 'Change not found.' });
  const empty = { added: [], removed: [], moved: [], names: {} };
  if (change.state !== 'submitted') return empty;
  const { windows, patchIds } = await changeContext(db, change.id, change.tenantId);
  const diff = await computeDrift(
    db,
    await recordedScope(db, change.id),
    await liveScope(db, { ...change, grouping: change.grouping as TChangeGrouping }, patchIds, windows),
  );
  const ids = [...diff.added, ...diff.removed, ...diff.moved.map((m) => m.assetId)];
  const names: Record<string, string> = {};
  if (ids.length) {
    const rows = await rawRows<{ id: string; name: string }>(db, sql`select id, name from assets where id in (${uuidList(ids.slice(0, 500))})`);
    for (const r of rows) names[r.id] = r.name;
  }
  return { ...diff, names };
}

/** A change's patches and its tenant's enabled windows (what grouping and planning read). */
export async function changeContext(tx: TDb, changeId: string, tenantId: string): Promise<{ windows: TWindowLite[]; patchIds: string[] }> {
  const [windows, patchRows] = await Promise.all([
    rawRows<{ id: string; name: string; def: { scope?: TScope } }>(
      tx,
      sql`select id, name, def from maintenance_windows where tenant_id = ${tenantId}::uuid and is_enabled`,
    ),
    rawRows<{ patch_id: string }>(tx, sql`select patch_id from change_patches where change_id = ${changeId}::uuid`),
  ]);
  return { windows: byWindowName(windows.map((w) => ({ id: w.id, name: w.name, scope: w.def.scope ?? {} }))), patchIds: patchRows.map((p) => p.patch_id) };
}
