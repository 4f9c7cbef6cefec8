import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

/** Pixels a table is wider than its scroll container: more than 0 means columns are cut at this viewport. */
async function overflowOf(page: Page, tableName: string): Promise<number> {
  const table = page.getByRole('table', { name: tableName });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  return table.evaluate((el) => {
    const box = el.parentElement as HTMLElement;
    return box.scrollWidth - box.clientWidth;
  });
}

test('no columns are cut at 1440×900: inventory, audit, a patch’s assets, notifications', async ({ page }, info) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, 'security');
  const check = async (url: string, table: string, shot: string) => {
    await page.goto(url);
    await page.screenshot({ path: info.outputPath(`${shot}.png`) });
    expect.soft(await overflowOf(page, table), `${table} at ${url}`).toBeLessThanOrEqual(0);
  };
  await check('/assets', 'Assets', 'inventory');
  await check('/audit', 'Audit log', 'audit');
  await check('/outbox', 'Notifications', 'notifications');
  await page.goto('/patches?applicable=yes&kev=yes');
  const link = page.getByRole('table', { name: 'Patches' }).getByRole('link').first();
  await Promise.all([page.waitForURL(/\/patches\/[^/?]+$/), link.click()]);
  await check(page.url(), 'Assets for this patch', 'patch-assets');
});

test('a page the role may not open answers 403 with the app’s page inside the console frame', async ({ page }) => {
  await login(page, 'ownerAcme');
  for (const url of ['/audit', '/admin', '/intake']) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(403);
    await expect(page.getByTestId('forbidden')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Back to the overview' }).click();
  await expect(page).not.toHaveURL(/\/audit|\/admin|\/intake/);
});

test('an unknown URL answers 404 inside the console frame with a way back; the favicon exists', async ({ page, request }) => {
  await login(page, 'operator');
  const res = await page.goto('/no-such-page/at-all');
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the overview' }).click();
  await expect(page.getByTestId('not-found')).toHaveCount(0);

  const icon = await request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/icon/);
  expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
});

test('the history sort arrow says what the rows are: newest first by default, oldest first after a click', async ({ page }) => {
  await login(page, 'security');
  await page.goto('/history');
  const table = page.getByRole('table', { name: 'Patch history' });
  const header = table.getByRole('columnheader', { name: /published/i });
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const published = async () =>
    (
      await table.evaluate((el) => {
        const col = [...el.querySelectorAll('thead th')].findIndex((th) => /published/i.test(th.textContent ?? ''));
        return [...el.querySelectorAll('tbody tr')].map((tr) => tr.children[col]?.textContent?.trim() ?? '');
      })
    ).filter((d) => d !== '—');
  const newestFirst = await published();
  expect(newestFirst.length).toBeGreaterThan(1);
  expect([...newestFirst].sort().reverse()).toEqual(newestFirst);
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=published%3Adesc|sort=published:desc/);
  await expect
    .poll(async () => {
      const rows = await published();
      return rows.length > 1 && rows.join() === [...rows].sort().join();
    })
    .toBe(true);
});
