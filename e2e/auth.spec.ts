import { expect, test } from '@playwright/test';
import { login, USERS, type TUserKey } from './helpers';

test.describe('sign-in', () => {
  for (const who of Object.keys(USERS) as TUserKey[]) {
    test(`${who} signs in and sees the console`, async ({ page }) => {
      await login(page, who);
      // Each role lands where its work is (e2e/landing.spec.ts checks where); every landing has a heading.
      await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory' })).toBeVisible();
    });
  }

  test('a wrong password is refused with a message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(USERS.admin);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.locator('p[role=alert]')).toHaveText('Wrong email or password.');
  });

  test('an anonymous visitor is sent to the sign-in page, then back', async ({ page }) => {
    await page.goto('/assets');
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel('Email').fill(USERS.operator);
    await page.getByLabel('Password').fill('patchward-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Inventory' })).toBeVisible();
  });

  test('anonymous API calls get 401 JSON', async ({ request }) => {
    for (const url of ['/api/v1/assets', '/api/v1/assets/00000000-0000-0000-0000-000000000000/software']) {
      const res = await request.get(url);
      expect(res.status()).toBe(401);
      expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
    }
    const agent = await request.post('/api/v1/agents/report', { data: { packages: [] } });
    expect(agent.status()).toBe(401);
  });

  test('roles without a permission do not get the page', async ({ page }) => {
    await login(page, 'manager');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    await page.goto('/audit');
    await expect(page.getByTestId('forbidden')).toBeVisible();
  });
});
