import { expect, test } from '@playwright/test';
import { login } from './helpers';

/** My queue: the tracking records an application owner works, soonest due first (lib/tracking). */
test('an application owner sees their tracking records by due date and opens one', async ({ page }) => {
  await login(page, 'ownerAcme', '/queue');
  await expect(page.getByRole('heading', { name: 'My queue', exact: true })).toBeVisible();
  const table = page.getByRole('table', { name: 'My tracking records' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const due = await table.getByTestId('due').evaluateAll((cells) => cells.map((c) => Date.parse(c.getAttribute('data-due') ?? '')));
  expect(due.length).toBeGreaterThan(1);
  expect(due.every((d) => !Number.isNaN(d))).toBe(true);
  expect(due).toEqual([...due].sort((a, b) => a - b));
  // Only Acme's records: the owner holds no role elsewhere.
  const tenants = await table.locator('tbody tr td:nth-child(4) div.text-xs').allTextContents();
  expect(new Set(tenants)).toEqual(new Set(['Acme Retail']));

  // The due column is the active sort: one click turns it to the latest due first.
  await expect(table.getByRole('columnheader', { name: 'Due' })).toHaveAttribute('aria-sort', 'ascending');
  await table.getByRole('button', { name: 'Due' }).click();
  await expect(page).toHaveURL(/sort=due%3Adesc|sort=due:desc/);
  await expect(async () => {
    const desc = await table.getByTestId('due').evaluateAll((cells) => cells.map((c) => Date.parse(c.getAttribute('data-due') ?? '')));
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(desc[0]).toBeGreaterThanOrEqual(due[0]);
  }).toPass();

  // A record shows its due date and the assets still waiting for the patch.
  await table.locator('tbody tr').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/queue\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('record-due')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Affected assets' }).locator('tbody tr').first()).toBeVisible();
});

test('a record that does not exist (or is another tenant’s) is not found, and the admin pages are refused to an owner', async ({ page }) => {
  await login(page, 'ownerAcme', '/queue');
  const res = await page.goto('/queue/00000000-0000-4000-8000-000000000000');
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  const admin = await page.goto('/admin/resolvers');
  expect(admin?.status()).toBe(403);
  const contacts = await page.goto('/admin/contacts');
  expect(contacts?.status()).toBe(403);
});

test('an admin sets up a resolver group, a CAB member and a contact', async ({ page }) => {
  await login(page, 'admin', '/admin/resolvers?tenant=acme');
  await expect(page.getByRole('heading', { name: 'Resolver groups and CAB', exact: true })).toBeVisible();
  const name = `E2E resolvers ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Members').selectOption({ label: 'Olle Berg (Operations) <operator@patchward.demo>' });
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByText("Group created; the application's open records are assigned to it.")).toBeVisible();
  const groups = page.getByRole('table', { name: 'Resolver groups' });
  await expect(groups.getByRole('row', { name: new RegExp(name) })).toContainText('Olle Berg (Operations)');

  await page.getByRole('navigation', { name: 'Resolver views' }).getByRole('link', { name: 'Change advisory board' }).click();
  await page.getByLabel('User (holds a role in this tenant)').selectOption({ label: 'Mona Lisowski (Manager) <manager@patchward.demo>' });
  await page.getByRole('button', { name: 'Add to CAB' }).click();
  await expect(page.getByRole('table', { name: 'CAB members' })).toContainText('manager@patchward.demo');

  await page.goto('/admin/contacts?tenant=acme');
  await page.getByLabel('Name', { exact: true }).fill('E2E Contact');
  await page.getByLabel('E-mail').fill(`e2e.${Date.now()}@customer.example`);
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('table', { name: 'Contacts' })).toContainText('E2E Contact');
  // A bad address is refused next to its field, nothing added.
  await page.getByLabel('Name', { exact: true }).fill('Broken');
  await page.getByLabel('E-mail').fill('not-an-address');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('table', { name: 'Contacts' })).not.toContainText('Broken');
});
