import { expect, test } from '@playwright/test';
import { login } from './helpers';

// A fixed planning instant keeps the preview deterministic: a Monday, four weeks before the year-end freeze.
const AT = '2026-11-23T12:00:00.000Z';

test('an admin edits the policy: a bad value is refused inline, a good one is saved and versioned', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/settings?tenant=initech');
  await expect(page.getByRole('heading', { name: 'Patch policy' })).toBeVisible();
  const sla = page.getByLabel('SLA (days)').first();
  const current = await sla.inputValue();
  await sla.fill('0');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.locator('#sla-critical-error')).toHaveText('SLA must be at least 1 day.');
  await expect(page.locator('p[role=alert]')).toHaveText('SLA must be at least 1 day.');

  const next = current === '5' ? '6' : '5';
  await sla.fill(next);
  await page.getByLabel('Soak hours of dev').fill('36');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Policy saved \(version \d+\)/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('SLA (days)').first()).toHaveValue(next);
  await expect(page.getByLabel('Soak hours of dev')).toHaveValue('36');
});

test('the policy page is for admins only', async ({ page }) => {
  await login(page, 'operator');
  await page.goto('/settings');
  await expect(page.getByTestId('forbidden')).toBeVisible();
});

test('an operator creates a window and sees its next openings in its zone and in UTC', async ({ page }) => {
  await login(page, 'operator');
  await page.goto('/windows?tenant=globex');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Windows' })).toBeVisible();
  const name = `E2E Tokyo Sunday ${Date.now()}`;
  const form = page.getByRole('form', { name: 'New window' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Opens at').fill('03:00');
  await form.getByLabel('Duration (minutes)').fill('120');
  await form.getByLabel('Time zone').selectOption('fixed');
  await form.getByLabel('IANA zone').fill('Asia/Tokyo');
  // A tag no asset carries keeps this window out of other tests' plans.
  await form.getByLabel('Asset tags (comma separated)').fill('e2e-only');
  // The live preview already shows the openings before saving.
  await expect(form.getByRole('complementary', { name: 'Preview' })).toContainText('03:00 → 05:00');
  await form.getByRole('button', { name: 'Create window' }).click();
  await expect(form.getByRole('status')).toContainText('Window created');

  const row = page.getByRole('table', { name: 'Maintenance windows' }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Every Sun');
  // Sunday 03:00–05:00 in Tokyo (UTC+9, no DST) is Saturday 18:00–20:00 UTC.
  await expect(row.getByTestId('occurrences')).toContainText(/Sun \d{4}-\d\d-\d\d 03:00 → 05:00 Asia\/Tokyo/);
  await expect(row.getByTestId('occurrences')).toContainText(/Sat \d{4}-\d\d-\d\d 18:00 → 20:00 UTC/);

  // Its own page lists ten openings; disabling it is recorded.
  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('occurrences').first().locator('li')).toHaveCount(10);
  await page.getByRole('button', { name: `Disable ${name}` }).click();
  await expect(page.getByText('disabled', { exact: true }).first()).toBeVisible();
});

test('a window that never opens or lasts 0 minutes is refused inline, and nothing is created', async ({ page }) => {
  await login(page, 'operator');
  await page.goto('/windows?tenant=globex');
  const name = `E2E refused ${Date.now()}`;
  const form = page.getByRole('form', { name: 'New window' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Sun').uncheck();
  await form.getByRole('button', { name: 'Create window' }).click();
  await expect(page.locator('#w-recurrence-error')).toHaveText('Pick at least one day of the week.');
  await expect(form.locator('p[role=alert]')).toHaveText('Pick at least one day of the week.');

  await form.getByLabel('Sat').check();
  await form.getByLabel('Duration (minutes)').fill('0');
  await form.getByRole('button', { name: 'Create window' }).click();
  await expect(page.locator('#w-duration-error')).toHaveText('Duration must be longer than 0 minutes.');
  await expect(form.getByLabel('Duration (minutes)')).toHaveAttribute('aria-invalid', 'true');

  await page.reload();
  await expect(page.getByRole('table', { name: 'Maintenance windows' })).not.toContainText(name);
});

test('a manager sees windows but gets no form, and the API refuses to create one', async ({ page }) => {
  await login(page, 'manager');
  await page.goto('/windows?tenant=acme');
  await expect(page.getByRole('table', { name: 'Maintenance windows' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'New window' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Delete|Disable|Enable) / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add blackout' })).toHaveCount(0);

  const list = await page.request.get('/api/v1/windows?tenant=acme');
  expect(list.status()).toBe(200);
  const { tenant } = await list.json();
  const res = await page.request.post('/api/v1/windows', {
    data: {
      tenantId: tenant.id,
      window: { name: 'Manager window', recurrence: { kind: 'weekly', days: ['SU'] }, start: '02:00', durationMinutes: 60, zone: 'UTC' },
    },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe('FORBIDDEN');
});

test('the schedule preview plans test → dev → prod and lists the assets that miss a critical SLA', async ({ page }) => {
  await login(page, 'operator');
  await page.goto(`/schedule?tenant=acme&severity=critical&minutes=60&at=${AT}`);
  await expect(page.getByRole('heading', { name: 'Schedule preview' })).toBeVisible();
  const waves = page.getByRole('table', { name: 'Waves' });
  await expect(waves.getByRole('row')).toHaveCount(4);
  await expect(waves.getByRole('row').nth(1)).toContainText('test');
  await expect(waves.getByRole('row').nth(2)).toContainText('dev');
  await expect(waves.getByRole('row').nth(3)).toContainText('prod');
  await expect(page.getByRole('img', { name: 'Jobs per day by ring' })).toBeVisible();

  const misses = page.getByRole('table', { name: 'Deadline misses' });
  await expect(misses.getByText('misses deadline').first()).toBeVisible();
  await expect(page.getByTestId('table-total')).not.toHaveText('0 results');

  // UTC display relabels the times; the plan stays the same.
  await page.getByRole('link', { name: 'UTC', exact: true }).click();
  await expect(page).toHaveURL(/display=utc/);
  await expect(waves.getByRole('columnheader', { name: 'Starts (UTC)' })).toBeVisible();

  // A ring filter narrows the plan to that ring.
  await page.getByLabel('Ring', { exact: true }).selectOption('test');
  await page.getByRole('button', { name: 'Plan' }).click();
  await expect(page).toHaveURL(/ring=test/);
  await expect(waves.getByRole('row')).toHaveCount(2);
});

test('calendars: windows and the previewed waves export as text/calendar; other tenants answer 404', async ({ page, request }) => {
  await login(page, 'ownerAcme');
  const windows = await page.request.get('/api/v1/windows.ics?tenant=acme');
  expect(windows.status()).toBe(200);
  expect(windows.headers()['content-type']).toContain('text/calendar');
  const body = await windows.text();
  expect(body).toContain('BEGIN:VEVENT');
  expect(body).toContain('Blackout: Year-end change freeze');

  const waves = await page.request.get(`/api/v1/schedule/preview.ics?tenant=acme&severity=high&at=${AT}`);
  expect(waves.status()).toBe(200);
  expect(waves.headers()['content-type']).toContain('text/calendar');
  expect(await waves.text()).toMatch(/BEGIN:VEVENT[\s\S]*wave 1 \(test\)/);

  expect((await page.request.get('/api/v1/windows.ics?tenant=globex')).status()).toBe(404);
  expect((await page.request.get('/api/v1/schedule/preview?tenant=globex')).status()).toBe(404);
  // The `request` fixture carries no session.
  expect((await request.get('/api/v1/windows.ics?tenant=acme')).status()).toBe(401);
});
