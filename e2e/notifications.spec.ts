import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

const table = (page: Page) => page.getByRole('table', { name: 'Notifications' });
/** Data rows (the header row has no cells). */
const rows = (page: Page) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
const TENANTS = ['Acme Retail', 'Globex Logistics', 'Initech Health'];
const unreadCount = async (page: Page) => Number(await page.getByTestId('unread-count').getAttribute('data-count'));

test('security sees notifications with their tenant, filters by tenant, pages, and marking one read lowers the unread count', async ({ page }) => {
  await login(page, 'security');
  await page.goto('/outbox?size=25');
  await expect(rows(page).first()).toContainText('applies to');
  // The same patch notifies once per tenant: the tenant column tells the rows apart.
  await expect(
    table(page)
      .getByRole('cell', { name: /^(Acme Retail|Globex Logistics|Initech Health)$/ })
      .first(),
  ).toBeVisible();
  for (const tenant of TENANTS) {
    await page.getByLabel('Tenant').selectOption({ label: tenant });
    await expect(page).toHaveURL(/tenant=/);
    for (const other of TENANTS.filter((t) => t !== tenant)) await expect(table(page).getByRole('cell', { name: other, exact: true })).toHaveCount(0);
    await expect(table(page).getByRole('cell', { name: tenant, exact: true }).first()).toBeVisible();
  }

  // Paging, server side: 10 a page, the next page starts at 11.
  await page.goto('/outbox?size=10');
  const totalText = (await page.getByTestId('table-total').textContent()) ?? '';
  const total = Number(totalText.replace(/.* of /, '').replace(/,/g, ''));
  expect(total, 'the demo notifies security of more than one page').toBeGreaterThan(10);
  await expect(rows(page)).toHaveCount(10);
  const firstOfPage1 = await rows(page).first().textContent();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId('table-total')).toContainText(`11–${Math.min(20, total)} of`);
  expect(await rows(page).first().textContent()).not.toBe(firstOfPage1);

  // Mark one read: it says so, and the unread count (page and sidebar) drops by one.
  await page.goto('/outbox?size=25&state=unread');
  const before = await unreadCount(page);
  expect(before).toBeGreaterThan(0);
  await expect(page.getByTestId('nav-unread')).toContainText(String(before));
  const row = rows(page).first();
  const id = await row.getByRole('checkbox').getAttribute('aria-label');
  await expect(row.getByTestId('read-state')).toHaveAttribute('data-state', 'unread');
  await row.getByRole('button', { name: 'Mark as read' }).click();
  await expect(page.getByTestId('unread-count')).toHaveAttribute('data-count', String(before - 1));
  await expect(page.getByTestId('nav-unread')).toContainText(String(before - 1));
  // Filtered to unread, the row has gone; under "read" it is there, marked read.
  await expect(table(page).getByRole('checkbox', { name: id ?? '' })).toHaveCount(0);
  await page.getByLabel('State').selectOption('read');
  const readRow = rows(page).filter({ has: page.getByRole('checkbox', { name: id ?? '' }) });
  await expect(readRow.getByTestId('read-state')).toHaveAttribute('data-state', 'read');
  await expect(readRow.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);

  // Nothing matches: the empty state says what to do.
  await page.goto('/outbox?q=no-such-advisory-anywhere');
  await expect(page.getByText('No notification matches these filters')).toBeVisible();
});

test('an app owner sees only their own notifications; marking all read as another user leaves theirs unread', async ({ page, browser }) => {
  // A Globex tenant id, as security sees it in the tenant filter.
  const sec = await (await browser.newContext()).newPage();
  await login(sec, 'security2', '/outbox');
  const globexId = await sec.getByLabel('Tenant').locator('option', { hasText: 'Globex Logistics' }).getAttribute('value');
  expect(globexId).toBeTruthy();

  await login(page, 'ownerAcme');
  await page.goto('/outbox?size=200');
  await expect(rows(page).first()).toContainText('applies to');
  const n = await rows(page).count();
  await expect(table(page).getByRole('cell', { name: 'Acme Retail', exact: true })).toHaveCount(n);
  // One tenant: no tenant filter; naming another tenant in the URL shows nothing of it.
  await expect(page.getByLabel('Tenant')).toHaveCount(0);
  await page.goto(`/outbox?tenant=${globexId}`);
  await expect(page.getByTestId('table-total')).toHaveText('0 results');
  await expect(page.getByText('No notification matches these filters')).toBeVisible();
  await page.goto('/outbox');
  const ownerUnread = await unreadCount(page);
  expect(ownerUnread).toBeGreaterThan(0);

  // Security 2 marks all of theirs read: their count goes to zero, the owner's does not move.
  await sec.goto('/outbox');
  await sec.getByRole('button', { name: 'Mark all read' }).click();
  await expect(sec.getByTestId('unread-count')).toHaveAttribute('data-count', '0');
  await expect(sec.getByTestId('nav-unread')).toHaveCount(0);
  await expect(sec.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  await page.reload();
  expect(await unreadCount(page)).toBe(ownerUnread);
  await sec.context().close();
});

test('a user with no notifications is told what to do next', async ({ page }) => {
  // The admin is no tenant's security team and owns no application: nothing is addressed to them.
  await login(page, 'admin', '/outbox');
  await expect(page.getByText('No notifications yet')).toBeVisible();
  await page.getByRole('link', { name: 'Review applicable patches' }).click();
  await expect(page.getByRole('table', { name: 'Patches' })).toBeVisible();
});
