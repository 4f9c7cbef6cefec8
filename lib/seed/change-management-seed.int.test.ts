import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { cabMembers, resolverGroups, tenantContacts, trackingRecords, users } from '@/db/schema';
import { loadActorFromDb } from '@/lib/auth/load-actor';
import { describeDb } from '@/lib/testing/db-harness';
import { findMyQueue, ZQueueQuery } from '@/lib/tracking/queries';
import { syncTracking } from '@/lib/tracking/sync-tracking';
import { seedChangeManagementDemo } from './change-management-seed';
import { seedDemoIfEmpty } from './seed';

describeDb('change management demo seed', (get) => {
  let result: Awaited<ReturnType<typeof seedChangeManagementDemo>>;
  beforeAll(async () => {
    await seedDemoIfEmpty(get().db);
    result = await seedChangeManagementDemo(get().db);
  }, 240_000);

  it('gives every tenant resolver groups, a CAB of its security staff and two contacts, and the demo tracking records', async () => {
    const { db } = get();
    const n = async (t: typeof resolverGroups | typeof cabMembers | typeof tenantContacts) => (await db.select({ n: count() }).from(t))[0].n;
    expect(await n(resolverGroups)).toBe(9);
    expect(await n(cabMembers)).toBeGreaterThanOrEqual(3 * 3);
    expect(await n(tenantContacts)).toBe(6);
    const [{ records }] = await db.select({ records: count() }).from(trackingRecords);
    expect(records).toBeGreaterThan(20);
    // The intake of the demo advisories opened the records already; the seed's sync found them current.
    expect(result.tracking.opened).toBe(0);
    // A second call finds the demo seeded and changes nothing.
    expect(await seedChangeManagementDemo(db)).toMatchObject({ groups: 0, cab: 0, contacts: 0 });
    expect(await n(resolverGroups)).toBe(9);
  });

  it('shows an application owner their records, soonest due first', async () => {
    const { db } = get();
    const [owner] = await db.select().from(users).where(eq(users.email, 'owner.acme.1@patchward.demo'));
    const page = await findMyQueue(db, await loadActorFromDb(db, owner.id), ZQueueQuery.parse({}));
    expect(page.total).toBeGreaterThan(0);
    const due = page.rows.map((r) => r.dueAt.getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });

  it('a whole-fleet sync with nothing changed writes nothing, quickly', async () => {
    const started = Date.now();
    const res = await syncTracking(get().db, { tenantIds: (await get().db.select({ id: resolverGroups.tenantId }).from(resolverGroups)).map((r) => r.id) });
    expect(res).toEqual({ opened: 0, reopened: 0, refreshed: 0, closed: 0 });
    console.log(`[tracking] whole-demo sync: ${Date.now() - started} ms`);
  });
});
