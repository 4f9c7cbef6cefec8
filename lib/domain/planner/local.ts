import type { TClock, TGroup } from './groups';
import { minuteToIso } from './groups';
import { ClusterLoad, type TRingOutcome, type TRingSpec } from './ring';
import type { CapacityTimeline } from './timeline';

/**
 * Local time mode: each target independently takes the earliest start, at or after the ring's start
 * (and, for a host, after its VMs' jobs in this ring), that lies inside one of its window pieces,
 * keeps the ring under its concurrency limit at every minute, and keeps the host's cluster under its
 * down limit. Greedy in the order of `spec.entries` (earliest deadline first).
 */
export function scheduleLocal(spec: TRingSpec, clock: TClock, timeline: CapacityTimeline): TRingOutcome {
  const D = clock.jobMinutes;
  const out: TRingOutcome = { placed: [], failed: [] };
  const clusters = new ClusterLoad(D);
  const vmEnd = new Map<string, number>();
  let noSlot: string | undefined;
  for (const entry of spec.entries) {
    const { target, group } = entry;
    if (group.status !== 'ok') {
      out.failed.push({ entry, reason: group.status, detail: group.detail });
      continue;
    }
    const isHost = target.kind === 'host';
    const clusterId = isHost ? (target.clusterId ?? null) : null;
    let from = isHost ? Math.max(spec.ringStart, vmEnd.get(target.assetId) ?? 0) : spec.ringStart;
    let slot: { t: number; w: string } | null = null;
    for (;;) {
      const found = searchGroup(group, from, D, spec.limit, timeline);
      if (!found || clusterId === null) {
        slot = found;
        break;
      }
      const next = clusters.conflict(clusterId, found.t, spec.clusterLimit(clusterId));
      if (next < 0) {
        slot = found;
        break;
      }
      from = next;
    }
    if (!slot) {
      const limits = `at most ${spec.limit} job(s) at once${clusterId !== null ? `, ${spec.clusterLimit(clusterId)} host(s) of cluster "${clusterId}" down at once` : ''}`;
      noSlot ??= `No free slot in its windows between the ring's start ${minuteToIso(clock, spec.ringStart)} and the planning horizon ${minuteToIso(clock, clock.horizon)}`;
      out.failed.push({ entry, reason: 'no_window_before_deadline', detail: `${noSlot} (${limits}).` });
      continue;
    }
    timeline.add(slot.t, slot.t + D);
    if (clusterId !== null) clusters.add(clusterId, slot.t);
    out.placed.push({ entry, start: slot.t, windowId: slot.w });
    const hostId = target.hostId;
    if (!isHost && hostId && spec.hostIds.has(hostId)) vmEnd.set(hostId, Math.max(vmEnd.get(hostId) ?? 0, slot.t + D));
  }
  return out;
}

/**
 * Earliest start ≥ `from` in the group's pieces where the timeline stays under `limit`.
 * The group's cursor remembers, for this ring, that no start before it fits: capacity only ever fills
 * up, so later targets of the group resume there instead of rescanning full windows.
 */
function searchGroup(g: TGroup, from: number, D: number, limit: number, timeline: CapacityTimeline): { t: number; w: string } | null {
  const useCursor = from <= g.cursor;
  const start = useCursor ? g.cursor : from;
  if (start >= g.deadFrom) return null;
  const pieces = g.pieces;
  if (useCursor) while (g.live < pieces.length && pieces[g.live].e - D < start) g.live++;
  let best = -1;
  let bestW = '';
  for (let i = g.live; i < pieces.length; i++) {
    const p = pieces[i];
    if (best >= 0 && p.s >= best) break;
    const lo = Math.max(p.s, start);
    const hi = best >= 0 ? Math.min(p.e - D, best - 1) : p.e - D;
    if (lo > hi) continue;
    const t = timeline.earliestFit(lo, hi, D, limit);
    if (t >= 0) {
      best = t;
      bestW = p.w;
    }
  }
  if (useCursor) g.cursor = best < 0 ? Number.POSITIVE_INFINITY : best;
  if (best < 0) {
    g.deadFrom = Math.min(g.deadFrom, start);
    return null;
  }
  return { t: best, w: bestW };
}
