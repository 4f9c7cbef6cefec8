import { describe, expect, it } from 'vitest';
import { defaultPolicy, type TPolicy } from '../policy';
import { instantToLocal } from '../time';
import { ZBlackout, ZWindowDef, type TBlackout } from '../windows';
import { planChange, summarizePlan, type TPlan, type TPlanInput, type TPlanJob, type TPlanTarget } from './index';

const W = {
  sunLocal: ZWindowDef.parse({ name: 'Sunday 02:30 local', recurrence: { kind: 'weekly', days: ['SU'] }, start: '02:30', durationMinutes: 180, zone: 'asset' }),
  satUtc: ZWindowDef.parse({ name: 'Saturday 06:00 UTC', recurrence: { kind: 'weekly', days: ['SA'] }, start: '06:00', durationMinutes: 360, zone: 'UTC' }),
  daily: ZWindowDef.parse({
    name: 'Nightly',
    recurrence: { kind: 'everyNDays', interval: 1, anchor: '2026-01-01' },
    start: '00:00',
    durationMinutes: 480,
    zone: 'asset',
  }),
};
const windows = Object.entries(W).map(([id, def]) => ({ id, def }));

function policy(over: (p: TPolicy) => void = () => {}): TPolicy {
  const p = defaultPolicy();
  p.rateControl.maxConcurrency = { kind: 'percent', value: 100 };
  over(p);
  return p;
}

const target = (assetId: string, over: Partial<TPlanTarget> = {}): TPlanTarget => ({
  assetId,
  kind: 'vm',
  ring: 'prod',
  zone: 'UTC',
  windowIds: ['daily'],
  detectedAt: '2026-03-01T00:00:00Z',
  ...over,
});

function plan(targets: TPlanTarget[], over: Partial<TPlanInput> = {}): TPlan {
  return planChange({
    changeId: 'chg-1',
    patches: [{ id: 'p1', severity: 'high', expectedMinutes: 60, requiresReboot: true }],
    targets,
    windows,
    blackouts: [],
    policy: policy(),
    now: '2026-03-05T00:00:00Z',
    ...over,
  });
}

const jobs = (p: TPlan): TPlanJob[] => p.waves.flatMap((w) => w.jobs);
const job = (p: TPlan, id: string) => jobs(p).find((j) => j.assetId === id);
const overlaps = (a: TPlanJob, b: TPlanJob) => a.start < b.end && b.start < a.end;

