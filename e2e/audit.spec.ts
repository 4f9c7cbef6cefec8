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
