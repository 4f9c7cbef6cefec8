import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

/** Vendor ids on the first page of a tenant's queue of new patches. */
async function newInQueue(page: Page, tenant: string): Promise<string[]> {
  await page.goto(`/testing?tenant=${tenant}&status=new&size=50`);
  const links = page.getByRole('table', { name: 'Testing queue' }).getByTestId('queue-patch');
  await expect(links.first()).toBeVisible();
  return (await links.allTextContents()).map((t) => t.trim());
}

/**
 * Each tenant tests and decides for itself. Acme's single-tenant security user tests and requests,
 * a second approver approves for Acme; Globex's single-tenant security user sees the same patch as
 * new in Globex, with nothing of Acme's (status, names, evidence) and no way to act on Acme's request.
 */
test('two tenants’ security users on one patch: Acme’s authorisation stays in Acme', async ({ page, browser }) => {
  test.setTimeout(180_000);
  // A patch new in both tenants (staff see every tenant's queue).
  const ctxS = await browser.newContext();
  const staff = await ctxS.newPage();
  await login(staff, 'security');
  const acme = await newInQueue(staff, 'acme');
  const globex = await newInQueue(staff, 'globex');
  const vendorId = acme.find((v) => globex.includes(v));
  expect(vendorId, 'a patch new in both Acme and Globex').toBeTruthy();
  await ctxS.close();

  // Acme's own security user starts a passed run and requests the authorisation for Acme.
  await login(page, 'securityAcme');
  await page.goto(`/testing?q=${encodeURIComponent(vendorId!)}`);
  const row = page.getByRole('table', { name: 'Testing queue' }).getByRole('row').filter({ hasText: vendorId! });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Acme Retail');
  await row.getByTestId('queue-patch').click();
  await expect(page.getByTestId('patch-id')).toHaveText(vendorId!);
  const url = new URL(page.url()).pathname;
  const patchId = url.split('/')[2];
  // Only Acme is on the page: one status row, one tenant to choose.
  await expect(page.getByRole('table', { name: 'Status per tenant' }).getByRole('row')).toHaveCount(2);
  const start = page.getByRole('form', { name: 'Start a test run' });
  await start.getByLabel('Ring').selectOption('test');
  await start.getByRole('button', { name: 'Start test run' }).click();
  const result = page.getByTestId('test-result').first();
  await expect(result).toBeVisible();
  await result.getByText('Record result').click();
  await result.getByLabel('Outcome').selectOption('passed');
  await result.getByLabel(/^Notes/).fill('Acme smoke tests green.');
  await result.getByRole('button', { name: 'Save result' }).click();
  await expect(page.getByText('counts as passed').first()).toBeVisible();
  const form = page.getByRole('form', { name: 'Request a decision' });
  const acmeBox = form.getByLabel(/^Acme Retail/);
  await expect(acmeBox).not.toBeChecked();
  await acmeBox.check();
  await form.getByLabel('Justification').fill('Acme: passed on our test ring.');
  await form.getByLabel('Expected downtime (minutes)').fill('0');
  await form.getByRole('button', { name: 'Request decision' }).click();
  await expect(page.getByTestId('awaiting-approver')).toContainText('You requested this decision');
  const decisionId = await page.getByTestId('pending-decision').getAttribute('data-decision-id');

  // The second approver finds it under "Awaiting my approval", with a count in the sidebar.
  const ctxB = await browser.newContext();
  const pageB = await ctxB.newPage();
  await login(pageB, 'security2');
  await expect(pageB.getByTestId('nav-awaiting')).toBeVisible();
  await pageB.getByRole('link', { name: /Awaiting my approval/ }).click();
  const awaiting = pageB.getByRole('table', { name: 'Testing queue' }).getByRole('row').filter({ hasText: vendorId! });
  await expect(awaiting).toContainText('awaiting my approval');
  await awaiting.getByRole('link', { name: /Review/ }).click();
  await pageB.getByRole('button', { name: 'Approve' }).click();
  await expect(
    pageB.getByRole('table', { name: 'Status per tenant' }).getByRole('row').filter({ hasText: 'Acme Retail' }).getByTestId('patch-status'),
  ).toHaveAttribute('data-status', 'authorised');
  await ctxB.close();

  // Globex's own security user: the patch is still new in Globex, and nothing of Acme's shows.
  const ctxG = await browser.newContext();
  const pageG = await ctxG.newPage();
  await login(pageG, 'securityGlobex');
  await pageG.goto(`/testing?q=${encodeURIComponent(vendorId!)}`);
  const globexRow = pageG.getByRole('table', { name: 'Testing queue' }).getByRole('row').filter({ hasText: vendorId! });
  await expect(globexRow).toHaveCount(1);
  await expect(globexRow).toContainText('Globex Logistics');
  await expect(globexRow.getByTestId('patch-status')).toHaveAttribute('data-status', 'new');
  await pageG.goto(url);
  const statusRows = pageG.getByRole('table', { name: 'Status per tenant' }).getByRole('row');
  await expect(statusRows).toHaveCount(2);
  await expect(statusRows.nth(1)).toContainText('Globex Logistics');
  await expect(statusRows.nth(1).getByTestId('patch-status')).toHaveAttribute('data-status', 'new');
  const body = pageG.locator('main');
  for (const leak of ['Acme Retail', 'Ines Acme', 'Acme smoke tests green', 'Acme: passed on our test ring']) await expect(body).not.toContainText(leak);
  await expect(pageG.getByTestId('test-result')).toHaveCount(0);
  // The request form starts with no tenant ticked and offers Globex only.
  const globexForm = pageG.getByRole('form', { name: 'Request a decision' });
  await expect(globexForm.getByRole('checkbox', { name: /Globex Logistics/ })).not.toBeChecked();
  await expect(globexForm.getByRole('checkbox', { name: /Acme/ })).toHaveCount(0);
  // Acme's request cannot be reached from Globex: not found, not forbidden.
  const token = pageG.getByTestId('decision-token');
  const approve = await pageG.request.post(`/api/v1/patches/${patchId}/decisions/${decisionId}/approve`, {
    data: { expectedVersion: Number(await token.getAttribute('data-version')), expectedContentHash: await token.getAttribute('data-content-hash') },
  });
  expect(approve.status()).toBe(404);
  await ctxG.close();
});
