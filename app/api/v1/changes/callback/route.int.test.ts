import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TDb } from '@/db/client';
import { changeApprovals, changeRequests, inboundDeliveries } from '@/db/schema';
import { createConnector } from '@/lib/changes/connector/create-connector';
import { setConnectorEnabled } from '@/lib/changes/connector/set-connector-enabled';
import { insertTestChange } from '@/lib/changes/connector/testing';
import { computeSignature } from '@/lib/connectors/change-systems/webhook/signing';
import { describeDb } from '@/lib/testing/db-harness';
import { seedFixture } from '@/lib/testing/fixtures';

// The route handler as Next calls it, with Requests signed here like an external change system would.
const injected = vi.hoisted(() => ({ db: null as TDb | null }));
vi.mock('server-only', () => ({}));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => null }));
vi.mock('@/lib/runtime/db', () => ({ getDb: async () => injected.db }));

const { POST } = await import('./route');

type TKey = { keyId: string; secret: string };
type TSignOpts = { deliveryId?: string; at?: Date; secret?: string; keyId?: string; headers?: Record<string, string | null> };

/** A callback Request, signed over `timestamp.body` with the connector's secret unless told otherwise. */
function signedRequest(key: TKey, body: unknown, opts: TSignOpts = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const ts = String(Math.floor((opts.at ?? new Date()).getTime() / 1000));
  const deliveryId = opts.deliveryId ?? randomUUID();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-patchward-key-id': opts.keyId ?? key.keyId,
    'x-patchward-timestamp': ts,
    'x-patchward-signature': `sha256=${computeSignature(opts.secret ?? key.secret, ts, raw)}`,
    'x-patchward-delivery': deliveryId,
  };
  for (const [k, v] of Object.entries(opts.headers ?? {})) {
    if (v === null) delete headers[k];
    else headers[k] = v;
  }
  return { deliveryId, req: new Request('http://patchward.test/api/v1/changes/callback', { method: 'POST', headers, body: raw }) };
}

async function send(key: TKey, body: unknown, opts: TSignOpts = {}) {
  const { deliveryId, req } = signedRequest(key, body, opts);
  const res = await POST(req);
  const json = (await res.json()) as { error?: { code: string; message: string }; status?: string; state?: string };
  return { status: res.status, json, deliveryId };
}

