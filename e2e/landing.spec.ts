import { expect, test } from '@playwright/test';
import { login, type TUserKey } from './helpers';

/** Where each demo role lands after signing in (lib/my-applications/landing.ts). */
const LANDING: { who: TUserKey; path: RegExp; heading: string }[] = [
  { who: 'security', path: /\/testing$/, heading: 'Testing queue' },
  { who: 'operator', path: /\/schedule$/, heading: 'Schedule preview' },
  { who: 'ownerAcme', path: /\/my$/, heading: 'My applications' },
  { who: 'manager', path: /\/overview$/, heading: 'Fleet overview' },
  { who: 'auditor', path: /\/overview$/, heading: 'Fleet overview' },
  { who: 'admin', path: /\/overview$/, heading: 'Fleet overview' },
];

for (const { who, path, heading } of LANDING) {
  test(`${who} lands on ${heading}`, async ({ page }) => {
    await login(page, who);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    // The overview stays one click away for everyone.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' })).toHaveAttribute('href', '/overview');
  });
}

test('an app owner sees their applications, assets and what is missing on them, and nothing of other tenants', async ({ page }) => {
  await login(page, 'ownerAcme');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'My applications' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('table', { name: 'Patches missing on my assets' })).toBeVisible();

  await page.getByRole('navigation', { name: 'My applications views' }).getByRole('link', { name: 'Applications' }).click();
  const apps = page.getByRole('table', { name: 'My applications' });
  await expect(apps.locator('tbody tr').first()).toBeVisible();
  const tenants = await apps.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(tenants.length).toBeGreaterThan(0);
  expect(new Set(tenants)).toEqual(new Set(['Acme Retail']));

  // An application's name opens its assets.
  await apps.locator('tbody tr').first().getByRole('link').click();
  await expect(page).toHaveURL(/tab=assets&app=/);
  const assets = page.getByRole('table', { name: 'My assets' });
  await expect(assets.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('table-total')).not.toHaveText('0 results');

  // Sorting and filters live in the URL like every list.
  await assets.getByRole('button', { name: 'Missing', exact: true }).click();
  await expect(page).toHaveURL(/sort=missing%3Aasc|sort=missing:asc/);
  await page.getByRole('combobox', { name: 'Past SLA' }).selectOption('yes');
  await expect(page).toHaveURL(/overdue=yes/);

  await page.getByRole('navigation', { name: 'My applications views' }).getByRole('link', { name: 'In testing' }).click();
  await expect(page.getByRole('table', { name: 'My assets in testing' })).toBeVisible();
});

test('a user who owns no application gets an empty state on /my, and no sidebar entry', async ({ page }) => {
  await login(page, 'manager');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My applications' })).toHaveCount(0);
  await page.goto('/my');
  await expect(page.getByText('You do not own an application yet')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});
