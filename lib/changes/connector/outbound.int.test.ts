import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, changeConnectors, webhookDeliveries } from '@/db/schema';
import { verifySignature } from '@/lib/connectors/change-systems/webhook/signing';
import { AppError } from '@/lib/errors';
import { describeDb } from '@/lib/testing/db-harness';
import { seedFixture } from '@/lib/testing/fixtures';
import { createConnector } from './create-connector';
import { deleteConnector } from './delete-connector';
import { deliverOne } from './deliver-one';
import { runDeliveryJob, sweepChangeDeliveries } from './delivery-jobs';
import { enqueueChangeEventDeliveries, MISSED_WHILE_DISABLED } from './enqueue-deliveries';
import { setConnectorEnabled } from './set-connector-enabled';
import { insertTestChange, insertTestEvent } from './testing';
import { updateConnector } from './update-connector';

type TReceived = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

/** A real HTTP receiver on loopback: records every request and answers with `status()`. */
async function startReceiver(status: () => number | 'hang') {
  const received: TReceived[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const s = status();
      if (s === 'hang') return; // never answers: the sender's timeout must fire
      res.writeHead(s, { 'content-type': 'text/plain' }).end(s < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/patchward`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : `unexpected: ${e}`),
  );

describeDb('change-system connector: admin and outbound webhook', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let answer: number | 'hang' = 200;

  beforeAll(async () => {
    fx = await seedFixture(get().db);
    receiver = await startReceiver(() => answer);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  describe('administration', () => {
    it('lets only a tenant admin create a connector; the secret is returned once and never audited', async () => {
      const db = get().db;
      const input = { tenantId: fx.alpha.id, name: 'ServiceNow', url: 'https://cmdb.example.test/hook' };
      expect(await code(createConnector(db, await fx.actor('operator@t'), input))).toBe('FORBIDDEN');
      expect(await code(createConnector(db, await fx.actor('owner-b@t'), input))).toBe('NOT_FOUND');
      expect(await code(createConnector(db, await fx.actor('admin@t'), { ...input, url: 'ftp://cmdb.example.test/hook' }))).toBe('VALIDATION');
      expect(await code(createConnector(db, await fx.actor('admin@t'), { ...input, url: 'javascript:alert(1)' }))).toBe('VALIDATION');

      const { connector, secret } = await createConnector(db, await fx.actor('admin@t'), input);
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(connector.keyId).toMatch(/^pwk_[0-9a-f]{24}$/);
      expect(connector).not.toHaveProperty('secret');
      expect(connector.isEnabled).toBe(true);
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.targetId, connector.id));
      expect(audit.action).toBe('change_connector.create');
      expect(JSON.stringify(audit)).not.toContain(secret);
      expect(await code(createConnector(db, await fx.actor('admin@t'), input))).toBe('CONFLICT');
      // Off again: the outbound tests count alpha's deliveries to their own receiver.
      await setConnectorEnabled(db, await fx.actor('admin@t'), { connectorId: connector.id, isEnabled: false });
    });

    it('updates, disables, enables and deletes, each audited, only by an admin of its tenant', async () => {
      const db = get().db;
      const admin = await fx.actor('admin@t');
      const { connector } = await createConnector(db, admin, { tenantId: fx.beta.id, name: 'Jira SM', url: 'https://jira.example.test/hook' });
      expect(await code(setConnectorEnabled(db, await fx.actor('owner-a@t'), { connectorId: connector.id, isEnabled: false }))).toBe('NOT_FOUND');
      expect(await code(updateConnector(db, await fx.actor('security@t'), { connectorId: connector.id, name: 'x' + connector.name }))).toBe('FORBIDDEN');
      expect(await code(updateConnector(db, admin, { connectorId: connector.id, url: 'file:///etc/passwd' }))).toBe('VALIDATION');
      expect((await updateConnector(db, admin, { connectorId: connector.id, url: 'https://jira.example.test/v2/hook' })).url).toBe(
        'https://jira.example.test/v2/hook',
      );
      expect((await setConnectorEnabled(db, admin, { connectorId: connector.id, isEnabled: false })).isEnabled).toBe(false);
      expect((await setConnectorEnabled(db, admin, { connectorId: connector.id, isEnabled: true })).isEnabled).toBe(true);
      await deleteConnector(db, admin, { connectorId: connector.id });
      expect(await db.select().from(changeConnectors).where(eq(changeConnectors.id, connector.id))).toEqual([]);
      const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, connector.id))).map((a) => a.action);
      expect(actions).toEqual([
        'change_connector.create',
        'change_connector.update',
        'change_connector.disable',
        'change_connector.enable',
        'change_connector.delete',
      ]);
      expect(await code(deleteConnector(db, admin, { connectorId: connector.id }))).toBe('NOT_FOUND');
    });
  });

  describe('outbound', () => {
    let secret: string;
    let keyId: string;
    let connectorId: string;
    let change: Awaited<ReturnType<typeof insertTestChange>>;

    beforeAll(async () => {
      const db = get().db;
      change = await insertTestChange(db, fx.alpha.id);
      // An event from before the connector existed is not sent.
      await insertTestEvent(db, change, { type: 'created', fromState: null, toState: 'draft', at: new Date(Date.now() - 3600_000) });
      const created = await createConnector(db, await fx.actor('admin@t'), { tenantId: fx.alpha.id, name: 'Receiver', url: receiver.url });
      ({ secret } = created);
      ({ keyId, id: connectorId } = created.connector);
    });

    it('creates one delivery per event and enabled connector of its tenant, once, and sends its job', async () => {
      const db = get().db;
      const event = await insertTestEvent(db, change);
      const betaChange = await insertTestChange(db, fx.beta.id);
      const betaEvent = await insertTestEvent(db, betaChange);
      const sent: string[][] = [];
      const ids = await enqueueChangeEventDeliveries(db, { eventIds: [event.id, betaEvent.id], send: async (d) => void sent.push(d) });
      expect(ids).toHaveLength(1);
      expect(sent).toEqual([ids]);
      const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, ids[0]));
      expect(row).toMatchObject({ connectorId, eventId: event.id, tenantId: fx.alpha.id, status: 'queued', attempts: 0 });
      // Again (the sweeper racing the kick): nothing new, nothing sent.
      expect(await enqueueChangeEventDeliveries(db, { eventIds: [event.id], send: async (d) => void sent.push(d) })).toEqual([]);
      expect(sent).toHaveLength(1);
    });

    it('POSTs the event, signed, to a real receiver, and records it delivered', async () => {
      const db = get().db;
      answer = 200;
      const event = await insertTestEvent(db, change, {
        type: 'approve',
        fromState: 'submitted',
        toState: 'approved',
        actor: 'cab@t',
        payload: { note: 'fine' },
      });
      const [deliveryId] = await enqueueChangeEventDeliveries(db, { eventIds: [event.id] });
      const before = receiver.received.length;
      const result = await deliverOne(db, deliveryId);
      expect(result).toEqual({ status: 'delivered', attempts: 1, httpStatus: 200, error: null });

      expect(receiver.received).toHaveLength(before + 1);
      const req = receiver.received.at(-1)!;
      expect(req.method).toBe('POST');
      expect(req.path).toBe('/hooks/patchward');
      expect(req.headers['content-type']).toBe('application/json');
      expect(req.headers['x-patchward-key-id']).toBe(keyId);
      expect(req.headers['x-patchward-delivery']).toBe(deliveryId);
      expect(req.headers['x-patchward-event']).toBe('approve');
      const ts = String(req.headers['x-patchward-timestamp']);
      expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(30);
      // The receiver's side of the contract: the signature verifies with the secret shown at creation…
      expect(verifySignature(secret, ts, req.body, String(req.headers['x-patchward-signature']))).toBe(true);
      // …and not with another secret or another body.
      expect(verifySignature('0'.repeat(64), ts, req.body, String(req.headers['x-patchward-signature']))).toBe(false);
      expect(verifySignature(secret, ts, req.body.replace('approve', 'reject'), String(req.headers['x-patchward-signature']))).toBe(false);
      const body = JSON.parse(req.body) as Record<string, unknown>;
      expect(body).toMatchObject({
        deliveryId,
        event: 'approve',
        eventId: event.id,
        from: 'submitted',
        to: 'approved',
        actor: 'cab@t',
        payload: { note: 'fine' },
        change: { id: change.id, number: change.number, title: change.title, type: 'normal', state: 'submitted', tenantId: fx.alpha.id },
      });
      const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
      expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastHttpStatus: 200, lastError: null });
      expect(row.deliveredAt).toBeInstanceOf(Date);
      // A delivered row is not sent again by a duplicate job.
      expect((await deliverOne(db, deliveryId)).status).toBe('skipped');
      expect(receiver.received).toHaveLength(before + 1);
    });

    it('keeps a delivery the receiver answers 500 queued with the status, the job throws to be retried, and the last attempt fails it', async () => {
      const db = get().db;
      answer = 500;
      const event = await insertTestEvent(db, change, { type: 'schedule', fromState: 'approved', toState: 'scheduled' });
      const [deliveryId] = await enqueueChangeEventDeliveries(db, { eventIds: [event.id] });
      await expect(runDeliveryJob(db, { deliveryId })).rejects.toThrow(/HTTP 500/);
      let [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
      expect(row).toMatchObject({ status: 'queued', attempts: 1, lastHttpStatus: 500 });
      expect(row.lastError).toMatch(/^HTTP 500/);
      expect(row.deliveredAt).toBeNull();
      expect(await deliverOne(db, deliveryId, { maxAttempts: 3 })).toMatchObject({ status: 'queued', attempts: 2, httpStatus: 500 });
      expect(await deliverOne(db, deliveryId, { maxAttempts: 3 })).toMatchObject({ status: 'failed', attempts: 3, httpStatus: 500 });
      [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
      expect(row).toMatchObject({ status: 'failed', attempts: 3, lastHttpStatus: 500 });
      answer = 200;
    });

    it('records a receiver that does not answer in time, and one that is not there', async () => {
      const db = get().db;
      answer = 'hang';
      const e1 = await insertTestEvent(db, change, { type: 'start', fromState: 'scheduled', toState: 'implementing' });
      const [slow] = await enqueueChangeEventDeliveries(db, { eventIds: [e1.id] });
      expect(await deliverOne(db, slow, { timeoutMs: 300 })).toMatchObject({
        status: 'queued',
        attempts: 1,
        httpStatus: null,
        error: 'No answer within the timeout.',
      });
      answer = 200;

      const gone = await startReceiver(() => 200);
      const goneUrl = gone.url;
      await gone.close();
      const admin = await fx.actor('admin@t');
      await updateConnector(db, admin, { connectorId, url: goneUrl });
      const e2 = await insertTestEvent(db, change, { type: 'complete', fromState: 'implementing', toState: 'completed' });
      const [refused] = await enqueueChangeEventDeliveries(db, { eventIds: [e2.id] });
      const r = await deliverOne(db, refused);
      expect(r).toMatchObject({ status: 'queued', httpStatus: null });
      expect(r.error).toMatch(/ECONNREFUSED/);
      await updateConnector(db, admin, { connectorId, url: receiver.url });
    });

    it('gives up queued deliveries of a disabled connector without sending, and creates none for it', async () => {
      const db = get().db;
      const admin = await fx.actor('admin@t');
      const e1 = await insertTestEvent(db, change, { type: 'close', fromState: 'completed', toState: 'closed' });
      const [deliveryId] = await enqueueChangeEventDeliveries(db, { eventIds: [e1.id] });
      await setConnectorEnabled(db, admin, { connectorId, isEnabled: false });
      const before = receiver.received.length;
      expect(await deliverOne(db, deliveryId)).toMatchObject({ status: 'failed', attempts: 0, error: 'Not sent: the connector is disabled.' });
      expect(receiver.received).toHaveLength(before);
      const e2 = await insertTestEvent(db, change, { type: 'comment', fromState: 'closed', toState: 'closed' });
      expect(await enqueueChangeEventDeliveries(db, { eventIds: [e2.id] })).toEqual([]);
      // Enabled again: what it missed is logged as not sent, and the sweeper does not send it late.
      await setConnectorEnabled(db, admin, { connectorId, isEnabled: true });
      const [missed] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, e2.id));
      expect(missed).toMatchObject({ connectorId, status: 'failed', attempts: 0, lastError: MISSED_WHILE_DISABLED });
      const sent: string[] = [];
      await sweepChangeDeliveries(db, async (ids) => void sent.push(...ids));
      expect(sent).not.toContain(missed.id);
      const e3 = await insertTestEvent(db, change, { type: 'comment', fromState: 'closed', toState: 'closed' });
      expect(await enqueueChangeEventDeliveries(db, { eventIds: [e3.id] })).toHaveLength(1);
    });

    it('sweeps: creates deliveries for recent events that have none, and sends a job again for a lost one', async () => {
      const db = get().db;
      const event = await insertTestEvent(db, change, { type: 'window', fromState: 'closed', toState: 'closed' });
      const sent: string[] = [];
      const send = async (ids: string[]) => void sent.push(...ids);
      const first = await sweepChangeDeliveries(db, send);
      expect(first.created).toBeGreaterThanOrEqual(1);
      const [mine] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, event.id));
      expect(sent).toContain(mine.id);
      // Its job was lost (a crash after the commit): an hour later the sweeper sends one again.
      sent.length = 0;
      const later = await sweepChangeDeliveries(db, send, new Date(Date.now() + 3600_000));
      expect(later.created).toBe(0);
      expect(sent).toContain(mine.id);
      // Delivered rows are never re-sent.
      await deliverOne(db, mine.id);
      sent.length = 0;
      await sweepChangeDeliveries(db, send, new Date(Date.now() + 3600_000));
      expect(sent).not.toContain(mine.id);
    });
  });
});