describe('planChange: time zones', () => {
  it('a "Sunday 02:30 local" window in New York across spring-forward runs at 03:30 EDT (07:30Z)', () => {
    const p = plan([target('ny', { zone: 'America/New_York', windowIds: ['sunLocal'] })]);
    expect(job(p, 'ny')).toEqual({ assetId: 'ny', start: '2026-03-08T07:30:00.000Z', end: '2026-03-08T08:30:00.000Z', windowId: 'sunLocal' });
    expect(instantToLocal('2026-03-08T07:30:00.000Z', 'America/New_York')).toBe('2026-03-08T03:30');
  });

  const zones12 = [
    'America/New_York',
    'America/Los_Angeles',
    'America/St_Johns',
    'Europe/London',
    'Europe/Berlin',
    'Asia/Kathmandu',
    'Asia/Kolkata',
    'Asia/Tokyo',
    'Australia/Lord_Howe',
    'Australia/Sydney',
    'Pacific/Chatham',
    'Pacific/Honolulu',
  ];
  const vms12 = zones12.map((zone, i) => target(`vm${String(i).padStart(2, '0')}`, { zone, windowIds: ['sunLocal', 'satUtc'] }));

  it('local mode: each VM at 02:30 on its own wall clock (03:30 where the gap swallows it)', () => {
    const p = plan(vms12.map((t) => ({ ...t, windowIds: ['sunLocal'] })));
    expect(p.timeMode).toBe('local');
    expect(jobs(p)).toHaveLength(12);
    for (const t of vms12) {
      const local = instantToLocal((job(p, t.assetId) as TPlanJob).start, t.zone);
      // North America springs forward at 02:00 that very Sunday.
      const inGap = ['America/New_York', 'America/Los_Angeles', 'America/St_Johns'].includes(t.zone);
      expect(local).toBe(inGap ? '2026-03-08T03:30' : '2026-03-08T02:30');
    }
    // Sydney and Lord Howe are both +11:00 in March: 11 distinct instants for 12 zones.
    expect(new Set(jobs(p).map((j) => j.start)).size).toBe(11);
  });

  it('absolute mode: VMs in 12 zones all start at one instant, the earliest shared by all', () => {
    const p = plan(vms12, { patches: [{ id: 'p1', severity: 'high', expectedMinutes: 60, timeMode: 'absolute', requiresReboot: false }] });
    expect(p.timeMode).toBe('absolute');
    expect(p.unschedulable).toEqual([]);
    expect(jobs(p)).toHaveLength(12);
    expect(new Set(jobs(p).map((j) => j.start))).toEqual(new Set(['2026-03-07T06:00:00.000Z']));
    expect(new Set(jobs(p).map((j) => j.windowId))).toEqual(new Set(['satUtc']));
  });

  it('absolute mode under a concurrency limit runs back-to-back shared instants', () => {
    const p = plan(vms12, {
      policy: policy((x) => (x.rateControl.maxConcurrency = { kind: 'count', value: 5 })),
      patches: [{ id: 'p1', severity: 'high', expectedMinutes: 60, timeMode: 'absolute', requiresReboot: false }],
    });
    const starts = jobs(p).map((j) => j.start);
    expect(starts.filter((s) => s === '2026-03-07T06:00:00.000Z')).toHaveLength(5);
    expect(starts.filter((s) => s === '2026-03-07T07:00:00.000Z')).toHaveLength(5);
    expect(starts.filter((s) => s === '2026-03-07T08:00:00.000Z')).toHaveLength(2);
  });

  it('absolute mode: a target sharing no instant with the ring is reported, the rest still run together', () => {
    const loner = target('zz-loner', { zone: 'Asia/Tokyo', windowIds: ['sunLocal'] });
    const p = plan([...vms12, loner], {
      policy: policy((x) => (x.rings = [{ ring: 'prod', soakHours: 0, gate: { minSuccessPct: 0, noOpenIncidents: true } }])),
      patches: [{ id: 'p1', severity: 'high', expectedMinutes: 60, timeMode: 'absolute', requiresReboot: false }],
    });
    expect(p.unschedulable).toEqual([
      expect.objectContaining({ assetId: 'zz-loner', reason: 'no_window', detail: expect.stringContaining('Absolute time mode') }),
    ]);
    expect(new Set(jobs(p).map((j) => j.start)).size).toBe(1);
  });
});

describe('planChange: hosts and clusters', () => {
  const hosts = ['h1', 'h2', 'h3', 'h4'].map((id) => target(id, { kind: 'host', clusterId: 'c1' }));
  const vms = hosts.flatMap((h) => [1, 2, 3].map((n) => target(`${h.assetId}-vm${n}`, { hostId: h.assetId })));

  for (const timeMode of ['local', 'absolute'] as const) {
    it(`${timeMode}: a cluster of 4 hosts at 25% never has two down at once; VMs finish before their host`, () => {
      const p = plan([...hosts, ...vms], { patches: [{ id: 'p1', severity: 'high', expectedMinutes: 60, timeMode, requiresReboot: true }] });
      expect(p.unschedulable).toEqual([]);
      const hostJobs = hosts.map((h) => job(p, h.assetId) as TPlanJob);
      for (let i = 0; i < hostJobs.length; i++) for (let k = i + 1; k < hostJobs.length; k++) expect(overlaps(hostJobs[i], hostJobs[k])).toBe(false);
      for (const v of vms) expect((job(p, v.assetId) as TPlanJob).end <= (job(p, v.hostId as string) as TPlanJob).start).toBe(true);
    });
  }

  it('8 hosts at 25% allow two down at once, never three', () => {
    const eight = Array.from({ length: 8 }, (_, i) => target(`h${i}`, { kind: 'host', clusterId: 'c1' }));
    const p = plan(eight);
    const hj = jobs(p);
    expect(summarizePlan(p).peakConcurrency).toBe(2);
    expect(hj).toHaveLength(8);
  });
});

