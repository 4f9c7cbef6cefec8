import { expect, test } from '@playwright/test';
import { login } from './helpers';

test('an agent token reports inventory; the same report twice changes nothing; bad input is refused', async ({ page, request }) => {
  await login(page, 'operator');
  await page.goto('/assets?kind=vm&os=debian&sort=name:desc');
  await page.getByRole('table', { name: 'Assets' }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'New agent token' }).click();
  const token = (await page.getByTestId('agent-token').textContent())!.trim();
  expect(token).toMatch(/^pwa_/);

  const report = {
    hostname: 'e2e-host',
    packages: [
      { ecosystem: 'deb', name: 'openssl', version: '3.0.15-1~deb12u1', arch: 'amd64', sourceName: 'openssl', sourceVersion: '3.0.15-1~deb12u1' },
      { ecosystem: 'deb', name: 'bash', version: '5.2.15-2+b8', arch: 'amd64', sourceName: 'bash', sourceVersion: '5.2.15-2' },
    ],
  };
  const headers = { authorization: `Bearer ${token}` };
  const first = await request.post('/api/v1/agents/report', { headers, data: report });
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ outcome: 'replaced', count: 2 });
  const second = await request.post('/api/v1/agents/report', { headers, data: report });
  expect(await second.json()).toMatchObject({ outcome: 'unchanged', count: 2 });

  const bad = await request.post('/api/v1/agents/report', { headers, data: { packages: [{ ecosystem: 'deb', name: 'x', version: '1 2' }] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.issues[0].field).toBe('packages.0.version');
  const wrong = await request.post('/api/v1/agents/report', { headers: { authorization: 'Bearer pwa_wrongwrongwrongwrongwrongwrong' }, data: report });
  expect(wrong.status()).toBe(401);

  await page.reload();
  await expect(page.getByTestId('software-total')).toHaveText('2 packages');
});
