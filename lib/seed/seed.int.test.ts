import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { applicability, assets, changeRequests, patches, tenants, users } from '@/db/schema';
import { loadActorFromDb } from '@/lib/auth/load-actor';
import { countChangesAwaitingMe } from '@/lib/changes/approvers';
import { describeDb } from '@/lib/testing/db-harness';
import { verifyAuditChain } from '@/lib/audit/verify-audit';
import { seedDemoIfEmpty } from './seed';

describeDb('demo seed', (get) => {
  beforeAll(async () => {
    expect(await seedDemoIfEmpty(get().db)).toBe(true);
  }, 180_000);

  it('authorises tested patches in every tenant and turns them into changes: standard ones scheduled, production ones awaiting owners and the CAB', async () => {
    const { db } = get();
    const rows = await db
      .select({ tenantId: changeRequests.tenantId, type: changeRequests.type, state: changeRequests.state, n: count() })
      .from(changeRequests)
      .groupBy(changeRequests.tenantId, changeRequests.type, changeRequests.state);
    const tenantIds = new Set(rows.map((r) => r.tenantId));
    expect(tenantIds.size).toBe(3);
    expect(rows.some((r) => r.type === 'standard' && r.state === 'scheduled')).toBe(true);
    expect(rows.some((r) => r.type === 'normal' && r.state === 'submitted')).toBe(true);
    const [owner] = await db.select().from(users).where(eq(users.email, 'owner.acme.1@patchward.demo'));
    expect(await countChangesAwaitingMe(db, await loadActorFromDb(db, owner.id))).toBeGreaterThan(0);
  });

  it('seeds tenants, a fleet over many zones, and is not repeated', async () => {
    const { db } = get();
    expect((await db.select({ n: count() }).from(tenants))[0].n).toBe(3);
    const zones = await db.selectDistinct({ zone: assets.zone }).from(assets);
    expect(zones.length).toBeGreaterThanOrEqual(8);
    expect(await seedDemoIfEmpty(db)).toBe(false);
  });

  it('imports the demo advisories through the real intake, with applicable patches of every severity and KEV flags', async () => {
    const { db } = get();
    const rows = await db
      .select({ severity: patches.severity, kev: patches.isKev, n: sql<number>`count(distinct ${applicability.assetId})::int` })
      .from(applicability)
      .innerJoin(patches, eq(patches.id, applicability.patchId))
      .where(eq(applicability.state, 'missing'))
      .groupBy(patches.severity, patches.isKev);
    const severities = new Set(rows.filter((r) => r.n > 0).map((r) => r.severity));
    for (const s of ['critical', 'high', 'medium', 'low']) expect(severities, s).toContain(s);
    expect(rows.some((r) => r.kev && r.n > 0)).toBe(true);
  });

  it('matches the demo CSAF advisories (AlmaLinux CPEs and purls) to AlmaLinux assets', async () => {
    const { db } = get();
    const [row] = await db
      .select({ n: count() })
      .from(applicability)
      .innerJoin(patches, eq(patches.id, applicability.patchId))
      .where(sql`${patches.source} = 'csaf' and ${applicability.state} = 'missing'`);
    expect(row.n).toBeGreaterThan(0);
  });

  it('leaves an intact audit chain', async () => {
    expect((await verifyAuditChain(get().db)).ok).toBe(true);
  });
});
