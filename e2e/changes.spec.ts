import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login } from './helpers';

/** Demo application owners beyond helpers.USERS (one per application group of Acme). */
const ACME_OWNERS = ['owner.acme.1@patchward.demo', 'owner.acme.2@patchward.demo', 'owner.acme.3@patchward.demo'];

async function loginAs(page: Page, email: string, next = '/') {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

const inboxCount = async (page: Page) => Number(await page.getByTestId('awaiting-count').getAttribute('data-count'));
const detail = (page: Page) => page.getByTestId('change-detail');

/**
 * Change approval by capacity. Acme's first owner finds a production change in "Waiting for me",
 * approves it as owner of their application, and the inbox (tab and sidebar) drops by one. An owner
 * of an application the change does not touch gets no Approve button, and calling the approve
 * server action directly with their session is refused too; nothing changes.
 */
test('an app owner approves their change; the owner of another application is refused, in the UI and by a direct action call', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await login(page, 'ownerAcme', '/changes?view=awaiting&sort=number:asc');
  await expect(page.getByRole('heading', { name: 'Changes waiting for me' })).toBeVisible();
  const before = await inboxCount(page);
  expect(before, 'the demo leaves a change waiting for owner.acme.1').toBeGreaterThan(0);
  await expect(page.getByTestId('nav-change-awaiting')).toHaveText(String(before));
  const table = page.getByRole('table', { name: 'Changes waiting for me' });
  await table.getByTestId('change-link').first().click();
  await expect(detail(page)).toHaveAttribute('data-state', 'submitted');
  const changeId = (await detail(page).getAttribute('data-change-id')) as string;
  const number = (await page.getByTestId('change-number').textContent()) as string;
  await expect(page.getByTestId('approval-missing')).toContainText('owner of');

  // Approve, and record the server action call the button makes (to replay it as someone else below).
  const call = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await page.getByLabel('Note (required to reject)').fill('Shop team agrees: Sunday window is fine.');
  await page.getByTestId('change-approve').click();
  const approveRequest = await call;
  await expect(page.getByTestId('cannot-approve')).toHaveText('You have voted on this change.');
  await expect(page.getByTestId('change-approve')).toHaveCount(0);
  await expect(page.getByTestId('vote').filter({ hasText: 'approved' }).first()).toContainText('owner of');
  await expect(page.getByText('“Shop team agrees: Sunday window is fine.”')).toBeVisible();

  // The inbox lost it: the tab and the sidebar count drop by one.
  await page.goto('/changes?view=awaiting&sort=number:asc');
  expect(await inboxCount(page)).toBe(before - 1);
  if (before - 1 > 0) await expect(page.getByTestId('nav-change-awaiting')).toHaveText(String(before - 1));
  else await expect(page.getByTestId('nav-change-awaiting')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Changes waiting for me' }).getByText(number)).toHaveCount(0);

  // Another Acme owner whose applications this change does not touch: no Approve button, and why.
  let refused = false;
  for (const email of ACME_OWNERS.slice(1)) {
    const ctx = await browser.newContext();
    const other = await ctx.newPage();
    await loginAs(other, email, `/changes/${changeId}`);
    await expect(detail(other)).toBeVisible();
    const reason = other.getByTestId('cannot-approve');
    if ((await reason.textContent())?.startsWith('Only the owners')) {
      refused = true;
      await expect(other.getByTestId('change-approve')).toHaveCount(0);
      const version = Number(await detail(other).getAttribute('data-version'));
      const votes = await other.getByTestId('vote').count();
      // The same server action, called directly with this owner's session and the current version: refused.
      const body = JSON.parse(approveRequest.postData() as string) as [Record<string, unknown>];
      body[0] = { changeId, expectedVersion: version };
      const res = await other.request.post(approveRequest.url(), {
        headers: { 'next-action': approveRequest.headers()['next-action'], 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
        data: JSON.stringify(body),
      });
      const text = await res.text();
      expect(text).toContain('"ok":false');
      expect(text).toContain('FORBIDDEN');
      expect(text).toContain('Only the owners of the applications this change touches');
      await other.reload();
      await expect(detail(other)).toHaveAttribute('data-version', String(version));
      await expect(other.getByTestId('vote')).toHaveCount(votes);
    }
    await ctx.close();
    if (refused) break;
  }
  expect(refused, 'an Acme owner whose applications the change does not touch').toBe(true);
});

test('a stale page is refused with a reload, not applied', async ({ page, browser }) => {
  await login(page, 'security', '/changes?view=awaiting&sort=number:asc');
  const link = page.getByRole('table', { name: 'Changes waiting for me' }).getByTestId('change-link').first();
  await link.click();
  await expect(page.getByTestId('change-approve')).toBeVisible();
  // Someone comments meanwhile? Comments do not move the version; an operator's replan does.
  const ctx = await browser.newContext();
  const op = await ctx.newPage();
  await login(op, 'operator', new URL(page.url()).pathname);
  await op.getByTestId('change-replan').click();
  await expect(op.getByText('Plan recomputed.')).toBeVisible();
  await ctx.close();
  await page.getByTestId('change-approve').click();
  await expect(page.locator('p[role=alert]')).toContainText('reload the page');
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});

test('readers without a capacity see the change but no action; the list filters and sorts', async ({ page }) => {
  await login(page, 'manager', '/changes');
  await expect(page.getByRole('heading', { name: 'Changes', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Generate changes' })).toHaveCount(0);
  const table = page.getByRole('table', { name: 'Changes' });
  await page.getByLabel('State').selectOption('scheduled');
  await expect(page).toHaveURL(/state=scheduled/);
  const states = table.getByTestId('change-state');
  await expect(states.first()).toBeVisible();
  for (const s of await states.all()) await expect(s).toHaveAttribute('data-state', 'scheduled');
  await page.getByLabel('State').selectOption('submitted');
  await table.getByTestId('change-link').first().click();
  await expect(detail(page)).toBeVisible();
  await expect(page.getByTestId('change-approve')).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Change actions' })).toHaveCount(0);
  // Managers comment.
  await page.getByRole('textbox', { name: 'Comment' }).fill('Please confirm the backout was rehearsed.');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(page.getByRole('list', { name: 'Comments' })).toContainText('Please confirm the backout was rehearsed.');
});

test('the calendar shows the change on its planned day, exports it, and serves a subscribe link until it is revoked', async ({ page, playwright }) => {
  await login(page, 'ownerAcme', '/changes?tenant=acme&state=submitted');
  await page.getByRole('table', { name: 'Changes' }).getByTestId('change-link').first().click();
  const changeId = (await detail(page).getAttribute('data-change-id')) as string;
  const number = (await page.getByTestId('change-number').textContent()) as string;
  const start = (await detail(page).getAttribute('data-planned-start')) as string;
  expect(start, 'a planned change').toBeTruthy();

  await page.goto(`/changes/calendar?view=month&day=${start.slice(0, 10)}`);
  const chip = page.locator(`[data-testid=calendar-change][data-change-id="${changeId}"]`);
  await expect(chip.first()).toBeVisible();
  await expect(page.locator(`[role=gridcell][data-day="${start.slice(0, 10)}"]`).locator(`[data-change-id="${changeId}"]`)).toBeVisible();
  await page.getByRole('link', { name: 'Week' }).click();
  await expect(chip.first()).toContainText(number);
  await chip.first().click();
  await expect(detail(page)).toHaveAttribute('data-change-id', changeId);

  // The signed-in export lists it.
  const ics = await page.request.get('/api/v1/changes.ics');
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain(`CHG-${Number(number.replace('CHG-', ''))}`);

  // A personal subscribe link works without a session, and stops once revoked.
  await page.goto('/changes/calendar');
  await page.getByRole('button', { name: 'Create subscribe link' }).click();
  const url = (await page.getByTestId('subscribe-url').locator('code').textContent()) as string;
  expect(url).toMatch(/\/api\/v1\/changes\/calendar\/pwc_[A-Za-z0-9_-]+\.ics$/);
  const anonymous = await playwright.request.newContext();
  const feed = await anonymous.get(url);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  const live = page.locator('[data-testid=calendar-token][data-revoked=no]');
  await expect(live.first()).toBeVisible();
  await live.first().getByRole('button', { name: 'Revoke' }).click();
  await expect(page.locator('[data-testid=calendar-token][data-revoked=yes]').first()).toBeVisible();
  const revoked = await anonymous.get(url);
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.code).toBe('UNAUTHENTICATED');
  expect((await anonymous.get('/api/v1/changes/calendar/not-a-token.ics')).status()).toBe(404);
  expect((await anonymous.get('/api/v1/changes.ics')).status()).toBe(401);
  await anonymous.dispose();
});

test('operations generate changes for a tenant from the list; the result says what was made', async ({ page }) => {
  await login(page, 'operator', '/changes');
  const form = page.getByRole('form', { name: 'Generate changes' });
  await expect(form.getByRole('button', { name: 'Generate changes' })).toBeDisabled();
  await form.getByLabel('Tenant to generate for').selectOption({ label: 'Acme Retail' });
  await form.getByRole('button', { name: 'Generate changes' }).click();
  // The demo's authorised patches are all in changes already: nothing new, and it says why.
  await expect(form.getByRole('status')).toContainText(/authorised patch\(es\)/);
  await expect(page.getByTestId('awaiting-count')).toBeVisible();
});

test('tenants are walls: an Acme owner sees no Globex change, and a Globex change link is not found', async ({ page, browser }) => {
  const ctx = await browser.newContext();
  const staff = await ctx.newPage();
  await login(staff, 'security', '/changes?tenant=globex');
  await staff.getByRole('table', { name: 'Changes' }).getByTestId('change-link').first().click();
  const globexId = (await staff.getByTestId('change-detail').getAttribute('data-change-id')) as string;
  const globexNumber = (await staff.getByTestId('change-number').textContent()) as string;
  await ctx.close();

  await login(page, 'ownerAcme', `/changes?q=${globexNumber}`);
  await expect(page.getByRole('table', { name: 'Changes' }).getByTestId('change-link')).toHaveCount(0);
  await page.goto('/changes?tenant=globex');
  await expect(page.getByRole('table', { name: 'Changes' }).getByTestId('change-link')).toHaveCount(0);
  const res = await page.goto(`/changes/${globexId}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await page.goto('/changes/calendar?tenant=globex');
  await expect(page.locator(`[data-change-id="${globexId}"]`)).toHaveCount(0);
  expect(await (await page.request.get('/api/v1/changes.ics')).text()).not.toContain(globexNumber.replace(/CHG-0*/, 'CHG-'));
});

test('scope drift: an asset leaving the scope blocks approval until the change is resubmitted; a rejection needs a reason', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await login(page, 'security', '/changes?tenant=initech&state=submitted&sort=number:asc');
  await page.getByRole('table', { name: 'Changes' }).getByTestId('change-link').first().click();
  await expect(page.getByTestId('change-detail')).toBeVisible();
  const url = page.url();
  await expect(page.getByTestId('change-approve')).toBeVisible();
  await expect(page.getByTestId('scope-drift')).toHaveCount(0);
  const assetLink = page.getByRole('table', { name: 'Change assets' }).getByRole('link').first();
  const assetName = (await assetLink.textContent()) as string;
  const assetId = ((await assetLink.getAttribute('href')) as string).split('/').pop() as string;

  // Operations decommission one of its assets: the live scope no longer matches the submitted one.
  const ctx = await browser.newContext();
  const op = await ctx.newPage();
  await login(op, 'operator');
  const patched = await op.request.patch(`/api/v1/assets/${assetId}`, { data: { lifecycle: 'decommissioned' } });
  expect(patched.status(), await patched.text()).toBe(200);
  await ctx.close();

  await page.goto(url);
  await expect(page.getByTestId('scope-drift')).toContainText('1 removed');
  await expect(page.getByTestId('scope-drift')).toContainText(assetName);
  await expect(page.getByTestId('change-approve')).toHaveCount(0);
  await expect(page.getByTestId('cannot-approve')).toContainText('must be resubmitted');
  await page.getByTestId('change-resubmit').click();
  await expect(page.getByText('Resubmitted: approval starts again.')).toBeVisible();
  await expect(page.getByTestId('scope-drift')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Change assets' })).not.toContainText(assetName);

  // Rejecting needs a reason: refused inline without one, then the change is rejected.
  await page.getByTestId('change-reject').click();
  await expect(page.locator('#change-note-error')).toContainText('Say why');
  await page.getByLabel('Note (required to reject)').fill('Not before the quarter-end freeze.');
  await page.getByTestId('change-reject').click();
  await expect(page.getByTestId('change-detail')).toHaveAttribute('data-state', 'rejected');
  await expect(page.getByTestId('vote').filter({ hasText: 'rejected' })).toContainText('Not before the quarter-end freeze.');
});
