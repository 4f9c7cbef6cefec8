import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { login } from './helpers';

test('an edit by an operator is written to the audit log and visible to an auditor', async ({ page, browser }) => {
  await login(page, 'operator');
  await page.goto('/assets?kind=vm&sort=name:desc');
  const link = page.getByRole('table', { name: 'Assets' }).getByRole('link').first();
  await link.click();
  const assetUrl = page.url();
  const assetId = assetUrl.split('/').pop()!;
  const tags = `e2e-${Date.now()}`;
  await page.getByLabel('Tags (comma separated)').fill(tags);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // A bad zone is refused inline and saves nothing.
  await page.getByLabel('Time zone (IANA)').fill('Mars/Olympus_Mons');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('p[role=alert]')).toContainText('Unknown time zone');

  const auditorCtx = await browser.newContext();
  const auditor = await auditorCtx.newPage();
  await login(auditor, 'auditor');
  await auditor.goto('/audit');
  await auditor.getByLabel('Search').fill(assetId);
  const row = auditor.getByRole('table', { name: 'Audit log' }).getByRole('row').filter({ hasText: 'asset.update' });
  await expect(row.first()).toContainText('operator@patchward.demo');
  await expect(row.first()).toContainText(tags);
  await auditor.getByRole('button', { name: 'Verify chain' }).click();
  await expect(auditor.getByRole('status').filter({ hasText: 'Chain intact' })).toBeVisible();
  await auditorCtx.close();
});

test('audit readers see platform entries with readable changes, filter by dates and actor, and export the slice', async ({ page }) => {
  await login(page, 'auditor');
  await page.goto('/audit?tenant=platform');
  const table = page.getByRole('table', { name: 'Audit log' });
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toContainText('platform');
  await expect(table.getByText('seed.demo')).toBeVisible();
  // The change column reads "field: value", never raw JSON.
  await expect(table.getByTestId('audit-change').first()).toContainText(/\w+: \S/);
  await expect(table).not.toContainText('{"');

  // A "to" before "from" is explained inline and not applied.
  await page.getByLabel('From (UTC day)').fill('2026-12-10');
  await page.getByLabel('To (UTC day, inclusive)').fill('2026-12-01');
  await expect(page.locator('p[role=alert]')).toContainText('must be on or after');
  await expect(page).not.toHaveURL(/to=2026-12-01/);
  // A hand-edited link with a bad range is refused by the server too, and offers no export.
  await page.goto('/audit?from=2026-12-10&to=2026-12-01');
  await expect(page.locator('p[role=alert]')).toContainText('must be on or after');
  await expect(page.getByRole('link', { name: 'CSV' })).toHaveCount(0);

  // A range far in the past holds nothing; today's range holds the seed.
  await page.goto('/audit?from=2000-01-01&to=2000-01-31');
  await expect(page.getByTestId('table-total')).toHaveText('0 results');
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/audit?from=${today}&to=${today}&actor=system%3Aseed`);
  await expect(rows.nth(1)).toContainText('system:seed');
  await expect(page.getByLabel('Actor')).toHaveValue('system:seed');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^patchward-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('seq,at,actor,tenant,action,target_type,target_id,change,before,after,hash,prev_hash');
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain('system:seed');

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'JSON' }).click()]);
  const entries = JSON.parse(fs.readFileSync(await json.path(), 'utf8')) as { actor: string }[];
  expect(entries.length).toBe(lines.length - 1);
  expect(entries.every((e) => e.actor === 'system:seed')).toBe(true);
});

test('a single-tenant reader sees only their tenant and platform entries, in the list, exports and verify', async ({ page, browser }) => {
  await login(page, 'securityAcme');
  await page.goto('/audit?size=200');
  const tenants = await page
    .getByRole('table', { name: 'Audit log' })
    .getByRole('row')
    .evaluateAll((trs) => trs.slice(1).map((tr) => tr.children[3]?.textContent?.trim() ?? ''));
  expect(tenants.length).toBeGreaterThan(0);
  for (const t of tenants) expect(['Acme Retail', 'platform']).toContain(t);
  const exported = await page.request.get('/api/v1/audit/export.csv');
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-disposition']).toMatch(/^attachment; filename="patchward-audit-/);
  const body = await exported.text();
  expect(body).not.toMatch(/Globex|Initech/);
  const other = await page.request.get('/api/v1/audit/export.json?tenant=00000000-0000-4000-8000-000000000000');
  expect(await other.json()).toEqual([]);
  const bad = await page.request.get('/api/v1/audit/export.csv?from=2026-12-10&to=2026-12-01');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain('must be on or after');

  await page.getByRole('button', { name: 'Verify chain' }).click();
  const mine = page.getByRole('status').filter({ hasText: 'Chain intact' });
  await expect(mine).toContainText('entries of your tenant(s)');
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await login(admin, 'admin');
  await admin.goto('/audit');
  await admin.getByRole('button', { name: 'Verify chain' }).click();
  const all = admin.getByRole('status').filter({ hasText: 'Chain intact' });
  await expect(all).toBeVisible();
  const count = async (loc: typeof mine) => Number(((await loc.textContent()) ?? '').match(/([\d,]+) entries of your tenant/)?.[1].replace(/,/g, ''));
  expect(await count(mine)).toBeLessThan(await count(all));
  await adminCtx.close();
});

test('a role without audit:read is refused the page (403) and the exports', async ({ page }) => {
  await login(page, 'ownerAcme');
  const res = await page.goto('/audit');
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  for (const format of ['csv', 'json']) {
    const exp = await page.request.get(`/api/v1/audit/export.${format}`);
    expect(exp.status()).toBe(403);
    expect((await exp.json()).error.code).toBe('FORBIDDEN');
  }
  const bad = await page.request.get('/api/v1/audit/export.csv?from=2026-12-10&to=2026-12-01');
  expect(bad.status()).toBe(403);
});
