import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

const DAY = 86_400_000;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Opens the most urgent patch that is still new in Acme's testing queue; returns its id and vendor id. */
async function openNewPatch(page: Page): Promise<{ id: string; vendorId: string; url: string }> {
  await page.goto('/testing?tenant=acme&status=new');
  const link = page.getByRole('table', { name: 'Testing queue' }).getByTestId('queue-patch').first();
  await expect(link).toBeVisible();
  const vendorId = (await link.textContent())?.trim() ?? '';
  await link.click();
  await expect(page.getByTestId('patch-id')).toHaveText(vendorId);
  const url = new URL(page.url()).pathname;
  return { id: url.split('/')[2], vendorId, url };
}

/** The pending request and its tenant's concurrency token, as the page was rendered. */
async function pageToken(page: Page) {
  const pending = page.getByTestId('pending-decision');
  const tenantId = await pending.getAttribute('data-tenant-id');
  const token = page.locator(`[data-testid="decision-token"][data-tenant="${tenantId}"]`);
  return {
    expectedVersion: Number(await token.getAttribute('data-version')),
    expectedContentHash: (await token.getAttribute('data-content-hash')) ?? '',
    decisionId: await pending.getAttribute('data-decision-id'),
  };
}

async function startPassedRun(page: Page) {
  const start = page.getByRole('form', { name: 'Start a test run' });
  await start.getByLabel('Tenant').selectOption({ label: 'Acme Retail' });
  await expect(start.getByLabel('Ring')).toHaveValue('test');
  await start.getByRole('button', { name: 'Start test run' }).click();
  const result = page.getByTestId('test-result').first();
  await expect(result).toBeVisible();
  await result.getByText('Record result').click();
  await result.getByLabel('Outcome').selectOption('passed');
  await result.getByLabel(/^Notes/).fill('Smoke tests green; service restarted cleanly.');
  await result.getByRole('button', { name: 'Save result' }).click();
  await expect(page.getByText('counts as passed').first()).toBeVisible();
}

test('security A requests authorisation, B approves; A’s own approval is refused by the server too', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await login(page, 'security');
  const patch = await openNewPatch(page);
  await expect(page.getByText('Results are entered by hand or imported')).toBeVisible();
  await startPassedRun(page);

  // Evidence: a file on the first result, downloadable within the tenant.
  const result = page.getByTestId('test-result').first();
  await result.getByLabel(/Evidence file/).setInputFiles({ name: 'smoke.log', mimeType: 'text/plain', buffer: Buffer.from('all services healthy\n') });
  await result.getByRole('button', { name: 'Attach' }).click();
  const file = result.getByRole('link', { name: 'smoke.log' });
  await expect(file).toBeVisible();
  const download = await page.request.get((await file.getAttribute('href')) ?? '');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toContain('attachment');
  expect(await download.text()).toBe('all services healthy\n');

  // The request form explains bad input inline and writes nothing.
  const form = page.getByRole('form', { name: 'Request a decision' });
  await expect(form.getByLabel('Decision')).toHaveValue('authorise');
  await form.getByRole('button', { name: 'Request decision' }).click();
  await expect(page.locator('#d-justification-error')).toHaveText('A justification is required.');
  await form.getByLabel('Justification').fill('Remote code execution fix; passed on the Acme test ring.');
  await form.getByLabel('Expected downtime (minutes)').fill('a few');
  await form.getByRole('button', { name: 'Request decision' }).click();
  await expect(page.locator('#d-downtime-error')).toHaveText('Expected downtime must be a number of minutes (0 if none).');
  await form.getByLabel('Expected downtime (minutes)').fill('5');
  await form.getByLabel('Reboot required').check();
  // No tenant starts ticked: each tenant is chosen on purpose.
  await form.getByRole('button', { name: 'Request decision' }).click();
  await expect(form.getByText('Choose at least one tenant the decision applies to.').first()).toBeVisible();
  await form.getByLabel(/^Acme Retail/).check();
  await form.getByRole('button', { name: 'Request decision' }).click();

  // A sees the request waiting for someone else, and no Approve button…
  await expect(page.getByTestId('awaiting-approver')).toContainText('You requested this decision');
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByTestId('pending-decision')).toContainText('5 min downtime · reboot required');
  // …and calling the same use-case directly is refused as well (four eyes, 403), nothing changes.
  const token = await pageToken(page);
  expect(token.decisionId).toBeTruthy();
  const own = await page.request.post(`/api/v1/patches/${patch.id}/decisions/${token.decisionId}/approve`, {
    data: { expectedVersion: token.expectedVersion, expectedContentHash: token.expectedContentHash },
  });
  expect(own.status()).toBe(403);
  expect((await own.json()).error.message).toMatch(/four eyes/);

  // B approves.
  const other = await browser.newContext();
  const pageB = await other.newPage();
  await login(pageB, 'security2');
  await pageB.goto(patch.url);
  await expect(pageB.getByTestId('pending-decision')).toContainText('Remote code execution fix');
  await pageB.getByLabel('Note (required to refuse)').fill('Agreed: evidence attached, low downtime.');
  await pageB.getByRole('button', { name: 'Approve' }).click();
  await expect(pageB.getByTestId('patch-status').first()).toHaveAttribute('data-status', 'authorised');
  await expect(pageB.getByTestId('decision').first()).toContainText(/approved by Priya Nair/);
  await other.close();

  // The history shows the decision with its justification.
  await page.goto(`/history?tenant=acme&q=${encodeURIComponent(patch.vendorId)}`);
  const row = page.getByRole('table', { name: 'Patch history' }).getByRole('row').filter({ hasText: patch.vendorId });
  await expect(row).toContainText('authorised');
  await expect(row).toContainText('Remote code execution fix');
  const csv = await page.request.get(`/api/v1/patches/history.csv?tenant=acme&q=${encodeURIComponent(patch.vendorId)}`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toContain('tenant,vendor_id,title,severity');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(patch.vendorId);
  expect(lines[1]).toContain('authorised');
});

