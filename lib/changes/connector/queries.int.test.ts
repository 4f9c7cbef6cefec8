import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { webhookDeliveries } from '@/db/schema';
import { describeDb } from '@/lib/testing/db-harness';
import { seedFixture } from '@/lib/testing/fixtures';
import { createConnector } from './create-connector';
import { enqueueChangeEventDeliveries } from './enqueue-deliveries';
import { findChangeConnectors, findWebhookDeliveries, ZDeliveryListQuery } from './queries';
import { insertTestChange, insertTestEvent } from './testing';

describeDb('change connector queries', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  let alphaConnector: string;
  let change: Awaited<ReturnType<typeof insertTestChange>>;

  beforeAll(async () => {
    const db = get().db;
    fx = await seedFixture(db);
    const admin = await fx.actor('admin@t');
    alphaConnector = (await createConnector(db, admin, { tenantId: fx.alpha.id, name: 'Alpha SNOW', url: 'https://snow.example.test/a' })).connector.id;
    await createConnector(db, admin, { tenantId: fx.beta.id, name: 'Beta Jira', url: 'https://jira.example.test/b' });
    change = await insertTestChange(db, fx.alpha.id, { title: 'Kernel update' });
    const other = await insertTestChange(db, fx.alpha.id, { title: 'OpenSSL' });
    const betaChange = await insertTestChange(db, fx.beta.id);
    for (let i = 0; i < 3; i++) await insertTestEvent(db, change, { type: `e${i}` });
    await insertTestEvent(db, other);
    await insertTestEvent(db, betaChange);
    await enqueueChangeEventDeliveries(db);
    const [first] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.connectorId, alphaConnector)).limit(1);
    await db
      .update(webhookDeliveries)
      .set({ status: 'failed', attempts: 6, lastHttpStatus: 500, lastError: 'HTTP 500' })
      .where(eq(webhookDeliveries.id, first.id));
  });

  it('lists the connectors of the tenants the actor administers, without secrets, with counts', async () => {
    const overview = await findChangeConnectors(get().db, await fx.actor('admin@t'));
    expect(overview.map((o) => o.tenant.slug)).toEqual(['alpha', 'beta']);
    const [alpha] = overview;
    expect(alpha.connectors).toHaveLength(1);
    expect(alpha.connectors[0]).not.toHaveProperty('secret');
    expect(alpha.connectors[0].counts).toEqual({ queued: 3, delivered: 0, failed: 1 });
    expect(await findChangeConnectors(get().db, await fx.actor('operator@t'))).toEqual([]);
  });

  it('pages one tenant’s delivery log newest first, filters by status and searches changes; nothing for a non-admin', async () => {
    const db = get().db;
    const admin = await fx.actor('admin@t');
    const all = await findWebhookDeliveries(db, admin, fx.alpha.id, ZDeliveryListQuery.parse({}));
    expect(all.total).toBe(4);
    expect(all.rows.every((r) => r.connectorName === 'Alpha SNOW')).toBe(true);
    const ids = all.rows.map((r) => r.createdAt.getTime());
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const page2 = await findWebhookDeliveries(db, admin, fx.alpha.id, ZDeliveryListQuery.parse({ size: '10', page: '2' }));
    expect(page2.rows).toEqual([]);
    const failed = await findWebhookDeliveries(db, admin, fx.alpha.id, ZDeliveryListQuery.parse({ status: 'failed' }));
    expect(failed.rows.map((r) => [r.status, r.attempts, r.lastHttpStatus, r.lastError])).toEqual([['failed', 6, 500, 'HTTP 500']]);
    expect((await findWebhookDeliveries(db, admin, fx.alpha.id, ZDeliveryListQuery.parse({ q: 'openssl' }))).total).toBe(1);
    expect((await findWebhookDeliveries(db, admin, fx.alpha.id, ZDeliveryListQuery.parse({ q: `CHG-${change.number}` }))).total).toBe(3);
    expect((await findWebhookDeliveries(db, admin, fx.alpha.id, ZDeliveryListQuery.parse({ status: 'bogus', page: '-3' }))).total).toBe(4);
    expect((await findWebhookDeliveries(db, await fx.actor('owner-b@t'), fx.alpha.id, ZDeliveryListQuery.parse({}))).total).toBe(0);
    expect((await findWebhookDeliveries(db, await fx.actor('security@t'), fx.alpha.id, ZDeliveryListQuery.parse({}))).total).toBe(0);
  });
});
