import type { TGroup } from './groups';
import type { TPlanTarget, TUnschedulableReason } from './types';

/** A target as the ring schedulers see it. */
export type TEntry = { target: TPlanTarget; group: TGroup; deadlineMs: number };

/** What one ring is asked to plan. Times in minutes since the plan's origin. */
export type TRingSpec = {
  ring: string;
  /** Earliest start: the plan's origin, or the previous ring's last job end + its soak. */
  ringStart: number;
  /** VMs and images first, then hosts; each part by SLA deadline, then asset id. */
  entries: TEntry[];
  /** Jobs running at once in this ring. */
  limit: number;
  /** Hosts of a cluster that may be down at once. */
  clusterLimit: (clusterId: string) => number;
  /** Ids of the hosts planned in this ring; their VMs here must finish before they start. */
  hostIds: ReadonlySet<string>;
};

export type TPlaced = { entry: TEntry; start: number; windowId: string };
export type TFailed = { entry: TEntry; reason: TUnschedulableReason; detail: string };
export type TRingOutcome = { placed: TPlaced[]; failed: TFailed[] };

/**
 * Hosts of each cluster in maintenance over time. All jobs of a plan have the same length, which keeps
 * the overlap check to the jobs starting within one job length either side.
 */
export class ClusterLoad {
  private readonly starts = new Map<string, number[]>();
  constructor(private readonly jobMinutes: number) {}

  add(clusterId: string, start: number): void {
    const list = this.starts.get(clusterId);
    if (list) list.push(start);
    else this.starts.set(clusterId, [start]);
  }

  /**
   * -1 when one more host of the cluster may be down over [t, t+jobMinutes) without exceeding
   * `limit`; otherwise the earliest later start worth trying (no start before it can fit).
   */
  conflict(clusterId: string, t: number, limit: number): number {
    const D = this.jobMinutes;
    const near = (this.starts.get(clusterId) ?? []).filter((s) => s > t - D && s < t + D);
    if (near.length < limit) return -1;
    let worst = 0;
    for (const x of [t, ...near.filter((s) => s >= t)]) {
      let n = 0;
      for (const s of near) if (s <= x && x < s + D) n++;
      worst = Math.max(worst, n);
    }
    if (worst < limit) return -1;
    let next = Number.POSITIVE_INFINITY;
    for (const s of near) if (s + D > t && s + D < next) next = s + D;
    return next;
  }
}

/** Processing order inside a ring: VMs and images before hosts, then earliest deadline, then asset id. */
export function compareEntries(a: TEntry, b: TEntry): number {
  const ha = a.target.kind === 'host' ? 1 : 0;
  const hb = b.target.kind === 'host' ? 1 : 0;
  if (ha !== hb) return ha - hb;
  if (a.deadlineMs !== b.deadlineMs) return a.deadlineMs - b.deadlineMs;
  return a.target.assetId < b.target.assetId ? -1 : a.target.assetId > b.target.assetId ? 1 : 0;
}