test('an app owner reads tests and decisions but cannot act: no forms, and the API answers 403', async ({ page }) => {
  await login(page, 'ownerAcme');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'History' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Testing' })).toHaveCount(0);
  await page.goto('/testing');
  await expect(page.getByTestId('forbidden')).toBeVisible();

  await page.goto('/patches?applicable=yes');
  await page.getByRole('table', { name: 'Patches' }).getByRole('link').first().click();
  await page.getByRole('link', { name: /Tests and decisions/ }).click();
  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Request a decision' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Start a test run' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  const patchId = new URL(page.url()).pathname.split('/')[2];
  const token = page.getByTestId('decision-token');
  const tenantId = (await token.getAttribute('data-tenant')) ?? '';
  const seen = { expectedVersion: Number(await token.getAttribute('data-version')), expectedContentHash: await token.getAttribute('data-content-hash') };
  const request = await page.request.post(`/api/v1/patches/${patchId}/decisions`, {
    data: {
      kind: 'authorise',
      justification: 'I own this app',
      impact: { downtimeMinutes: 0, rebootRequired: false },
      scope: { tenantIds: [tenantId] },
      isEmergency: true,
      emergencyReasons: { [tenantId]: 'please' },
      expectedVersions: { [tenantId]: seen.expectedVersion },
      expectedContentHash: seen.expectedContentHash,
    },
  });
  expect(request.status()).toBe(403);
  const approve = await page.request.post(`/api/v1/patches/${patchId}/decisions/00000000-0000-4000-8000-000000000000/approve`, { data: seen });
  expect(approve.status()).toBe(403);
});

test('a deferral date in the past is refused; a deferred patch leaves the queue and returns after its date', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await login(page, 'security');
  const patch = await openNewPatch(page);
  const form = page.getByRole('form', { name: 'Request a decision' });
  await form.getByLabel('Decision').selectOption('defer');
  await form.getByLabel('Justification').fill('Vendor announced a corrected build next week.');
  await form.getByLabel(/^Acme Retail/).check();
  await form.getByLabel('Deferred until').fill(utcDate(Date.now() - DAY));
  await form.getByRole('button', { name: 'Request decision' }).click();
  await expect(page.locator('#d-until-error')).toContainText('The deferral date must be in the future');
  await expect(page.getByTestId('pending-decision')).toHaveCount(0);

  const until = utcDate(Date.now() + 2 * DAY);
  await form.getByLabel('Deferred until').fill(until);
  await form.getByRole('button', { name: 'Request decision' }).click();
  await expect(page.getByTestId('awaiting-approver')).toBeVisible();

  const other = await browser.newContext();
  const pageB = await other.newPage();
  await login(pageB, 'security2');
  await pageB.goto(patch.url);
  await pageB.getByRole('button', { name: 'Approve' }).click();
  await expect(pageB.getByTestId('patch-status').first()).toHaveAttribute('data-status', 'deferred');
  await other.close();

  // Out of the queue now…
  const queue = page.getByRole('table', { name: 'Testing queue' });
  await page.goto(`/testing?tenant=acme&q=${encodeURIComponent(patch.vendorId)}`);
  await expect(page.getByText('Nothing to test or decide here.')).toBeVisible();
  // …and back in it from its date on (the page evaluates deferrals at `?at=`).
  await page.goto(`/testing?tenant=acme&q=${encodeURIComponent(patch.vendorId)}&at=${until}`);
  await expect(page.getByTestId('queue-at')).toBeVisible();
  const row = queue.getByRole('row').filter({ hasText: patch.vendorId });
  await expect(row).toBeVisible();
  await expect(row).toContainText(`deferral ended ${until}`);
});