describe('planChange: rings, gates, concurrency', () => {
  it('runs rings in policy order with the soak between them', () => {
    const p = plan([target('t1', { ring: 'test' }), target('d1', { ring: 'dev' }), target('p1', { ring: 'prod' })]);
    expect(p.waves.map((w) => w.ring)).toEqual(['test', 'dev', 'prod']);
    expect(Date.parse(p.waves[1].start)).toBeGreaterThanOrEqual(Date.parse(p.waves[0].end) + 24 * 3600_000);
    expect(Date.parse(p.waves[2].start)).toBeGreaterThanOrEqual(Date.parse(p.waves[1].end) + 48 * 3600_000);
  });

  it('a ring that cannot plan enough targets to pass its gate blocks the later rings', () => {
    const p = plan([target('t1', { ring: 'test' }), target('t2', { ring: 'test', windowIds: [] }), target('p1', { ring: 'prod' })]);
    expect(p.unschedulable.map((u) => [u.assetId, u.reason])).toEqual([
      ['p1', 'ring_gate'],
      ['t2', 'no_window'],
    ]);
    expect(p.unschedulable[0].detail).toContain('Ring "test" can plan only 1 of its 2 targets (50%), below its 95% promotion gate.');
  });

  it('reports rings outside the policy and excepted targets, without planning them', () => {
    const p = plan([target('a', { ring: 'staging' }), target('b', { excepted: true }), target('c')]);
    expect(p.unschedulable.map((u) => [u.assetId, u.reason])).toEqual([
      ['a', 'ring_gate'],
      ['b', 'excepted'],
    ]);
    expect(jobs(p).map((j) => j.assetId)).toEqual(['c']);
  });

  it('never runs more than the concurrency limit at once', () => {
    const many = Array.from({ length: 10 }, (_, i) => target(`v${i}`));
    const p = plan(many, { policy: policy((x) => (x.rateControl.maxConcurrency = { kind: 'count', value: 3 })) });
    expect(jobs(p)).toHaveLength(10);
    expect(summarizePlan(p).peakConcurrency).toBe(3);
    expect(p.waves[0].haltAfterFailures).toBe(1); // 5% of 10 jobs, rounded up
    // 8-hour nightly window, 60-minute jobs: 3 at 00:00, 3 at 01:00, 3 at 02:00, 1 at 03:00.
    expect(jobs(p).filter((j) => j.start === '2026-03-05T00:00:00.000Z')).toHaveLength(3);
    expect(jobs(p).at(-1)?.start).toBe('2026-03-05T03:00:00.000Z');
  });
});

describe('planChange: blackouts, windows and deadlines', () => {
  const freeze: TBlackout = ZBlackout.parse({ name: 'Freeze', startsAt: '2026-03-01T00:00:00Z', endsAt: '2026-07-10T00:00:00Z' });

  it('reports a target whose every window is blacked out, and keeps the rest of a cut window', () => {
    const p = plan([target('a', { windowIds: ['satUtc'] })], { blackouts: [freeze], horizonDays: 30 });
    expect(p.unschedulable).toEqual([expect.objectContaining({ assetId: 'a', reason: 'blackout', detail: expect.stringContaining('Freeze') })]);
    const partial = ZBlackout.parse({ name: 'Morning', startsAt: '2026-03-07T06:00:00Z', endsAt: '2026-03-07T07:30:00Z' });
    const q = plan([target('a', { windowIds: ['satUtc'] })], { blackouts: [partial] });
    expect(job(q, 'a')?.start).toBe('2026-03-07T07:30:00.000Z');
  });

  it('applies a scoped blackout only to targets in its scope', () => {
    const prodOnly = ZBlackout.parse({ name: 'Prod freeze', startsAt: '2026-03-01T00:00:00Z', endsAt: '2026-03-10T00:00:00Z', scope: { assetTags: ['pci'] } });
    const p = plan([target('pci', { tags: ['pci'] }), target('web', { tags: ['web'] })], { blackouts: [prodOnly] });
    expect(job(p, 'pci')?.start).toBe('2026-03-10T00:00:00.000Z');
    expect(job(p, 'web')?.start).toBe('2026-03-05T00:00:00.000Z');
  });

  it('explains why nothing fits', () => {
    const p = plan(
      [
        target('a', { windowIds: [] }),
        target('b', { windowIds: ['missing'] }),
        target('c', { zone: 'Mars/Olympus' }),
        target('d', { windowIds: ['sunLocal'] }),
      ],
      { patches: [{ id: 'p1', severity: 'high', expectedMinutes: 200, requiresReboot: false }] },
    );
    expect(p.unschedulable.map((u) => [u.assetId, u.reason, u.detail])).toEqual([
      ['a', 'no_window', 'No maintenance window is assigned to this asset.'],
      ['b', 'no_window', 'None of its window ids names a known maintenance window.'],
      ['c', 'no_window', 'Unknown time zone "Mars/Olympus".'],
      ['d', 'no_window', expect.stringContaining('lasts 200 minutes or more')],
    ]);
  });

  it('plans late jobs and says why they are at risk', () => {
    const critical = [{ id: 'p1', severity: 'critical' as const, expectedMinutes: 60, requiresReboot: false }];
    // Detected 10 days ago: the 7-day SLA is already gone.
    const late = plan([target('a', { detectedAt: '2026-02-23T00:00:00Z' })], { patches: critical });
    expect(late.atRisk).toEqual([expect.objectContaining({ assetId: 'a', reason: 'window_after_deadline', deadline: '2026-03-02T00:00:00.000Z' })]);
    // Fits on its own, but prod waits for test + 24 h soak + dev + 48 h soak.
    const ordered = plan([target('t', { ring: 'test' }), target('d', { ring: 'dev' }), target('p', { detectedAt: '2026-02-27T00:00:00Z' })], {
      patches: critical,
    });
    expect(ordered.atRisk).toEqual([expect.objectContaining({ assetId: 'p', reason: 'ring_order' })]);
    // One at a time in a one-hour window per week.
    const oneAtATime = policy((x) => (x.rateControl.maxConcurrency = { kind: 'count', value: 1 }));
    const hourly = {
      id: 'hour',
      def: ZWindowDef.parse({ name: 'Hour', recurrence: { kind: 'weekly', days: ['SA'] }, start: '06:00', durationMinutes: 60, zone: 'UTC' }),
    };
    const busy = plan([target('a', { windowIds: ['hour'] }), target('b', { windowIds: ['hour'] })], {
      patches: critical,
      windows: [hourly],
      policy: oneAtATime,
    });
    expect(busy.atRisk).toEqual([expect.objectContaining({ assetId: 'b', reason: 'capacity' })]);
    expect(busy.unschedulable).toEqual([]);
  });

  it('marks targets no slot can take before the horizon', () => {
    const oneAtATime = policy((x) => (x.rateControl.maxConcurrency = { kind: 'count', value: 1 }));
    const hourly = {
      id: 'hour',
      def: ZWindowDef.parse({ name: 'Hour', recurrence: { kind: 'weekly', days: ['SA'] }, start: '06:00', durationMinutes: 60, zone: 'UTC' }),
    };
    const p = plan([target('a', { windowIds: ['hour'] }), target('b', { windowIds: ['hour'] })], { windows: [hourly], policy: oneAtATime, horizonDays: 7 });
    expect(p.unschedulable).toEqual([expect.objectContaining({ assetId: 'b', reason: 'no_window_before_deadline', deadline: '2026-03-31T00:00:00.000Z' })]);
  });
});

