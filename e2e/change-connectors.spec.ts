import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { login } from './helpers';

type TReceived = { headers: IncomingHttpHeaders; body: string };

const sign = (secret: string, ts: string, body: string) => createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');

// The round trip on the running app: an admin adds a webhook connector pointing at a receiver on
// loopback, a signed callback changes a change, and the resulting event reaches the receiver signed.
let server: Server;
let receiverUrl: string;
const received: TReceived[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/patchward`;
});
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('an admin adds a webhook connector (secret shown once); a signed callback is applied and its event is delivered, signed', async ({ page }) => {
  await login(page, 'admin', '/admin');
  await page.getByRole('link', { name: 'Change connectors' }).click();
  await expect(page.getByRole('heading', { name: 'Change connectors' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Tenants' }).getByRole('link', { name: /^Acme/ }).click();
  await expect(page).toHaveURL(/\/admin\/connectors\?tenant=acme/);

  const name = `E2E receiver ${randomUUID().slice(0, 8)}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Webhook URL').fill(receiverUrl);
  await page.getByRole('button', { name: 'Add connector' }).click();
  const shown = page.getByTestId('connector-secret');
  await expect(shown).toBeVisible();
  const keyId = (await shown.locator('code').first().textContent())!.trim();
  const secret = (await page.getByTestId('connector-secret-value').textContent())!.trim();
  expect(keyId).toMatch(/^pwk_/);
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByRole('table', { name: 'Connectors' }).getByText(name)).toBeVisible();
  // Shown once: not on the page after a reload.
  await page.reload();
  await expect(page.getByTestId('connector-secret')).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  // A change of Acme that may still get an implementation window.
  await page.goto('/changes?tenant=acme&size=100');
  const hrefs = await page.getByTestId('change-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  let applied: { changeId: string; deliveryId: string; raw: string; ts: string } | null = null;
  for (const href of hrefs) {
    const changeId = href.split('/').pop()!;
    const raw = JSON.stringify({ changeId, action: 'implementation_window', start: '2027-01-09T22:00:00Z', end: '2027-01-10T02:00:00Z' });
    const ts = String(Math.floor(Date.now() / 1000));
    const deliveryId = randomUUID();
    const res = await page.request.post('/api/v1/changes/callback', {
      headers: {
        'content-type': 'application/json',
        'x-patchward-key-id': keyId,
        'x-patchward-timestamp': ts,
        'x-patchward-signature': `sha256=${sign(secret, ts, raw)}`,
        'x-patchward-delivery': deliveryId,
      },
      data: raw,
    });
    if (res.status() === 409) continue; // a change already under way: try the next
    expect(res.status(), await res.text()).toBe(200);
    applied = { changeId, deliveryId, raw, ts };
    break;
  }
  expect(applied, 'a change of Acme accepts an implementation window').not.toBeNull();

  // The same delivery again: a replay.
  const replay = await page.request.post('/api/v1/changes/callback', {
    headers: {
      'content-type': 'application/json',
      'x-patchward-key-id': keyId,
      'x-patchward-timestamp': applied!.ts,
      'x-patchward-signature': `sha256=${sign(secret, applied!.ts, applied!.raw)}`,
      'x-patchward-delivery': applied!.deliveryId,
    },
    data: applied!.raw,
  });
  expect(replay.status()).toBe(409);
  // A bad signature.
  const forged = await page.request.post('/api/v1/changes/callback', {
    headers: {
      'content-type': 'application/json',
      'x-patchward-key-id': keyId,
      'x-patchward-timestamp': applied!.ts,
      'x-patchward-signature': `sha256=${sign('0'.repeat(64), applied!.ts, applied!.raw)}`,
      'x-patchward-delivery': randomUUID(),
    },
    data: applied!.raw,
  });
  expect(forged.status()).toBe(401);

  // The window event reaches the receiver through the job queue, signed with the connector's secret.
  await expect
    .poll(() => received.some((r) => r.body.includes(applied!.changeId) && r.headers['x-patchward-event'] === 'window'), { timeout: 30_000 })
    .toBe(true);
  const delivery = received.find((r) => r.body.includes(applied!.changeId) && r.headers['x-patchward-event'] === 'window')!;
  expect(delivery.headers['x-patchward-key-id']).toBe(keyId);
  const ts = String(delivery.headers['x-patchward-timestamp']);
  expect(delivery.headers['x-patchward-signature']).toBe(`sha256=${sign(secret, ts, delivery.body)}`);
  expect(JSON.parse(delivery.body)).toMatchObject({ event: 'window', change: { id: applied!.changeId, plannedStart: '2027-01-09T22:00:00.000Z' } });

  // The delivery log shows it delivered.
  await page.goto('/admin/connectors?tenant=acme&status=delivered');
  await expect(page.getByRole('table', { name: 'Webhook deliveries' }).getByTestId('delivery-status').first()).toHaveAttribute('data-status', 'delivered');

  // Disable, then delete.
  await page.goto('/admin/connectors?tenant=acme');
  const row = page.getByRole('row').filter({ hasText: name });
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByTestId('connector-state')).toHaveText('disabled');
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});

test('an operator is refused the connectors page (403)', async ({ page }) => {
  await login(page, 'operator');
  const res = await page.goto('/admin/connectors');
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toBeVisible();
});
