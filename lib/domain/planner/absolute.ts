import { minuteToIso, type TClock, type TGroup } from './groups';
import type { TEntry, TRingOutcome, TRingSpec } from './ring';
import type { TUnschedulableReason } from './types';

/** Closed interval of allowed start minutes. */
type TRange = [number, number];

/**
 * Absolute time mode: the ring runs at instants shared by all its targets, so the fleet is never on
 * mixed versions for longer than needed.
 *
 * 1. Each group's allowed starts (inside a window piece, after the ring's start) are intersected,
 *    largest group first; a group whose windows share no instant with the groups before it is left
 *    out (its targets are reported `no_window` with the reason).
 * 2. Steps are taken from the common starts, back to back: step k+1 starts no earlier than step k ends,
 *    so at most one step runs at any instant. When the ring fits the concurrency limit and has no
 *    hosts, everything runs in step 0: one instant for the whole ring.
 * 3. VMs and images fill steps in order, at most `limit` per step; each host then takes the first
 *    step after its VMs' steps with room under the concurrency and cluster limits.
 */
export function scheduleAbsolute(spec: TRingSpec, clock: TClock): TRingOutcome {
  const D = clock.jobMinutes;
  const out: TRingOutcome = { placed: [], failed: [] };
  const sizes = new Map<TGroup, number>();
  for (const e of spec.entries) if (e.group.status === 'ok') sizes.set(e.group, (sizes.get(e.group) ?? 0) + 1);
  const ordered = [...sizes.keys()].sort((a, b) => (sizes.get(b) as number) - (sizes.get(a) as number) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  let common: TRange[] | null = null;
  const left = new Map<TGroup, { reason: TUnschedulableReason; detail: string }>();
  for (const g of ordered) {
    const starts = allowedStarts(g, spec.ringStart, D);
    if (starts.length === 0) {
      left.set(g, {
        reason: 'no_window_before_deadline',
        detail: `None of its windows fits the ${D}-minute job between the ring's start ${minuteToIso(clock, spec.ringStart)} and the planning horizon ${minuteToIso(clock, clock.horizon)}.`,
      });
      continue;
    }
    const next: TRange[] = common === null ? starts : intersect(common, starts);
    if (next.length === 0) {
      left.set(g, {
        reason: 'no_window',
        detail: `Absolute time mode: its windows share no instant with the rest of ring "${spec.ring}" before the planning horizon.`,
      });
    } else common = next;
  }

  const steps = new StepSequence(common ?? [], D);
  const used: number[] = [];
  const clusterUsed = new Map<string, number>();
  const vmStep = new Map<string, number>();
  const windowAt = new Map<TGroup, { t: number; w: string }>();
  let firstOpen = 0;

  const place = (entry: TEntry, k: number) => {
    const t = steps.at(k);
    let hit = windowAt.get(entry.group);
    if (!hit || hit.t !== t) {
      hit = { t, w: pieceAt(entry.group, t, D) };
      windowAt.set(entry.group, hit);
    }
    used[k] = (used[k] ?? 0) + 1;
    out.placed.push({ entry, start: t, windowId: hit.w });
  };
  let noRoomDetail: string | undefined;
  const noRoom = (entry: TEntry) => {
    noRoomDetail ??= `Absolute time mode: the instants shared by ring "${spec.ring}" run out before the planning horizon ${minuteToIso(clock, clock.horizon)} (at most ${spec.limit} job(s) per instant).`;
    out.failed.push({ entry, reason: 'no_window_before_deadline', detail: noRoomDetail });
  };

  for (const entry of spec.entries) {
    const g = entry.group;
    if (g.status !== 'ok') {
      out.failed.push({ entry, reason: g.status, detail: g.detail });
      continue;
    }
    const excluded = left.get(g);
    if (excluded) {
      out.failed.push({ entry, ...excluded });
      continue;
    }
    while ((used[firstOpen] ?? 0) >= spec.limit) firstOpen++;
    const { target } = entry;
    if (target.kind !== 'host') {
      if (steps.at(firstOpen) < 0) {
        noRoom(entry);
        continue;
      }
      place(entry, firstOpen);
      if (target.hostId && spec.hostIds.has(target.hostId)) vmStep.set(target.hostId, Math.max(vmStep.get(target.hostId) ?? -1, firstOpen));
      continue;
    }
    const clusterId = target.clusterId ?? null;
    const clusterMax = clusterId === null ? 0 : spec.clusterLimit(clusterId);
    let k = Math.max(firstOpen, (vmStep.get(target.assetId) ?? -1) + 1);
    for (; steps.at(k) >= 0; k++) {
      if ((used[k] ?? 0) >= spec.limit) continue;
      if (clusterId !== null && (clusterUsed.get(`${clusterId}\u0000${k}`) ?? 0) >= clusterMax) continue;
      break;
    }
    if (steps.at(k) < 0) {
      noRoom(entry);
      continue;
    }
    place(entry, k);
    if (clusterId !== null) clusterUsed.set(`${clusterId}\u0000${k}`, (clusterUsed.get(`${clusterId}\u0000${k}`) ?? 0) + 1);
  }
  return out;
}

/** Step instants drawn lazily from the common start ranges, each at least one job after the previous. */
class StepSequence {
  private readonly times: number[] = [];
  private range = 0;
  constructor(
    private readonly ranges: TRange[],
    private readonly D: number,
  ) {}

  /** Start minute of step k, or -1 when the shared window time is used up. */
  at(k: number): number {
    while (this.times.length <= k) {
      const prev = this.times.length > 0 ? this.times[this.times.length - 1] + this.D : Number.NEGATIVE_INFINITY;
      while (this.range < this.ranges.length && Math.max(this.ranges[this.range][0], prev) > this.ranges[this.range][1]) this.range++;
      if (this.range >= this.ranges.length) return -1;
      this.times.push(Math.max(this.ranges[this.range][0], prev));
    }
    return this.times[k];
  }
}

/** Starts at or after `from` at which a job fits inside one of the group's pieces, merged and sorted. */
function allowedStarts(g: TGroup, from: number, D: number): TRange[] {
  const raw: TRange[] = [];
  for (const p of g.pieces) {
    const a = Math.max(p.s, from);
    if (a <= p.e - D) raw.push([a, p.e - D]);
  }
  raw.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: TRange[] = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function intersect(a: TRange[], b: TRange[]): TRange[] {
  const out: TRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

/** The window of the earliest piece holding a job at `t` (one exists: `t` came from the group's allowed starts). */
function pieceAt(g: TGroup, t: number, D: number): string {
  for (const p of g.pieces) {
    if (p.s > t) break;
    if (t + D <= p.e) return p.w;
  }
  throw new Error(`planner invariant: no piece of group ${g.key} holds a job at minute ${t}`);
}
