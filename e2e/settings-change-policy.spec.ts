import { expect, test } from '@playwright/test';
import { login } from './helpers';

const TENANT = 'globex';

test('an admin adds a standard rule: bad values are refused beside their field, the rule is saved and shown after reload, then removed', async ({ page }) => {
  await login(page, 'admin');
  await page.goto(`/settings?tenant=${TENANT}`);
  const section = page.getByRole('region', { name: 'Change management' });
  await expect(section).toBeVisible();
  const rules = section.getByTestId('standard-rule');
  const n = (await rules.count()) + 1;

  await section.getByRole('button', { name: 'Add standard rule' }).click();
  await expect(rules).toHaveCount(n);
  const quorum = section.getByLabel('CAB quorum');
  const quorumBefore = await quorum.inputValue();
  await quorum.fill('-1');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.locator('#cab-quorum-error')).toHaveText('Quorum cannot be negative.');
  // The new rule has no name yet: its own message sits in its row.
  await expect(rules.nth(n - 1)).toContainText('Give the rule a name.');

  const name = `E2E non-prod medium ${Date.now()}`;
  await quorum.fill(quorumBefore);
  await section.getByLabel(`Name of standard rule ${n}`, { exact: true }).fill(name);
  await section.getByLabel(`Maximum severity of standard rule ${n}`, { exact: true }).selectOption('medium');
  await section.getByLabel(`Standard rule ${n} covers test`, { exact: true }).check();
  await section.getByLabel(`Standard rule ${n} includes KEV patches`, { exact: true }).check();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Policy saved \(version \d+\)/ })).toBeVisible();

  await page.reload();
  await expect(section.getByLabel(`Name of standard rule ${n}`, { exact: true })).toHaveValue(name);
  await expect(section.getByLabel(`Maximum severity of standard rule ${n}`, { exact: true })).toHaveValue('medium');
  await expect(section.getByLabel(`Standard rule ${n} covers test`, { exact: true })).toBeChecked();
  await expect(section.getByLabel(`Standard rule ${n} covers prod`, { exact: true })).not.toBeChecked();
  await expect(section.getByLabel(`Standard rule ${n} includes KEV patches`, { exact: true })).toBeChecked();
  await section.screenshot({ path: test.info().outputPath('settings-change-policy.png') });

  // Removing it leaves the tenant's pre-approvals as they were (other specs plan changes in this tenant).
  await section.getByRole('button', { name: `Remove standard rule ${n}` }).click();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Policy saved \(version \d+\)/ })).toBeVisible();
  await page.reload();
  await expect(rules).toHaveCount(n - 1);
  await expect(section.getByLabel(`Name of standard rule ${n}`, { exact: true })).toHaveCount(0);
});

test('an operator (no policy:write) does not get the policy form', async ({ page }) => {
  await login(page, 'operator');
  const res = await page.goto(`/settings?tenant=${TENANT}`);
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Policy' })).toHaveCount(0);
  await expect(page.getByText('Change management')).toHaveCount(0);
});