describeDb('POST /api/v1/changes/callback', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  let alpha: TKey & { id: string };
  let beta: TKey & { id: string };
  const warn = vi.spyOn(console, 'warn');

  const inbound = async (connectorId: string, deliveryId: string) =>
    (
      await get()
        .db.select()
        .from(inboundDeliveries)
        .where(and(eq(inboundDeliveries.connectorId, connectorId), eq(inboundDeliveries.deliveryId, deliveryId)))
    )[0];
  const changeRow = async (id: string) => (await get().db.select().from(changeRequests).where(eq(changeRequests.id, id)))[0];

  beforeAll(async () => {
    injected.db = get().db;
    fx = await seedFixture(get().db);
    const admin = await fx.actor('admin@t');
    const a = await createConnector(get().db, admin, { tenantId: fx.alpha.id, name: 'Alpha SNOW', url: 'https://snow.alpha.example.test/hook' });
    const b = await createConnector(get().db, admin, { tenantId: fx.beta.id, name: 'Beta Jira', url: 'https://jira.beta.example.test/hook' });
    alpha = { id: a.connector.id, keyId: a.connector.keyId, secret: a.secret };
    beta = { id: b.connector.id, keyId: b.connector.keyId, secret: b.secret };
  });
  afterEach(() => warn.mockClear());

  it('applies a correctly signed approval as the connector, and records the delivery', async () => {
    const change = await insertTestChange(get().db, fx.alpha.id);
    const r = await send(alpha, { changeId: change.id, action: 'approve', note: 'CAB-4711 approved' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ status: 'applied', changeId: change.id, action: 'approve', state: 'approved' });
    expect((await changeRow(change.id)).state).toBe('approved');
    const [vote] = await get().db.select().from(changeApprovals).where(eq(changeApprovals.changeId, change.id));
    expect(vote).toMatchObject({ decision: 'approve', approverId: null, note: 'CAB-4711 approved' });
    expect(vote.capacities).toEqual([{ kind: 'external', connectorId: alpha.id }]);
    expect(await inbound(alpha.id, r.deliveryId)).toMatchObject({ outcome: 'applied', action: 'approve', changeId: change.id, tenantId: fx.alpha.id });

    // The same delivery again: refused as a replay, and the first row stays as it was.
    const { req } = signedRequest(alpha, { changeId: change.id, action: 'reject', note: 'again' }, { deliveryId: r.deliveryId });
    const replay = await POST(req);
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/replayed delivery/i);
    expect(await inbound(alpha.id, r.deliveryId)).toMatchObject({ outcome: 'applied', action: 'approve' });
    expect((await changeRow(change.id)).state).toBe('approved');
    expect(warn.mock.calls.flat().join(' ')).toMatch(/replayed delivery/);
  });

  it('applies a rejection and an implementation window', async () => {
    const rejected = await insertTestChange(get().db, fx.alpha.id);
    const r1 = await send(alpha, { changeId: rejected.id, action: 'reject', note: 'Freeze period' });
    expect(r1.status, JSON.stringify(r1.json)).toBe(200);
    expect((await changeRow(rejected.id)).state).toBe('rejected');

    const scheduled = await insertTestChange(get().db, fx.alpha.id, { state: 'approved', approvedAt: new Date() });
    const r2 = await send(alpha, { changeId: scheduled.id, action: 'implementation_window', start: '2026-03-07T22:00:00Z', end: '2026-03-08T02:00:00Z' });
    expect(r2.status, JSON.stringify(r2.json)).toBe(200);
    const row = await changeRow(scheduled.id);
    expect(row.plannedStart?.toISOString()).toBe('2026-03-07T22:00:00.000Z');
    expect(row.plannedEnd?.toISOString()).toBe('2026-03-08T02:00:00.000Z');
  });

  it('answers a refusal of the change use-case with its status (approving a rejected change: 409)', async () => {
    const change = await insertTestChange(get().db, fx.alpha.id, { state: 'rejected' });
    const r = await send(alpha, { changeId: change.id, action: 'approve' });
    expect(r.status).toBe(409);
    expect(r.json.error?.code).toBe('CONFLICT');
    expect(await inbound(alpha.id, r.deliveryId)).toMatchObject({ outcome: 'refused: CONFLICT' });
    expect((await changeRow(change.id)).state).toBe('rejected');
  });

  it('refuses a bad signature (401), logged and recorded; the signed request with that delivery id still goes through', async () => {
    const change = await insertTestChange(get().db, fx.alpha.id);
    const body = { changeId: change.id, action: 'approve' };
    const wrongKey = await send(alpha, body, { secret: beta.secret });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.json.error?.message).toMatch(/bad signature/i);
    expect(await inbound(alpha.id, wrongKey.deliveryId)).toMatchObject({ outcome: 'bad signature' });
    expect(warn.mock.calls.flat().join(' ')).toMatch(/bad signature/);
    expect(warn.mock.calls.flat().join(' ')).not.toContain(alpha.secret);

    // Signed, then the body tampered with on the way.
    const { req } = signedRequest(alpha, body);
    const tampered = new Request(req.url, { method: 'POST', headers: req.headers, body: JSON.stringify({ ...body, action: 'reject', note: 'x' }) });
    expect((await POST(tampered)).status).toBe(401);
    expect((await changeRow(change.id)).state).toBe('submitted');

    // Whoever knows a key id can cause a refusal row, but cannot burn the delivery id of the real sender.
    const real = await send(alpha, body, { deliveryId: wrongKey.deliveryId });
    expect(real.status, JSON.stringify(real.json)).toBe(200);
    expect(await inbound(alpha.id, wrongKey.deliveryId)).toMatchObject({ outcome: 'applied' });
  });

  it('refuses a stale timestamp either way (401), even when correctly signed', async () => {
    const change = await insertTestChange(get().db, fx.alpha.id);
    const body = { changeId: change.id, action: 'approve' };
    const old = await send(alpha, body, { at: new Date(Date.now() - 301_000) });
    expect(old.status).toBe(401);
    expect(old.json.error?.message).toMatch(/stale timestamp/i);
    expect(await inbound(alpha.id, old.deliveryId)).toMatchObject({ outcome: 'stale timestamp' });
    expect((await send(alpha, body, { at: new Date(Date.now() + 400_000) })).status).toBe(401);
    expect((await send(alpha, body, { headers: { 'x-patchward-timestamp': 'yesterday' } })).status).toBe(401);
    expect((await changeRow(change.id)).state).toBe('submitted');
  });

  it('refuses missing headers, an unknown key id and a disabled connector (401)', async () => {
    const change = await insertTestChange(get().db, fx.alpha.id);
    const body = { changeId: change.id, action: 'approve' };
    for (const h of ['x-patchward-key-id', 'x-patchward-timestamp', 'x-patchward-signature', 'x-patchward-delivery']) {
      expect((await send(alpha, body, { headers: { [h]: null } })).status, h).toBe(401);
    }
    expect((await send(alpha, body, { keyId: 'pwk_nope' })).status).toBe(401);
    await setConnectorEnabled(get().db, await fx.actor('admin@t'), { connectorId: alpha.id, isEnabled: false });
    try {
      const r = await send(alpha, body);
      expect(r.status).toBe(401);
      expect(await inbound(alpha.id, r.deliveryId)).toMatchObject({ outcome: 'connector disabled' });
    } finally {
      await setConnectorEnabled(get().db, await fx.actor('admin@t'), { connectorId: alpha.id, isEnabled: true });
    }
    expect((await changeRow(change.id)).state).toBe('submitted');
  });

  it('answers 404 for an unknown change, and for a change of another tenant', async () => {
    const unknown = await send(alpha, { changeId: randomUUID(), action: 'approve' });
    expect(unknown.status).toBe(404);
    expect(await inbound(alpha.id, unknown.deliveryId)).toMatchObject({ outcome: 'unknown change' });
    expect((await send(alpha, { changeId: 'CHG-001000', action: 'approve' })).status).toBe(404);

    const betaChange = await insertTestChange(get().db, fx.beta.id);
    const cross = await send(alpha, { changeId: betaChange.id, action: 'approve' });
    expect(cross.status).toBe(404);
    expect((await changeRow(betaChange.id)).state).toBe('submitted');
    expect(await get().db.select().from(changeApprovals).where(eq(changeApprovals.changeId, betaChange.id))).toEqual([]);
    // Its own connector may.
    expect((await send(beta, { changeId: betaChange.id, action: 'approve' })).status).toBe(200);
  });

  it('refuses an invalid body (400) and a body over 64 KiB (413)', async () => {
    const change = await insertTestChange(get().db, fx.alpha.id);
    expect((await send(alpha, { changeId: change.id, action: 'bless' })).status).toBe(400);
    expect((await send(alpha, '{"oops')).status).toBe(400);
    expect(
      (await send(alpha, { changeId: change.id, action: 'implementation_window', start: '2026-03-08T02:00:00Z', end: '2026-03-07T22:00:00Z' })).status,
    ).toBe(400);
    expect((await send(alpha, { changeId: change.id, action: 'approve', note: 'x'.repeat(70 * 1024) })).status).toBe(413);
    expect((await changeRow(change.id)).state).toBe('submitted');
  });
});

describe('signing helper of this test', () => {
  it('signs what the route verifies (a wrong secret is caught by the tests above)', () => {
    const { req } = signedRequest({ keyId: 'k', secret: 's' }, '{}', { at: new Date(0) });
    expect(req.headers.get('x-patchward-signature')).toBe(`sha256=${computeSignature('s', '0', '{}')}`);
  });
});
