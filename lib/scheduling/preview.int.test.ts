import { beforeAll, expect, it } from 'vitest';
import { assets } from '@/db/schema';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import { instantToLocal } from '@/lib/domain/time';
import { AppError } from '@/lib/errors';
import { windowsCalendar } from './calendars';
import { createBlackout } from './create-blackout';
import { createWindow } from './create-window';
import { deadlineMisses, ringCounts } from './plan-view';
import { previewSchedule, ZSchedulePreviewQuery } from './preview-schedule';
import { getSchedulingTenant } from './queries';

const AT = '2026-11-23T12:00:00.000Z';
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : `unexpected: ${e}`),
  );
const q = (over: Record<string, string> = {}) => ZSchedulePreviewQuery.parse({ at: AT, ...over });

describeDb('scheduling: schedule preview', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  beforeAll(async () => {
    const { db } = get();
    fx = await seedFixture(db);
    const base = { tenantId: fx.alpha.id, osFamily: 'debian' as const, osRelease: '12' };
    const [host] = await db
      .insert(assets)
      .values({ ...base, kind: 'host', name: 'alpha-hv-01', ringId: fx.ring(fx.alpha, 'prod'), zone: 'Europe/Berlin', cluster: 'c1' })
      .returning();
    await db.insert(assets).values([
      { ...base, kind: 'vm', name: 'alpha-test-01', ringId: fx.ring(fx.alpha, 'test'), zone: 'Asia/Tokyo', applicationId: fx.apps.shop.id },
      { ...base, kind: 'vm', name: 'alpha-test-02', ringId: fx.ring(fx.alpha, 'test'), zone: 'America/Los_Angeles', parentHostId: host.id },
      { ...base, kind: 'image', name: 'alpha-golden-01', ringId: fx.ring(fx.alpha, 'prod'), zone: 'UTC' },
      { ...base, kind: 'vm', name: 'alpha-old-01', ringId: fx.ring(fx.alpha, 'prod'), zone: 'UTC', lifecycle: 'decommissioned' },
    ]);
  });

  it('with no windows yet nothing is planned: the test ring has no window, later rings wait on its gate', async () => {
    const p = await previewSchedule(get().db, await fx.actor('manager@t'), fx.alpha.id, q());
    expect(p.targetCount).toBe(5);
    expect(p.enabledWindows).toBe(0);
    expect(p.plan.waves).toEqual([]);
    const reasons = Object.fromEntries(p.plan.unschedulable.map((u) => [p.assets[u.assetId].name, u.reason]));
    expect(reasons).toEqual({
      'alpha-test-01': 'no_window',
      'alpha-test-02': 'no_window',
      'alpha-crm-db-01': 'ring_gate',
      'alpha-shop-web-01': 'ring_gate',
      'alpha-hv-01': 'ring_gate',
    });
  });

  it('plans test → dev → prod in the tenant windows; images and decommissioned assets are left out', async () => {
    const { db } = get();
    const ops = await fx.actor('operator@t');
    await createWindow(
      db,
      ops,
      {
        tenantId: fx.alpha.id,
        window: {
          name: 'Nightly local',
          recurrence: { kind: 'everyNDays', interval: 1, anchor: '2026-01-01' },
          start: '01:00',
          durationMinutes: 240,
          zone: 'asset',
        },
      },
      new Date(AT),
    );
    await createWindow(
      db,
      ops,
      {
        tenantId: fx.alpha.id,
        window: {
          name: 'Test ring Tue 10:00 UTC',
          recurrence: { kind: 'weekly', days: ['TU'] },
          start: '10:00',
          durationMinutes: 120,
          zone: 'UTC',
          scope: { rings: ['test'] },
        },
      },
      new Date(AT),
    );
    const p = await previewSchedule(db, await fx.actor('owner-a@t'), fx.alpha.id, q({ severity: 'critical', minutes: '45' }));
    expect(p.now).toBe(AT);
    expect(
      Object.values(p.assets)
        .map((a) => a.name)
        .sort(),
    ).toEqual(['alpha-crm-db-01', 'alpha-hv-01', 'alpha-shop-web-01', 'alpha-test-01', 'alpha-test-02']);
    expect(p.plan.waves.map((w) => w.ring)).toEqual(['test', 'dev', 'prod']);
    expect(p.plan.unschedulable).toEqual([]);
    expect(p.plan.jobMinutes).toBe(45);
    // Local mode: the Tokyo test VM starts at 01:00 on its own clock (the nightly window), after `at`.
    const tokyo = p.plan.waves[0].jobs.find((j) => p.assets[j.assetId].name === 'alpha-test-01');
    expect(instantToLocal(tokyo!.start, 'Asia/Tokyo')).toBe('2026-11-24T01:00');
    // Each ring waits for the previous one and its soak (test 24 h, dev 48 h).
    expect(Date.parse(p.plan.waves[1].start)).toBeGreaterThanOrEqual(Date.parse(p.plan.waves[0].end) + 24 * 3600_000);
    expect(Date.parse(p.plan.waves[2].start)).toBeGreaterThanOrEqual(Date.parse(p.plan.waves[1].end) + 48 * 3600_000);
    const counts = ringCounts(p.plan, p.policy, p.assets);
    expect(counts.map((c) => [c.ring, c.targets, c.planned])).toEqual(
      [
        ['test', 2],
        ['dev', 1],
        ['prod', 2],
      ].map(([r, n]) => [r, n, n]),
    );
    expect(p.mainZone).toBe('Europe/Berlin');
  });

  it('reports deadline misses: a 7-day SLA cannot survive 72 h of soak when prod waits for a window', async () => {
    const { db } = get();
    // Blackout the next three weeks for prod: its assets must wait past the critical SLA.
    await createBlackout(db, await fx.actor('operator@t'), {
      tenantId: fx.alpha.id,
      name: 'Prod freeze',
      startsAt: '2026-11-23T00:00:00Z',
      endsAt: '2026-12-14T00:00:00Z',
      scope: { rings: ['prod'] },
    });
    const p = await previewSchedule(db, await fx.actor('manager@t'), fx.alpha.id, q({ severity: 'critical' }));
    const misses = deadlineMisses(p.plan, p.assets);
    expect(misses.map((m) => [m.name, m.status])).toEqual([
      ['alpha-hv-01', 'late'],
      ['alpha-shop-web-01', 'late'],
    ]);
    expect(misses[0].deadline).toBe('2026-11-30T12:00:00.000Z');
    expect(Date.parse(misses[0].start!)).toBeGreaterThanOrEqual(Date.parse('2026-12-14T00:00:00Z'));
    // A 90-day SLA absorbs the freeze.
    const medium = await previewSchedule(db, await fx.actor('manager@t'), fx.alpha.id, q({ severity: 'medium' }));
    expect(medium.plan.atRisk).toEqual([]);
  });

  it('filters by ring and application; the time mode can be forced', async () => {
    const { db } = get();
    const manager = await fx.actor('manager@t');
    const test = await previewSchedule(db, manager, fx.alpha.id, q({ ring: 'test' }));
    expect(test.targetCount).toBe(2);
    expect(test.plan.waves.map((w) => w.ring)).toEqual(['test']);
    const shop = await previewSchedule(db, manager, fx.alpha.id, q({ app: fx.apps.shop.id }));
    expect(
      Object.values(shop.assets)
        .map((a) => a.name)
        .sort(),
    ).toEqual(['alpha-shop-web-01', 'alpha-test-01']);
    const absolute = await previewSchedule(db, manager, fx.alpha.id, q({ mode: 'absolute', ring: 'test' }));
    expect(absolute.plan.timeMode).toBe('absolute');
    // Tokyo and Los Angeles nights never overlap: the only shared time is the Tuesday 10:00 UTC window.
    for (const j of absolute.plan.waves[0].jobs) {
      const utc = new Date(j.start);
      expect([utc.getUTCDay(), utc.getUTCHours() >= 10 && utc.getUTCHours() < 12]).toEqual([2, true]);
    }
  });

  it('is tenant-scoped: an app owner of another tenant gets NOT_FOUND, on the preview and the calendar', async () => {
    const { db } = get();
    const ownerB = await fx.actor('owner-b@t');
    expect(await code(previewSchedule(db, ownerB, fx.alpha.id, q()))).toBe('NOT_FOUND');
    expect(await code(getSchedulingTenant(db, ownerB, fx.alpha.id))).toBe('NOT_FOUND');
    expect(await code(getSchedulingTenant(db, ownerB, 'alpha'))).toBe('NOT_FOUND');
    const beta = await previewSchedule(db, ownerB, fx.beta.id, q());
    expect(Object.values(beta.assets).map((a) => a.name)).toEqual(['beta-ledger-01']);
    expect(beta.enabledWindows).toBe(0);
  });

  it('exports windows (per asset zone for local windows) and blackouts as iCalendar', async () => {
    const { db } = get();
    const tenant = await getSchedulingTenant(db, await fx.actor('auditor@t'), 'alpha');
    const ics = await windowsCalendar(db, await fx.actor('auditor@t'), tenant, new Date(AT));
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('Nightly local (Asia/Tokyo)');
    expect(ics).toContain('Blackout: Prod freeze');
  });
});
