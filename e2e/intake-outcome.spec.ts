import { expect, test } from '@playwright/test';
import { login } from './helpers';

/** A low advisory for a package no demo asset runs: it imports, and notifies nobody. */
function harmlessAdvisory(id: string) {
  return JSON.stringify({
    schema_version: '1.6.0',
    id,
    modified: '2026-03-01T00:00:00Z',
    published: '2026-03-01T00:00:00Z',
    summary: 'a package no asset runs',
    affected: [
      { package: { ecosystem: 'Debian:12', name: 'no-such-package-e2e' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0-1' }] }] },
    ],
    database_specific: { severity: 'LOW' },
  });
}
const broken = {
  name: 'broken-osv.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ schema_version: '1.6.0', id: 'BROKEN-1', modified: 'not a date' })),
};

test('a run with rejected files is amber (some) or red (all), and its reasons open from a labelled, keyboard-reachable button', async ({ page }) => {
  await login(page, 'securityAcme');
  await page.goto('/intake');
  const upload = async (files: (typeof broken)[]) => {
    await page.getByLabel('Import into').selectOption({ label: 'Acme Retail only' });
    await page.getByLabel('Advisory documents').setInputFiles(files);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
  };
  const id = `E2E-OUTCOME-${Date.now()}`;
  await upload([{ name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(harmlessAdvisory(id)) }, broken]);
  const run = page.getByTestId('intake-run').first();
  await expect(run.getByTestId('run-outcome')).toHaveAttribute('data-tone', 'amber');
  await expect(run.getByTestId('run-outcome')).toContainText('1 of 2 file(s) rejected');
  await expect(page.getByTestId('run-outcome').first()).toHaveAttribute('data-tone', 'amber'); // the upload's own verdict

  const show = run.getByRole('button', { name: 'Show 1 reason' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(run).not.toContainText('broken-osv.json');
  await show.focus();
  await page.keyboard.press('Enter');
  await expect(run.getByRole('button', { name: 'Hide 1 reason' })).toHaveAttribute('aria-expanded', 'true');
  await expect(run.getByRole('listitem').first()).toContainText('broken-osv.json');
  await expect(run.getByRole('listitem').first()).toContainText('rejected');

  await upload([broken]);
  await expect(page.getByTestId('intake-run').first().getByTestId('run-outcome')).toHaveAttribute('data-tone', 'red');
  await expect(page.getByTestId('intake-run').first().getByTestId('run-outcome')).toContainText('All 1 file(s) rejected');
});
