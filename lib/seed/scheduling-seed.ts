import { asc, eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { blackouts, maintenanceWindows, rings, tenantPolicies } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { ZWindowDef, type TWindowDef } from '@/lib/domain/windows';
import { effectivePolicy } from '@/lib/scheduling/tenant-policy';

/** Windows every demo tenant gets; `rings` in a scope is filled per tenant. */
function demoWindows(ringNames: string[]): TWindowDef[] {
  const firstRing = ringNames.includes('test') ? 'test' : ringNames[0];
  return [
    // The monthly fleet window: three days after Microsoft's Patch Tuesday, at night on each asset's clock.
    {
      name: 'Patch Tuesday + 3, 22:00 local',
      recurrence: { kind: 'patchTuesdayOffset', offsetDays: 3 },
      start: '22:00',
      durationMinutes: 240,
      zone: 'asset',
      scope: {},
    },
    // Hypervisor hosts and anything that must move together: one instant for the whole fleet.
    { name: 'Sunday 02:00 UTC', recurrence: { kind: 'weekly', days: ['SU'] }, start: '02:00', durationMinutes: 180, zone: 'UTC', scope: {} },
    // The test ring is patched in office hours, so someone watches it.
    ...(firstRing
      ? [
          {
            name: `${firstRing[0].toUpperCase()}${firstRing.slice(1)} ring: Tue & Thu 10:00 local`,
            recurrence: { kind: 'weekly', days: ['TU', 'TH'] },
            start: '10:00',
            durationMinutes: 120,
            zone: 'asset',
            scope: { rings: [firstRing] },
          } as const,
        ]
      : []),
  ].map((w) => ZWindowDef.parse(w));
}

/** The year-end change freeze that has not ended yet: 20 December → 5 January (UTC). */
function yearEndFreeze(now: Date): { startsAt: Date; endsAt: Date } {
  // Before 5 January the freeze that began last December is still on.
  const year = now.getTime() < Date.UTC(now.getUTCFullYear(), 0, 5) ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  return { startsAt: new Date(Date.UTC(year, 11, 20)), endsAt: new Date(Date.UTC(year + 1, 0, 5)) };
}

/**
 * Demo scheduling data per tenant: the default policy over the tenant's rings, three realistic
 * windows and the year-end freeze. Runs inside the demo seed's transaction.
 */
export async function seedScheduling(tx: TDb, tenants: { id: string; slug: string }[]): Promise<void> {
  const freeze = yearEndFreeze(new Date());
  let windowCount = 0;
  for (const t of tenants) {
    const ringNames = (await tx.select({ name: rings.name }).from(rings).where(eq(rings.tenantId, t.id)).orderBy(asc(rings.position))).map((r) => r.name);
    await tx.insert(tenantPolicies).values({ tenantId: t.id, policy: effectivePolicy(null, ringNames), version: 1 });
    const defs = demoWindows(ringNames);
    await tx.insert(maintenanceWindows).values(defs.map((def) => ({ tenantId: t.id, name: def.name, def })));
    windowCount += defs.length;
    await tx
      .insert(blackouts)
      .values({ tenantId: t.id, name: 'Year-end change freeze', ...freeze, scope: {}, reason: 'Peak trading season and reduced staffing: no deployments.' });
  }
  await writeAudit(
    tx,
    { kind: 'system', label: 'seed' },
    {
      tenantId: null,
      action: 'seed.scheduling',
      targetType: 'system',
      targetId: null,
      after: { tenants: tenants.length, policies: tenants.length, windows: windowCount, blackouts: tenants.length },
    },
  );
}
