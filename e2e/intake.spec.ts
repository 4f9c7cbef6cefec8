import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CORPUS_DIR, hasCorpus, login } from './helpers';

test('the demo shows applicable patches of every severity, with KEV flags', async ({ page }) => {
  await login(page, 'security');
  await page.goto('/patches?applicable=yes&size=100');
  const table = page.getByRole('table', { name: 'Patches' });
  for (const s of ['critical', 'high', 'medium', 'low']) await expect(table.getByText(s, { exact: true }).first()).toBeVisible();
  await expect(table.getByText('KEV', { exact: true }).first()).toBeVisible();
  // Open the most urgent one: detail shows fixes and the assets it is missing on.
  await page.goto('/patches?applicable=yes&kev=yes');
  await table.getByRole('link').first().click();
  await expect(page.getByTestId('patch-id')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Fixes' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Assets for this patch' }).getByText('missing').first()).toBeVisible();
});

test('security imports a real AlmaLinux advisory; re-import is unchanged; a malformed file is rejected with a reason', async ({ page }, info) => {
  test.skip(!hasCorpus, `corpus not found at ${CORPUS_DIR}`);
  await login(page, 'security');
  await page.goto('/intake');
  const file = path.join(CORPUS_DIR, 'osv', 'almalinux', 'ALSA-2024_0310.json');
  await page.getByLabel('Import into').selectOption({ label: 'Global (all tenants)' }); // staff security is a platform user
  await page.getByLabel('Advisory documents').setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /1 imported|1 updated|1 unchanged/ })).toBeVisible();
  await page.getByLabel('Advisory documents').setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '0 imported, 0 updated, 1 unchanged' })).toBeVisible();

  const bad = info.outputPath('broken-osv.json');
  fs.writeFileSync(
    bad,
    JSON.stringify({ schema_version: '1.6.0', id: 'BROKEN-1', modified: 'not a date', affected: [{ package: { ecosystem: 'Debian:12' } }] }),
  );
  await page.getByLabel('Advisory documents').setInputFiles(bad);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // All files rejected: a red verdict, not a green success box.
  const outcome = page.getByTestId('run-outcome').filter({ hasText: '1 rejected' }).first();
  await expect(outcome).toHaveAttribute('data-tone', 'red');
  const run = page.getByTestId('intake-run').first();
  await expect(run.getByTestId('run-outcome')).toHaveAttribute('data-tone', 'red');
  const disclosure = run.getByRole('button', { name: 'Show 1 reason' });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await disclosure.focus();
  await page.keyboard.press('Enter');
  await expect(run.getByRole('button', { name: 'Hide 1 reason' })).toHaveAttribute('aria-expanded', 'true');
  await expect(run).toContainText('broken-osv.json');
  await expect(run).toContainText('rejected');
});

test('an app owner can read patches but not import advisories', async ({ page }) => {
  await login(page, 'ownerAcme');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intake' })).toHaveCount(0);
  await page.goto('/intake');
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await page.goto('/patches');
  await expect(page.getByRole('table', { name: 'Patches' })).toBeVisible();
});

test('newly applicable critical/KEV patches notify the security team', async ({ page }) => {
  await login(page, 'security');
  await page.goto('/outbox');
  await expect(page.getByRole('table', { name: 'Notifications' }).getByRole('row').nth(1)).toContainText('applies to');
});
