import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CORPUS_DIR, hasCorpus, login } from './helpers';

async function openFirstAsset(page: import('@playwright/test').Page, query: string) {
  await page.goto(`/assets?${query}`);
  const link = page.getByRole('table', { name: 'Assets' }).getByRole('link').first();
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByTestId('asset-name')).toHaveText(name);
  return name;
}

test('uploading the real Debian 12 dpkg listing shows its 825 packages', async ({ page }) => {
  test.skip(!hasCorpus, `corpus not found at ${CORPUS_DIR}`);
  await login(page, 'operator');
  await openFirstAsset(page, 'os=debian&kind=vm&sort=name:asc');
  await page.getByLabel('Listing file').setInputFiles(path.join(CORPUS_DIR, 'inventories', 'debian-12-dpkg-query-W.tsv'));
  await page.getByRole('button', { name: /Import and replace/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 825 packages' })).toBeVisible();
  await expect(page.getByTestId('software-total')).toHaveText('825 packages');
  // The same file again changes nothing.
  await page.getByLabel('Listing file').setInputFiles(path.join(CORPUS_DIR, 'inventories', 'debian-12-dpkg-query-W.tsv'));
  await page.getByRole('button', { name: /Import and replace/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing changed' })).toBeVisible();
  // The software list filters server-side.
  await page.getByLabel('Filter packages').fill('libssl');
  // libssl-dev and libssl3 (header row + 2)
  await expect(page.getByRole('table', { name: 'Installed software' }).getByRole('row')).toHaveCount(3);
});

test('a malformed listing is refused with the line named, and nothing changes', async ({ page }, info) => {
  await login(page, 'operator');
  await openFirstAsset(page, 'os=almalinux&kind=vm&sort=name:asc');
  const before = await page.getByTestId('software-total').textContent();
  const bad = info.outputPath('bad.tsv');
  fs.writeFileSync(bad, 'bash\t5.2.15-2+b8\tamd64\nthis line has spaces in the version\t1 2 3\tamd64\n');
  await page.getByLabel('Listing file').setInputFiles(bad);
  await page.getByLabel('Format').selectOption('dpkg-query');
  await page.getByRole('button', { name: /Import and replace/ }).click();
  await expect(page.locator('p[role=alert]')).toContainText('line 2');
  await page.reload();
  await expect(page.getByTestId('software-total')).toHaveText(before!);
});

test('the inventory pages, sorts and filters server-side', async ({ page }) => {
  await login(page, 'operator');
  await page.goto('/assets?size=25');
  const total = page.getByTestId('table-total');
  await expect(total).toContainText('1–25 of');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(total).toContainText('26–50 of');
  await page.getByLabel('Kind').selectOption('host');
  await expect(page).toHaveURL(/kind=host/);
  await expect(page.getByRole('table', { name: 'Assets' }).getByText('VM', { exact: true })).toHaveCount(0);
  await page.getByLabel('Search').fill('zzz-no-such-asset');
  await expect(page.getByText('No asset matches these filters.')).toBeVisible();
});
