import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TDbHandle } from '@/db/client';
import { webhookDeliveries } from '@/db/schema';
import { createBoss, QUEUES } from '@/lib/jobs/boss';
import { describeDb } from '@/lib/testing/db-harness';
import { seedFixture } from '@/lib/testing/fixtures';
import { createConnector } from './create-connector';
import { DELIVERY_RETRY_LIMIT } from './deliver-one';
import { deliveryJobSender, runDeliveryJob } from './delivery-jobs';
import { kickChangeDeliveries } from './kick';
import { insertTestChange, insertTestEvent } from './testing';

/** pg-boss on the test database, as the app builds it: PGlite through its adapter; PostgreSQL by URL (its throw-away database). */
function testBoss(handle: TDbHandle): PgBoss {
  if (handle.kind === 'pglite') return createBoss(handle, undefined);
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  url.pathname = `/${handle.pg!.options.database}`;
  return createBoss(handle, url.toString());
}

async function until<T>(fn: () => Promise<T | undefined | null | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const g = globalThis as { __patchwardBoss?: Promise<PgBoss> };

// The queue as the worker runs it (lib/jobs/worker.ts): the use-case's kick → a job per delivery → the POST.
describeDb('change webhook deliveries through the job queue', (get) => {
  let boss: PgBoss;
  let server: Server;
  let url: string;
  let status = 200;
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    boss = testBoss(get());
    boss.on('error', (err) => console.error('test boss error', err));
    await boss.start();
    await boss.createQueue(QUEUES.deliverChangeEvent);
    await boss.work(QUEUES.deliverChangeEvent, { pollingIntervalSeconds: 0.5 }, async ([job]) => runDeliveryJob(get().db, job.data));
  });
  afterAll(async () => {
    delete g.__patchwardBoss;
    await boss?.stop({ graceful: false, wait: true });
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('does nothing without a running queue; with one, the kick sends a job that delivers', async () => {
    const db = get().db;
    const fx = await seedFixture(db);
    const { connector } = await createConnector(db, await fx.actor('admin@t'), { tenantId: fx.alpha.id, name: 'Queue test', url });
    const change = await insertTestChange(db, fx.alpha.id);
    const event = await insertTestEvent(db, change);

    delete g.__patchwardBoss;
    await kickChangeDeliveries(db, { eventIds: [event.id] });
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, event.id))).toEqual([]);
    // A queue still starting is not waited for: its start waits for the demo seed, whose changes kick.
    g.__patchwardBoss = new Promise<PgBoss>(() => {});
    await kickChangeDeliveries(db, { eventIds: [event.id] });
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, event.id))).toEqual([]);

    g.__patchwardBoss = Promise.resolve(boss);
    await kickChangeDeliveries(db, { eventIds: [event.id] });
    const delivered = await until(async () => {
      const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, event.id));
      return row?.status === 'delivered' && row;
    });
    expect(delivered).toMatchObject({ connectorId: connector.id, attempts: 1, lastHttpStatus: 200 });
    expect(bodies.some((b) => b.includes(delivered.id))).toBe(true);

    // The job carries the delivery's id and the retry policy; sending it again is a no-op.
    const job = await boss.getJobById(QUEUES.deliverChangeEvent, delivered.id);
    expect(job).toMatchObject({ retryLimit: DELIVERY_RETRY_LIMIT, retryDelay: 30, retryBackoff: true });
    await deliveryJobSender(boss)([delivered.id]);
    expect((await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivered.id)))[0].attempts).toBe(1);
  });

  it('leaves a delivery the receiver refuses queued, its job waiting for a retry with backoff', async () => {
    const db = get().db;
    status = 503;
    const [earlier] = await db.select().from(webhookDeliveries).limit(1);
    const change = await insertTestChange(db, earlier.tenantId);
    const event = await insertTestEvent(db, change);
    await kickChangeDeliveries(db, { eventIds: [event.id] });
    const row = await until(async () => {
      const [r] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, event.id));
      return r?.attempts === 1 && r.lastHttpStatus !== null && r;
    });
    expect(row).toMatchObject({ status: 'queued', lastHttpStatus: 503 });
    const job = await until(async () => {
      const j = await boss.getJobById(QUEUES.deliverChangeEvent, row.id);
      return j?.state === 'retry' && j;
    });
    // The first retry waits 30–60 s (pg-boss: retryDelay × 2^n / 2, plus jitter), not at once.
    expect(job.startAfter.getTime()).toBeGreaterThan(Date.now() + 20_000);
    status = 200;
  });
});
