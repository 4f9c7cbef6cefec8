import { expect, test, type APIRequestContext } from '@playwright/test';
import { login } from './helpers';

type TRow = { id: string; name: string; applicationId: string | null };

/** An asset of an application the signed-in owner owns: re-saving its application is allowed only there (and changes nothing). */
async function ownAsset(api: APIRequestContext): Promise<TRow> {
  const { rows } = (await (await api.get('/api/v1/assets?size=200&sort=application:asc')).json()) as { rows: TRow[] };
  for (const row of rows.filter((r) => r.applicationId)) {
    if ((await api.patch(`/api/v1/assets/${row.id}`, { data: { applicationId: row.applicationId } })).status() === 200) return row;
  }
  throw new Error('the demo owner owns no asset');
}

test('an app owner cannot leave their asset without an application: no "none" in the form, 403 from the API', async ({ page }) => {
  await login(page, 'ownerAcme');
  const own = await ownAsset(page.request);
  await page.goto(`/assets/${own.id}`);
  const select = page.locator('select#applicationId');
  await expect(select).toHaveValue(own.applicationId as string);
  await expect(select.locator('option', { hasText: '— none —' })).toHaveCount(0);

  const none = await page.request.patch(`/api/v1/assets/${own.id}`, { data: { applicationId: null } });
  expect(none.status()).toBe(403);
  expect((await none.json()).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('without an application') });
  const after = await (await page.request.get(`/api/v1/assets/${own.id}`)).json();
  expect(after.asset.applicationId).toBe(own.applicationId);
});

test('an operator may leave an asset without an application: the form offers none', async ({ page }) => {
  await login(page, 'operator');
  const { rows } = (await (await page.request.get('/api/v1/assets?size=25&sort=application:asc')).json()) as { rows: TRow[] };
  const asset = rows.find((r) => r.applicationId);
  expect(asset, 'an asset with an application').toBeTruthy();
  await page.goto(`/assets/${asset?.id}`);
  await expect(page.locator('select#applicationId option', { hasText: '— none —' })).toHaveCount(1);
});
