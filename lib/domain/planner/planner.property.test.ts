import { describe, expect, it } from 'vitest';
import { clusterMaxDown, defaultPolicy, maxConcurrencyFor, type TPolicy } from '../policy';
import { ZBlackout, ZWindowDef, occurrences, scopeMatches, type TBlackout, type TWindowDef } from '../windows';
import { planChange, type TPlan, type TPlanInput, type TPlanJob, type TPlanPatch, type TPlanTarget } from './index';

/** mulberry32: a tiny seeded PRNG, so every failure can be replayed from its seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const chance = (p: number) => next() < p;
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { int, pick, chance, shuffle };
}

const ZONES = [
  'America/New_York',
  'America/St_Johns',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
] as const;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

function randomInput(seed: number): TPlanInput {
  const r = prng(seed);
  // Around the 2026 DST transitions half the time.
  const base = r.chance(0.5) ? r.pick(['2026-03-01', '2026-03-25', '2026-09-20', '2026-10-25']) : `2026-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
  const now = new Date(Date.parse(`${base}T00:00:00Z`) + r.int(0, 86_399) * 1000).toISOString();
  const windows: { id: string; def: TWindowDef }[] = Array.from({ length: r.int(1, 4) }, (_, i) => {
    const kind = r.pick(['weekly', 'weekly', 'monthlyNth', 'patchTuesdayOffset', 'everyNDays'] as const);
    const recurrence =
      kind === 'weekly'
        ? { kind, days: r.shuffle(DAYS).slice(0, r.int(1, 3)) }
        : kind === 'monthlyNth'
          ? { kind, nth: r.pick([1, 2, 3, 4, -1] as const), weekday: r.pick(DAYS) }
          : kind === 'patchTuesdayOffset'
            ? { kind, offsetDays: r.int(-3, 5) }
            : { kind, interval: r.int(1, 10), anchor: `${r.int(2025, 2030)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}` };
    const def = ZWindowDef.parse({
      name: `w${i}`,
      recurrence,
      start: `${pad(r.pick([0, 1, 2, 2, 3, 22, r.int(0, 23)]))}:${pad(r.pick([0, 15, 30, 45]))}`,
      durationMinutes: r.int(30, 600),
      zone: r.chance(0.5) ? 'asset' : r.pick(ZONES),
    });
    return { id: `w${i}`, def };
  });
  const blackouts: TBlackout[] = Array.from({ length: r.int(0, 3) }, (_, i) => {
    const start = Date.parse(now) + r.int(-2, 60) * 86_400_000 + r.int(0, 1439) * 60_000 + r.int(0, 59) * 1000;
    const scope = r.chance(0.5) ? {} : r.chance(0.5) ? { rings: [r.pick(['test', 'dev', 'prod'])] } : { assetTags: [r.pick(['pci', 'web'])] };
    return ZBlackout.parse({
      name: `b${i}`,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + r.int(60, 10 * 1440) * 60_000).toISOString(),
      scope,
    });
  });
  const policy: TPolicy = defaultPolicy();
  policy.rings = ['test', 'dev', 'prod'].map((ring) => ({
    ring,
    soakHours: r.pick([0, 1.5, 24, 48]),
    gate: { minSuccessPct: r.pick([0, 50, 100]), noOpenIncidents: true },
  }));
  policy.rateControl.maxConcurrency = r.chance(0.5) ? { kind: 'count', value: r.int(1, 5) } : { kind: 'percent', value: r.pick([10, 25, 50, 100]) };
  policy.clusterMaxDownPct = r.pick([25, 50, 100]);
  policy.defaultTimeMode = r.chance(0.3) ? 'absolute' : 'local';
  const patches: TPlanPatch[] = Array.from({ length: r.int(1, 3) }, (_, i) => ({
    id: `p${i}`,
    severity: r.pick(['critical', 'high', 'medium', 'low', 'none'] as const),
    expectedMinutes: r.int(5, 120),
    timeMode: r.pick([undefined, undefined, 'local', 'absolute'] as const),
    requiresReboot: r.chance(0.5),
  }));
  const n = r.int(1, 40);
  const hostIds: string[] = [];
  const targets: TPlanTarget[] = Array.from({ length: n }, (_, i) => {
    const kind = r.pick(['vm', 'vm', 'vm', 'host', 'host', 'image'] as const);
    const assetId = `a${pad(i)}`;
    if (kind === 'host') hostIds.push(assetId);
    return {
      assetId,
      kind,
      ring: r.chance(0.05) ? 'staging' : r.pick(['test', 'dev', 'prod', 'prod']),
      zone: r.chance(0.02) ? 'Nowhere/Atlantis' : r.pick(ZONES),
      clusterId: kind === 'host' && r.chance(0.8) ? r.pick(['c1', 'c2']) : null,
      hostId: kind === 'vm' && hostIds.length > 0 && r.chance(0.7) ? r.pick(hostIds) : null,
      windowIds: r
        .shuffle(windows.map((w) => w.id))
        .slice(0, r.int(0, windows.length))
        .concat(r.chance(0.05) ? ['ghost'] : []),
      excepted: r.chance(0.05),
      detectedAt: new Date(Date.parse(now) - r.int(0, 60 * 1440) * 60_000).toISOString(),
      tags: r.chance(0.5) ? [r.pick(['pci', 'web'])] : undefined,
    };
  });
  return { changeId: `chg-${seed}`, patches, targets, windows, blackouts, policy, now, horizonDays: r.int(30, 120) };
}

const ms = Date.parse;

function peak(jobs: readonly TPlanJob[]): number {
  const ev = jobs.flatMap((j) => [[ms(j.start), 1] as const, [ms(j.end), -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let run = 0;
  let max = 0;
  for (const [, d] of ev) max = Math.max(max, (run += d));
  return max;
}

function checkInvariants(input: TPlanInput, plan: TPlan) {
  const { policy } = input;
  const byId = new Map(input.targets.map((t) => [t.assetId, t]));
  const defs = new Map(input.windows.map((w) => [w.id, w.def]));
  const jobs = plan.waves.flatMap((w) => w.jobs.map((j) => ({ ...j, ring: w.ring })));
  const seen = [...jobs.map((j) => j.assetId), ...plan.unschedulable.map((u) => u.assetId)].sort();
  expect(seen).toEqual(input.targets.map((t) => t.assetId).sort());
  for (const t of input.targets) if (t.excepted) expect(plan.unschedulable.find((u) => u.assetId === t.assetId)?.reason).toBe('excepted');

  const slaDays = Math.min(...input.patches.map((p) => policy.severity[p.severity].slaDays));
  const late = new Set<string>();
  for (const j of jobs) {
    const t = byId.get(j.assetId) as TPlanTarget;
    expect(j.ring).toBe(t.ring);
    expect(ms(j.end) - ms(j.start)).toBe(plan.jobMinutes * 60_000);
    expect(ms(j.start)).toBeGreaterThanOrEqual(ms(input.now));
    expect(ms(j.end)).toBeLessThanOrEqual(ms(plan.horizonEnd));
    // Inside one occurrence of one of its own windows…
    expect(t.windowIds).toContain(j.windowId);
    const occ = occurrences(defs.get(j.windowId) as TWindowDef, t.zone, j.start, j.end);
    expect(occ.some((o) => o.start <= j.start && j.end <= o.end)).toBe(true);
    // …and outside every blackout that applies to it.
    for (const b of input.blackouts) {
      if (scopeMatches(b.scope, { ring: t.ring, tags: t.tags })) expect(ms(j.end) <= ms(b.startsAt) || ms(j.start) >= ms(b.endsAt)).toBe(true);
    }
    if (ms(j.end) > ms(t.detectedAt) + slaDays * 86_400_000) late.add(j.assetId);
  }
  expect(plan.atRisk.map((a) => a.assetId)).toEqual([...late].sort());

  // Rings in policy order, each after the previous one's last job + its soak.
  const order = policy.rings.map((x) => x.ring);
  const waveRings = plan.waves.map((w) => order.indexOf(w.ring));
  expect([...waveRings].sort((a, b) => a - b)).toEqual(waveRings);
  expect(new Set(waveRings).size).toBe(waveRings.length);
  for (let i = 1; i < plan.waves.length; i++) {
    const soak = (policy.rings.find((x) => x.ring === plan.waves[i - 1].ring)?.soakHours ?? 0) * 3600_000;
    expect(ms(plan.waves[i].start)).toBeGreaterThanOrEqual(ms(plan.waves[i - 1].end) + soak);
  }

  for (const w of plan.waves) {
    const ringSize = input.targets.filter((t) => t.ring === w.ring && !t.excepted).length;
    expect(peak(w.jobs)).toBeLessThanOrEqual(maxConcurrencyFor(policy, ringSize));
    for (const j of w.jobs) {
      const t = byId.get(j.assetId) as TPlanTarget;
      if (t.kind !== 'host') continue;
      // VMs of a host in the same ring finish before it goes down.
      for (const v of w.jobs) if (byId.get(v.assetId)?.hostId === t.assetId) expect(v.end <= j.start).toBe(true);
    }
    if (plan.timeMode === 'absolute') {
      // Shared instants: jobs that start at different instants never overlap.
      const starts = [...new Set(w.jobs.map((j) => ms(j.start)))].sort((a, b) => a - b);
      for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(plan.jobMinutes * 60_000);
    }
  }
  for (const c of new Set(input.targets.map((t) => (t.kind === 'host' ? t.clusterId : null)))) {
    if (!c) continue;
    const size = input.targets.filter((t) => t.kind === 'host' && t.clusterId === c).length;
    expect(peak(jobs.filter((j) => byId.get(j.assetId)?.kind === 'host' && byId.get(j.assetId)?.clusterId === c))).toBeLessThanOrEqual(
      clusterMaxDown(policy, size),
    );
  }

  // A ring below its gate stops every later ring.
  let blocked = false;
  for (const rule of policy.rings) {
    const ringTargets = input.targets.filter((t) => t.ring === rule.ring && !t.excepted);
    if (ringTargets.length === 0) continue;
    const planned = jobs.filter((j) => j.ring === rule.ring).length;
    if (blocked) expect(planned).toBe(0);
    if ((planned / ringTargets.length) * 100 < rule.gate.minSuccessPct) blocked = true;
  }
}

describe('planChange properties (200 seeded random inputs)', () => {
  const seeds = Array.from({ length: 200 }, (_, i) => 1000 + i);

  const plans = new Map<number, TPlan>();
  const planFor = (seed: number) => {
    let p = plans.get(seed);
    if (!p) plans.set(seed, (p = planChange(randomInput(seed))));
    return p;
  };

  it.each(seeds)('seed %i: windows, blackouts, ring order, limits, SLA flags hold; output is deterministic', (seed) => {
    const input = randomInput(seed);
    const plan = planFor(seed);
    checkInvariants(input, plan);
    expect(planChange(randomInput(seed))).toEqual(plan);
    const r = prng(seed * 7);
    expect(planChange({ ...input, targets: r.shuffle(input.targets), windows: r.shuffle(input.windows), blackouts: r.shuffle(input.blackouts) })).toEqual(plan);
  });

  it('the random inputs exercise what they should', () => {
    const plans = seeds.map(planFor);
    const reasons = new Set(plans.flatMap((p) => p.unschedulable.map((u) => u.reason)));
    expect([...reasons].sort()).toEqual(['blackout', 'excepted', 'no_window', 'no_window_before_deadline', 'ring_gate']);
    expect(plans.filter((p) => p.timeMode === 'absolute' && p.waves.length > 0).length).toBeGreaterThan(10);
    expect(plans.reduce((n, p) => n + p.waves.reduce((k, w) => k + w.jobs.length, 0), 0)).toBeGreaterThan(500);
    expect(new Set(plans.flatMap((p) => p.atRisk.map((a) => a.reason)))).toEqual(new Set(['window_after_deadline', 'ring_order', 'capacity']));
  });
});
