import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { assets, blackouts, maintenanceWindows, tenantPolicies } from '@/db/schema';
import { seedScheduling } from '@/lib/seed/scheduling-seed';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import { verifyAuditChain } from '@/lib/audit/verify-audit';
import { defaultPolicy } from '@/lib/domain/policy';
import { validateWindow } from '@/lib/domain/windows';
import { previewSchedule, ZSchedulePreviewQuery } from './preview-schedule';
import { findBlackouts, findWindows, getTenantPolicy } from './queries';

describeDb('scheduling: demo seed', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  beforeAll(async () => {
    const { db } = get();
    fx = await seedFixture(db);
    await db.insert(assets).values({
      tenantId: fx.alpha.id,
      kind: 'vm',
      name: 'alpha-test-01',
      ringId: fx.ring(fx.alpha, 'test'),
      zone: 'Asia/Tokyo',
      osFamily: 'debian',
      osRelease: '12',
    });
    await db.transaction((tx) => seedScheduling(tx, [fx.alpha, fx.beta]));
  });

  it('gives each tenant the default policy, three valid windows and a future year-end freeze', async () => {
    const { db } = get();
    const admin = await fx.actor('admin@t');
    for (const t of [fx.alpha, fx.beta]) {
      expect(await getTenantPolicy(db, admin, t.id)).toMatchObject({ version: 1, isDefault: false, policy: defaultPolicy() });
      const windows = await findWindows(db, admin, t.id);
      expect(windows.map((w) => w.name)).toEqual(['Patch Tuesday + 3, 22:00 local', 'Sunday 02:00 UTC', 'Test ring: Tue & Thu 10:00 local']);
      for (const w of windows) expect(validateWindow(w.def, new Date().toISOString()).ok, w.name).toBe(true);
      const [freeze] = await findBlackouts(db, admin, t.id);
      expect(freeze.name).toBe('Year-end change freeze');
      expect(Date.parse(freeze.endsAt)).toBeGreaterThan(Date.now());
      expect(freeze.startsAt.slice(5, 10)).toBe('12-20');
    }
    expect((await db.select({ n: count() }).from(tenantPolicies))[0].n).toBe(2);
    expect((await db.select({ n: count() }).from(maintenanceWindows).where(eq(maintenanceWindows.tenantId, fx.beta.id)))[0].n).toBe(3);
    expect((await db.select({ n: count() }).from(blackouts))[0].n).toBe(2);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('lets the preview plan test → dev → prod from the seeded windows', async () => {
    const p = await previewSchedule(
      get().db,
      await fx.actor('manager@t'),
      fx.alpha.id,
      ZSchedulePreviewQuery.parse({ severity: 'high', at: '2026-11-23T12:00:00Z' }),
    );
    expect(p.plan.waves.map((w) => w.ring)).toEqual(['test', 'dev', 'prod']);
    expect(p.plan.unschedulable).toEqual([]);
  });
});
