import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'patchward-demo';
export const USERS = {
  admin: 'admin@patchward.demo',
  security: 'security@patchward.demo',
  security2: 'security2@patchward.demo',
  operator: 'operator@patchward.demo',
  manager: 'manager@patchward.demo',
  auditor: 'auditor@patchward.demo',
  ownerAcme: 'owner.acme.1@patchward.demo',
  /** Single-tenant security users: staff in every tenant hide leaks between tenants. */
  securityAcme: 'security.acme@patchward.demo',
  securityGlobex: 'security.globex@patchward.demo',
} as const;
export type TUserKey = keyof typeof USERS;

export async function login(page: Page, who: TUserKey, next = '/') {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(USERS[who]);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** Sign in through the Auth.js endpoints for API-only tests; the context then carries the session cookie. */
export async function apiLogin(request: APIRequestContext, who: TUserKey) {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const res = await request.post('/api/auth/callback/credentials', { form: { csrfToken, email: USERS[who], password: DEMO_PASSWORD }, maxRedirects: 0 });
  expect([200, 302]).toContain(res.status());
}

export const CORPUS_DIR = process.env.PATCHWARD_CORPUS_DIR ?? path.resolve(__dirname, '../../shared/corpora');
export const hasCorpus = fs.existsSync(CORPUS_DIR);

/** Finds an asset id by exact name through the API (as the signed-in page context). */
export async function assetIdByName(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.get(`/api/v1/assets?q=${encodeURIComponent(name)}&size=25`);
  expect(res.status()).toBe(200);
  const body = await res.json();
  const row = body.rows.find((r: { name: string }) => r.name === name);
  expect(row, `asset ${name} visible`).toBeTruthy();
  return row.id;
}
