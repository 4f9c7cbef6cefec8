import { describe, expect, it } from 'vitest';
import { CapacityTimeline } from './timeline';

describe('CapacityTimeline', () => {
  it('agrees with a plain array on random adds and earliest-fit queries', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const size = 50 + rnd(300);
      const tl = new CapacityTimeline(size);
      const naive = new Array<number>(size).fill(0);
      for (let op = 0; op < 60; op++) {
        const d = 1 + rnd(20);
        const limit = 1 + rnd(3);
        const lo = rnd(size - d);
        const hi = lo + rnd(size - d - lo + 1);
        let expected = -1;
        for (let t = lo; t <= hi && expected < 0; t++) if (naive.slice(t, t + d).every((v) => v < limit)) expected = t;
        const got = tl.earliestFit(lo, hi, d, limit);
        expect(got).toBe(expected);
        if (got >= 0) {
          tl.add(got, got + d);
          for (let i = got; i < got + d; i++) naive[i]++;
        }
      }
      for (let i = 0; i < size; i++) expect(tl.at(i)).toBe(naive[i]);
    }
  });
});
