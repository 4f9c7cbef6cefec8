import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

/**
 * Advisory scope with single-tenant users (the staff accounts belong to every tenant and would hide
 * leaks): Acme's security team imports a private critical advisory; Globex's never sees, receives
 * or is assessed against it, nor Acme's intake runs.
 */

// One id per test run, so a re-run against a kept server does not meet "unchanged".
const vendorId = `ACME-PRIVATE-${Date.now()}`;

/** A critical OSV advisory for bash on Debian 12 that every demo tenant's Debian hosts are behind on. */
function privateAdvisory(id: string) {
  return JSON.stringify({
    schema_version: '1.6.0',
    id,
    modified: '2026-03-01T00:00:00Z',
    published: '2026-03-01T00:00:00Z',
    aliases: [],
    summary: 'bash: fake critical advisory, private to Acme',
    affected: [{ package: { ecosystem: 'Debian:12', name: 'bash' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '99.0-1' }] }] }],
    database_specific: { severity: 'CRITICAL' },
  });
}

async function scopeOptions(page: Page, label: string) {
  return (await page.getByLabel(label).locator('option').allTextContents()).map((t) => t.trim());
}

test.describe.configure({ mode: 'serial' });

let patchPath = '';

test("Acme's security imports a private advisory: scope is required and Global is not offered", async ({ page }) => {
  await login(page, 'securityAcme');
  await page.goto('/intake');
  expect(await scopeOptions(page, 'Import into')).toEqual(['Choose a tenant…', 'Acme Retail only']);
  expect(await scopeOptions(page, 'Scope')).not.toContain('Global (all tenants)');
  await expect(page.getByRole('button', { name: 'Recompute applicability' })).toHaveCount(0);
  await expect(page.getByLabel('Import into')).toHaveValue(''); // nothing chosen by default
  await expect(page.getByLabel('Import into')).toHaveAttribute('required', '');

  await page.getByLabel('Import into').selectOption({ label: 'Acme Retail only' });
  await page
    .getByLabel('Advisory documents')
    .setInputFiles({ name: `${vendorId}.json`, mimeType: 'application/json', buffer: Buffer.from(privateAdvisory(vendorId)) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 imported' }).first()).toBeVisible();
  const run = page.getByTestId('intake-run').filter({ hasText: 'upload' }).first();
  await expect(run.getByTestId('run-scope')).toHaveText('Acme Retail');

  // A source of Acme's own: listed with its scope.
  await page.getByLabel('Name').fill(`Acme mirror ${vendorId}`);
  await page.getByLabel('Scope').selectOption({ label: 'Acme Retail only' });
  await page.getByLabel('URL or folder path').fill('https://advisories.example.invalid/acme/feed.json');
  await page.getByRole('button', { name: 'Add source' }).click();
  const sources = page.getByRole('table', { name: 'Advisory sources' });
  await expect(sources.getByRole('row').filter({ hasText: `Acme mirror ${vendorId}` })).toContainText('Acme Retail');

  // Applies to Acme's hosts and notifies Acme's security team.
  await page.goto(`/patches?q=${vendorId}`);
  await page.getByRole('table', { name: 'Patches' }).getByRole('link', { name: vendorId }).click();
  await expect(page.getByTestId('patch-id')).toHaveText(vendorId);
  patchPath = new URL(page.url()).pathname;
  const assets = page.getByRole('table', { name: 'Assets for this patch' });
  await expect(assets.getByText('missing').first()).toBeVisible();
  await expect(assets.getByText(/Globex|Initech/)).toHaveCount(0);
  await page.goto(`/outbox?q=${vendorId}`);
  await expect(page.getByRole('table', { name: 'Notifications' }).getByText(vendorId).first()).toBeVisible();
});

test("Globex's security user never sees Acme's private advisory, its notifications or Acme's runs", async ({ page }) => {
  expect(patchPath, 'the first test found the patch').not.toBe('');
  await login(page, 'securityGlobex');
  await page.goto(`/patches?q=${vendorId}`);
  await expect(page.getByRole('link', { name: vendorId })).toHaveCount(0);
  const detail = await page.goto(patchPath);
  expect(detail?.status()).toBe(404);
  await expect(page.getByTestId('patch-id')).toHaveCount(0);
  await page.goto(`/outbox?q=${vendorId}`);
  await expect(page.getByText(vendorId)).toHaveCount(0);

  await page.goto('/intake');
  await expect(page.getByTestId('intake-run').filter({ hasText: 'Acme Retail' })).toHaveCount(0);
  await expect(page.getByText(`Acme mirror ${vendorId}`)).toHaveCount(0);
  const api = await page.request.get('/api/v1/intake/runs');
  expect(api.status()).toBe(200);
  const body = JSON.stringify(await api.json());
  expect(body).not.toContain(vendorId);
  expect(body).not.toContain('Acme');
});

test('a platform user (staff security) may import globally and sees every scope', async ({ page }) => {
  await login(page, 'security');
  await page.goto('/intake');
  expect(await scopeOptions(page, 'Import into')).toContain('Global (all tenants)');
  expect(await scopeOptions(page, 'Scope')).toContain('Global (all tenants)');
  await expect(page.getByTestId('intake-run').filter({ hasText: 'Acme Retail' }).first()).toBeVisible();
});

test('an app owner is refused the runs API', async ({ page }) => {
  await login(page, 'ownerAcme');
  const api = await page.request.get('/api/v1/intake/runs');
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe('FORBIDDEN');
});