describe('planChange: determinism and input checks', () => {
  const input = (targets: TPlanTarget[]): TPlanInput => ({
    changeId: 'c',
    patches: [{ id: 'p', severity: 'medium', expectedMinutes: 45, requiresReboot: false }],
    targets,
    windows,
    blackouts: [],
    policy: policy((x) => (x.rateControl.maxConcurrency = { kind: 'count', value: 2 })),
    now: '2026-03-05T10:17:31Z',
  });
  const ts = ['Asia/Tokyo', 'Europe/Paris', 'America/Chicago', 'Asia/Kathmandu'].flatMap((zone, i) =>
    [0, 1, 2].map((k) => target(`a${i}${k}`, { zone, windowIds: k ? ['daily', 'sunLocal'] : ['sunLocal'] })),
  );

  it('gives the same plan for the same input, whatever the input order', () => {
    const a = planChange(input(ts));
    expect(planChange(input(ts))).toEqual(a);
    expect(planChange(input([...ts].reverse()))).toEqual(a);
    expect(a.plannedAt).toBe('2026-03-05T10:18:00.000Z');
  });

  it('refuses duplicate targets, an empty change and a silly horizon', () => {
    expect(() => planChange(input([target('x'), target('x')]))).toThrow(/Duplicate target/);
    expect(() => planChange({ ...input(ts), patches: [] })).toThrow(/at least one patch/);
    expect(() => planChange({ ...input(ts), horizonDays: 0 })).toThrow(/horizonDays/);
  });
});

describe('summarizePlan', () => {
  it('counts jobs, waves and reasons', () => {
    const p = plan([target('t1', { ring: 'test' }), target('p1'), target('p2', { excepted: true }), target('p3', { windowIds: [] })], {
      policy: policy((x) => (x.rings[0].gate.minSuccessPct = 0)),
    });
    const s = summarizePlan(p);
    expect(s.jobs).toBe(2);
    expect(s.waves.map((w) => [w.ring, w.jobs])).toEqual([
      ['test', 1],
      ['prod', 1],
    ]);
    expect(s.unschedulable).toMatchObject({ excepted: 1, no_window: 1, ring_gate: 0 });
    expect(s.start).toBe(p.waves[0].start);
    expect(s.end).toBe(p.waves[1].end);
  });
});
