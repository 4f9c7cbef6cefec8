import { describe, expect, it } from 'vitest';
import { planChange, type TPlan } from '@/lib/domain/planner';
import { defaultPolicy } from '@/lib/domain/policy';
import { ZWindowDef } from '@/lib/domain/windows';
import { dailyTimeline, deadlineMisses, pageOf, ringCounts, wallTime } from './plan-view';
import type { TPreviewAsset } from './preview-schedule';
import { effectivePolicy } from './tenant-policy';
import { previewWindow } from './window-preview';

const NOW = '2026-11-23T12:00:00.000Z';

describe('previewWindow', () => {
  it('shows a fixed-zone window on its own clock and in UTC, across the date line', () => {
    const def = ZWindowDef.parse({ name: 'Tokyo', recurrence: { kind: 'weekly', days: ['SU'] }, start: '03:00', durationMinutes: 120, zone: 'Asia/Tokyo' });
    const [p] = previewWindow(def, { now: NOW, count: 2 });
    expect(p.zone).toBe('Asia/Tokyo');
    expect(p.isSample).toBe(false);
    expect(p.occurrences.map((o) => [o.local, o.utc])).toEqual([
      ['Sun 2026-11-29 03:00 → 05:00', 'Sat 2026-11-28 18:00 → 20:00'],
      ['Sun 2026-12-06 03:00 → 05:00', 'Sat 2026-12-05 18:00 → 20:00'],
    ]);
  });

  it('shows an asset-zone window in sample zones, marks blackouts, and names the end day when it passes midnight', () => {
    const def = ZWindowDef.parse({
      name: 'PT+3',
      recurrence: { kind: 'patchTuesdayOffset', offsetDays: 3 },
      start: '22:00',
      durationMinutes: 240,
      zone: 'asset',
    });
    const previews = previewWindow(def, {
      now: NOW,
      count: 2,
      sampleZones: ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'],
      blackouts: [{ name: 'Freeze', startsAt: '2026-12-20T00:00:00Z', endsAt: '2027-01-05T00:00:00Z' }],
    });
    expect(previews.map((p) => p.zone)).toEqual(['America/New_York', 'Europe/Berlin', 'Asia/Kolkata']);
    const ny = previews[0].occurrences;
    // December Patch Tuesday is the 8th: +3 → Friday the 11th, 22:00 EST = 03:00Z next day.
    expect(ny[0]).toMatchObject({ local: 'Fri 2026-12-11 22:00 → 02:00 (12-12)', utc: 'Sat 2026-12-12 03:00 → 07:00', blackout: null });
    expect(ny[1].local.startsWith('Fri 2027-01-15 22:00')).toBe(true);
    const withFreeze = previewWindow(ZWindowDef.parse({ ...def, recurrence: { kind: 'weekly', days: ['MO'] } }), {
      now: NOW,
      count: 6,
      sampleZones: ['UTC'],
      blackouts: [{ name: 'Freeze', startsAt: '2026-12-20T00:00:00Z', endsAt: '2027-01-05T00:00:00Z' }],
    });
    expect(withFreeze[0].occurrences.map((o) => o.blackout)).toEqual([null, null, null, null, 'Freeze', 'Freeze']);
  });
});

describe('effectivePolicy', () => {
  it('is the default for test/dev/prod, and follows the tenant rings otherwise', () => {
    expect(effectivePolicy(null, ['test', 'dev', 'prod'])).toEqual(defaultPolicy());
    const p = effectivePolicy(null, ['canary', 'prod']);
    expect(p.rings.map((r) => [r.ring, r.soakHours])).toEqual([
      ['canary', 24],
      ['prod', 0],
    ]);
    expect(effectivePolicy({ defaultTimeMode: 'absolute' }, ['test']).defaultTimeMode).toBe('absolute');
    // The default standard rule (test and dev) keeps the tenant's rings among its own, or goes: empty would mean every ring.
    expect(p.changes.standardRules).toEqual([]);
    expect(effectivePolicy(null, ['canary', 'dev', 'prod']).changes.standardRules.map((r) => r.rings)).toEqual([['dev']]);
  });
});

describe('plan views', () => {
  const assets: Record<string, TPreviewAsset> = {
    t1: { id: 't1', name: 'test-1', kind: 'vm', ring: 'test', zone: 'Asia/Tokyo', applicationName: null },
    d1: { id: 'd1', name: 'dev-1', kind: 'vm', ring: 'dev', zone: 'UTC', applicationName: null },
    p1: { id: 'p1', name: 'prod-1', kind: 'vm', ring: 'prod', zone: 'UTC', applicationName: null },
    p2: { id: 'p2', name: 'prod-2', kind: 'vm', ring: 'prod', zone: 'UTC', applicationName: null },
    x1: { id: 'x1', name: 'stage-1', kind: 'vm', ring: 'stage', zone: 'UTC', applicationName: null },
  };
  const daily = ZWindowDef.parse({
    name: 'Daily',
    recurrence: { kind: 'everyNDays', interval: 1, anchor: '2026-01-01' },
    start: '01:00',
    durationMinutes: 180,
    zone: 'asset',
  });
  const plan: TPlan = planChange({
    changeId: 'x',
    patches: [{ id: 'p', severity: 'critical', expectedMinutes: 60, requiresReboot: true }],
    targets: Object.values(assets).map((a) => ({
      assetId: a.id,
      kind: a.kind,
      ring: a.ring,
      zone: a.zone,
      windowIds: a.id === 'p2' ? [] : ['daily'],
      detectedAt: '2026-11-20T00:00:00Z',
    })),
    windows: [{ id: 'daily', def: daily }],
    blackouts: [],
    policy: defaultPolicy(),
    now: NOW,
  });

  it('counts per ring in policy order, rings outside the policy last', () => {
    expect(ringCounts(plan, defaultPolicy(), assets).map((c) => [c.ring, c.targets, c.planned, c.atRisk, c.unschedulable])).toEqual([
      ['test', 1, 1, 0, 0],
      ['dev', 1, 1, 0, 0],
      ['prod', 2, 1, 1, 1],
      ['stage', 1, 0, 0, 1],
    ]);
  });

  it('lists late and unschedulable assets, earliest deadline first', () => {
    const misses = deadlineMisses(plan, assets);
    expect(misses.map((m) => [m.name, m.status, m.reason])).toEqual([
      ['prod-1', 'late', 'ring_order'],
      ['prod-2', 'unschedulable', 'no_window'],
      ['stage-1', 'unschedulable', 'ring_gate'],
    ]);
    expect(pageOf(misses, 2, 2)).toMatchObject({ total: 3, page: 2, rows: [{ name: 'stage-1' }] });
    expect(pageOf(misses, 9, 2).page).toBe(2);
  });

  it('buckets jobs per day in the display zone, with the empty soak days in between', () => {
    const utc = dailyTimeline(plan, 'UTC');
    expect(utc.series).toEqual(['test', 'dev', 'prod']);
    expect(utc.rows[0]).toEqual({ day: '2026-11-23', test: 1, dev: 0, prod: 0 });
    expect(utc.rows.reduce((n, r) => n + Number(r.test) + Number(r.dev) + Number(r.prod), 0)).toBe(3);
    expect(utc.rows.some((r) => r.test === 0 && r.dev === 0 && r.prod === 0)).toBe(true);
    // Tokyo's 01:00 on the 24th is the 23rd at 16:00 UTC.
    expect(wallTime(plan.waves[0].start, 'Asia/Tokyo')).toBe('2026-11-24 01:00');
    expect(dailyTimeline(plan, 'Asia/Tokyo').rows[0].day).toBe('2026-11-24');
  });
});
