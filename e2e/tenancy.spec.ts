import { expect, test } from '@playwright/test';
import { apiLogin, assetIdByName, login } from './helpers';

test('an app owner of Acme cannot see Globex assets, on the page or through the API', async ({ page, browser }) => {
  // Find a Globex asset as the operator (member of every tenant).
  const ops = await browser.newContext();
  await apiLogin(ops.request, 'operator');
  const list = await (await ops.request.get('/api/v1/assets?size=200&q=globex')).json();
  const globex = list.rows.find((r: { tenantName: string }) => r.tenantName.startsWith('Globex'));
  expect(globex, 'a Globex asset exists in the demo fleet').toBeTruthy();
  await ops.close();

  await login(page, 'ownerAcme');
  // The inventory lists Acme only.
  await page.goto('/assets?size=200');
  await expect(page.getByRole('table', { name: 'Assets' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Assets' }).getByText(/Globex/)).toHaveCount(0);
  // Direct link: not found, not a leak.
  await page.goto(`/assets/${globex.id}`);
  await expect(page.getByTestId('not-found')).toBeVisible();
  // API: the list holds no Globex row, the asset and its software answer 404.
  const api = page.request;
  const mine = await (await api.get('/api/v1/assets?size=200')).json();
  expect(mine.rows.length).toBeGreaterThan(0);
  expect(mine.rows.every((r: { tenantName: string }) => r.tenantName.startsWith('Acme'))).toBe(true);
  expect((await api.get(`/api/v1/assets/${globex.id}`)).status()).toBe(404);
  expect((await api.get(`/api/v1/assets/${globex.id}/software`)).status()).toBe(404);
  const patch = await api.patch(`/api/v1/assets/${globex.id}`, { data: { zone: 'UTC' } });
  expect(patch.status()).toBe(404);
  // And their own assets are fine.
  const ownId = await assetIdByName(api, mine.rows[0].name);
  expect((await api.get(`/api/v1/assets/${ownId}`)).status()).toBe(200);
});
