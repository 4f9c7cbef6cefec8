/**
 * Jobs running per minute over the planning horizon, with "earliest start that fits under a limit".
 * A segment tree with range add and min/max per node; additions stay on the node they cover
 * (never pushed down), so every operation is O(log n) and 100k jobs cost a few hundred thousand steps.
 */
export class CapacityTimeline {
  private readonly size: number;
  private readonly mx: Int32Array;
  private readonly mn: Int32Array;
  private readonly ad: Int32Array;

  /** `minutes` positions, 0 … minutes-1. */
  constructor(readonly minutes: number) {
    let size = 1;
    while (size < minutes) size <<= 1;
    this.size = size;
    this.mx = new Int32Array(2 * size);
    this.mn = new Int32Array(2 * size);
    this.ad = new Int32Array(2 * size);
  }

  /** Adds `v` running jobs over minutes [l, r). */
  add(l: number, r: number, v = 1): void {
    this.addRec(1, 0, this.size, l, r, v);
  }

  /** Jobs running at minute `i`. */
  at(i: number): number {
    let node = 1;
    let nl = 0;
    let nr = this.size;
    let acc = 0;
    while (nr - nl > 1) {
      acc += this.ad[node];
      const mid = (nl + nr) >> 1;
      if (i < mid) [node, nr] = [2 * node, mid];
      else [node, nl] = [2 * node + 1, mid];
    }
    return acc + this.mx[node];
  }

  /**
   * Earliest start t in [lo, hi] such that every minute of [t, t+duration) has fewer than `limit`
   * jobs, or -1. Skips whole full stretches at a time.
   */
  earliestFit(lo: number, hi: number, duration: number, limit: number): number {
    let t = lo;
    while (t <= hi) {
      const full = this.firstAtLeast(1, 0, this.size, t, t + duration, limit, 0);
      if (full < 0) return t;
      // No start in (t, full] avoids `full`; the next candidate is the first non-full minute after it.
      const next = this.firstBelow(1, 0, this.size, full + 1, hi + duration, limit, 0);
      if (next < 0 || next > hi) return -1;
      t = next;
    }
    return -1;
  }

  private addRec(node: number, nl: number, nr: number, l: number, r: number, v: number): void {
    if (r <= nl || nr <= l) return;
    if (l <= nl && nr <= r) {
      this.mx[node] += v;
      this.mn[node] += v;
      this.ad[node] += v;
      return;
    }
    const mid = (nl + nr) >> 1;
    this.addRec(2 * node, nl, mid, l, r, v);
    this.addRec(2 * node + 1, mid, nr, l, r, v);
    this.mx[node] = Math.max(this.mx[2 * node], this.mx[2 * node + 1]) + this.ad[node];
    this.mn[node] = Math.min(this.mn[2 * node], this.mn[2 * node + 1]) + this.ad[node];
  }

  /** First minute in [l, r) with at least `c` jobs; `acc` is the sum of ancestors' additions. */
  private firstAtLeast(node: number, nl: number, nr: number, l: number, r: number, c: number, acc: number): number {
    if (r <= nl || nr <= l || this.mx[node] + acc < c) return -1;
    if (nr - nl === 1) return nl;
    const mid = (nl + nr) >> 1;
    const a = acc + this.ad[node];
    const left = this.firstAtLeast(2 * node, nl, mid, l, r, c, a);
    return left >= 0 ? left : this.firstAtLeast(2 * node + 1, mid, nr, l, r, c, a);
  }

  /** First minute in [l, r) with fewer than `c` jobs. */
  private firstBelow(node: number, nl: number, nr: number, l: number, r: number, c: number, acc: number): number {
    if (r <= nl || nr <= l || this.mn[node] + acc >= c) return -1;
    if (nr - nl === 1) return nl;
    const mid = (nl + nr) >> 1;
    const a = acc + this.ad[node];
    const left = this.firstBelow(2 * node, nl, mid, l, r, c, a);
    return left >= 0 ? left : this.firstBelow(2 * node + 1, mid, nr, l, r, c, a);
  }
}
