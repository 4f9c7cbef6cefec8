import { expect, test } from '@playwright/test';
import { login } from './helpers';

test('security marks a run in bulk and imports a CSV report; an app owner cannot', async ({ page, browser }) => {
  await login(page, 'security', '/testing?tenant=acme&status=new');
  const link = page.getByRole('table', { name: 'Testing queue' }).getByTestId('queue-patch').nth(1);
  await expect(link).toBeVisible();
  await link.click();
  const decideUrl = new URL(page.url()).pathname;

  const start = page.getByRole('form', { name: 'Start a test run' });
  await start.getByLabel('Tenant').selectOption({ label: 'Acme Retail' });
  await start.getByRole('button', { name: 'Start test run' }).click();
  const run = page.getByTestId('test-run').first();
  await expect(run.getByTestId('test-result').first()).toBeVisible();
  const names = (await run.getByTestId('test-result').locator('td:first-child .font-mono').allTextContents()).map((n) => n.trim());
  expect(names.length).toBeGreaterThan(0);

  await run.getByText('Record several results at once').click();
  const bulk = run.getByRole('form', { name: 'Mark several results' });
  // A failure without a note is explained inline and writes nothing.
  await bulk.getByRole('checkbox').first().check();
  await bulk.getByLabel('Outcome').selectOption('failed');
  await bulk.getByRole('button', { name: 'Mark 1 selected' }).click();
  await expect(bulk.getByText('Say why the tests failed or were blocked.').first()).toBeVisible();
  await expect(run.getByTestId('test-result').first()).toContainText('pending');
  // Everything passed, with one note.
  await bulk.getByLabel('Outcome').selectOption('passed');
  await bulk.getByLabel(/^Note/).fill('Smoke suite green on every host.');
  await bulk.getByRole('button', { name: `Mark all ${names.length}` }).click();
  await expect(bulk.getByText(`Recorded ${names.length} result(s)`)).toBeVisible();
  await expect(run.getByText('counts as passed')).toBeVisible();

  // A pipeline report: the first asset failed; a name the run does not hold is reported back.
  const importForm = run.getByRole('form', { name: 'Import a test report' });
  await importForm
    .getByLabel(/^Report/)
    .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`asset,outcome,notes\n${names[0]},perhaps,\n`) });
  await importForm.getByRole('button', { name: 'Import results' }).click();
  await expect(importForm.locator('p[role=alert]')).toContainText('Line 2: outcome "perhaps" is not one of passed, failed, blocked.');
  const csv = `asset,outcome,notes\n${names[0]},failed,"nginx did not come back after reboot"\nnot-an-asset-01,passed,\n`;
  await importForm.getByLabel(/^Report/).setInputFiles({ name: 'pipeline.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await importForm.getByRole('button', { name: 'Import results' }).click();
  await expect(importForm.getByText('Recorded 1 result(s) from the CSV report (1 asset(s) matched). The run is failed.')).toBeVisible();
  await expect(importForm.getByTestId('unmatched')).toContainText('line 3: not-an-asset-01');
  await expect(run.getByTestId('test-result').first()).toContainText('nginx did not come back after reboot');

  // An app owner of the same tenant gets no way to record results (the page refuses them, or shows no forms).
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await login(owner, 'ownerAcme', decideUrl);
  await owner.goto(decideUrl);
  await expect(owner.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(owner.getByTestId('bulk-results')).toHaveCount(0);
  await expect(owner.getByRole('form', { name: 'Import a test report' })).toHaveCount(0);
  await ownerContext.close();
});
