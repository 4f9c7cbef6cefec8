import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import type { TActor } from '@/lib/auth/permissions';
import { describeDb } from '@/lib/testing/db-harness';
import { seedFixture } from '@/lib/testing/fixtures';

// Every route handler under app/api, called as Next calls it, with malformed input: each answers a
// 4xx with `{ error: { code, message } }`, never a 5xx. The session and the database are injected.
const injected = vi.hoisted(() => ({ actor: null as TActor | null, db: null as TDb | null }));
vi.mock('server-only', () => ({}));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => injected.actor }));
vi.mock('@/lib/runtime/db', () => ({ getDb: async () => injected.db, pingDb: async () => void (await injected.db?.execute(sql`select 1`)) }));

const API_DIR = path.join(import.meta.dirname);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const BODY_METHODS = new Set<string>(['POST', 'PUT', 'PATCH']);
const JSON_TYPE = 'application/json';
const UUID = '00000000-0000-4000-8000-000000000000';

type THandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** A request a route must refuse: what to send and the status it must answer. */
type TCase = { name: string; method: string; status: number; query?: string; body?: string; contentType?: string };
type TRoute = {
  /** Who may call it: a session, an agent's bearer token, or anyone. */
  auth: 'session' | 'agent' | 'none';
  /** Cases beyond the generic sweep, for the route's own strict inputs. */
  cases?: TCase[];
  /** A route that is not ours to validate, with why. */
  exempt?: string;
};

const notJson = (method: string): TCase => ({ name: 'a body that is not JSON', method, body: '{"oops', contentType: JSON_TYPE, status: 400 });
const wrongShape = (method: string, body = '{"name":42,"kind":"toaster","tenantId":"x"}'): TCase => ({
  name: `JSON of the wrong shape ${body}`,
  method,
  body,
  contentType: JSON_TYPE,
  status: 400,
});
const arrayBody = (method: string): TCase => ({ name: 'a JSON array', method, body: '[1,2]', contentType: JSON_TYPE, status: 400 });
const formType = (method: string): TCase => ({
  name: 'a form content type',
  method,
  body: 'name=x',
  contentType: 'application/x-www-form-urlencoded',
  status: 415,
});
const jsonBodyCases = (method: string, shape?: string) => [notJson(method), wrongShape(method, shape), arrayBody(method), formType(method)];

/** Keyed by the route file under app/api. A new route file without an entry fails the first test. */
const ROUTES: Record<string, TRoute> = {
  'auth/[...nextauth]/route.ts': {
    auth: 'none',
    exempt: "Auth.js's own sign-in handlers; the credentials are checked by ZCredentials in lib/auth/credentials.ts",
  },
  'health/route.ts': { auth: 'none' },
  'v1/agents/report/route.ts': { auth: 'agent' },
  'v1/assets/route.ts': { auth: 'session', cases: jsonBodyCases('POST') },
  'v1/assets/[id]/route.ts': { auth: 'session', cases: [...jsonBodyCases('PATCH', '{"zone":"Mars/Olympus","tags":"x"}')] },
  'v1/assets/[id]/software/route.ts': {
    auth: 'session',
    cases: [
      { name: '?format=bogus', method: 'POST', query: 'format=bogus', body: 'bash 5.2', contentType: 'text/plain', status: 400 },
      { name: 'a listing no parser reads', method: 'POST', query: 'format=rpm', body: '\u0000\u0001 not a listing', contentType: 'text/plain', status: 400 },
    ],
  },
  'v1/audit/export.csv/route.ts': { auth: 'session' },
  'v1/audit/export.json/route.ts': { auth: 'session' },
  'v1/changes/callback/route.ts': {
    auth: 'none',
    cases: [
      {
        name: 'no signature headers',
        method: 'POST',
        body: '{"changeId":"00000000-0000-4000-8000-000000000000","action":"approve"}',
        contentType: JSON_TYPE,
        status: 401,
      },
      { name: 'no body and no headers', method: 'POST', status: 401 },
      { name: 'a body over 64 KiB', method: 'POST', body: `{"note":"${'x'.repeat(70 * 1024)}"}`, contentType: JSON_TYPE, status: 413 },
    ],
  },
  'v1/changes.ics/route.ts': { auth: 'session', cases: [{ name: 'a tenant that is not the reader’s', method: 'GET', query: 'tenant=nope', status: 404 }] },
  'v1/changes/calendar/[token]/route.ts': { auth: 'none', cases: [{ name: 'a token that is not one', method: 'GET', status: 404 }] },
  'v1/intake/runs/route.ts': { auth: 'session' },
  'v1/patches/history.csv/route.ts': { auth: 'session' },
  'v1/patches/[id]/decisions/route.ts': { auth: 'session', cases: jsonBodyCases('POST', '{"kind":"bless","scope":"all"}') },
  'v1/patches/[id]/decisions/[decisionId]/approve/route.ts': { auth: 'session', cases: jsonBodyCases('POST', '{"expectedVersion":"one"}') },
  'v1/patches/[id]/decisions/[decisionId]/refuse/route.ts': { auth: 'session', cases: jsonBodyCases('POST', '{"note":7}') },
  'v1/patches/[id]/evidence/[evidenceId]/route.ts': { auth: 'session' },
  'v1/schedule/preview/route.ts': { auth: 'session', cases: [{ name: 'no tenant', method: 'GET', query: 'severity=mega', status: 404 }] },
  'v1/schedule/preview.ics/route.ts': { auth: 'session', cases: [{ name: 'an unknown tenant', method: 'GET', query: 'tenant=nope', status: 404 }] },
  'v1/windows/route.ts': {
    auth: 'session',
    cases: [
      ...jsonBodyCases('POST', '{"tenantId":"x","window":{"durationMinutes":0}}'),
      { name: 'a tenant id too long', method: 'GET', query: `tenant=${'x'.repeat(200)}`, status: 400 },
    ],
  },
  'v1/windows.ics/route.ts': { auth: 'session', cases: [{ name: 'no tenant', method: 'GET', status: 404 }] },
};

function routeFiles(dir = API_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === 'route.ts' ? [path.relative(API_DIR, path.join(dir, e.name))] : []))
    .sort();
}

/** The `[name]` segments of a route file, each given `value`. */
function paramsOf(file: string, value: string): Record<string, string> {
  return Object.fromEntries([...file.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], value]));
}

async function call(file: string, handler: THandler, c: Omit<TCase, 'name' | 'status'>, params: Record<string, string>, headers: Record<string, string> = {}) {
  const urlPath = `/api/${path.dirname(file)}`.replace(/\[(\w+)\]/g, (_, k: string) => encodeURIComponent(params[k]));
  const init: RequestInit = { method: c.method, headers: { ...headers, ...(c.contentType ? { 'content-type': c.contentType } : {}) } };
  if (c.body !== undefined) init.body = c.body;
  return handler(new Request(`http://patchward.test${urlPath}${c.query ? `?${c.query}` : ''}`, init), { params: Promise.resolve(params) });
}

/** A 4xx with the one error shape. */
async function expectRefused(res: Response, status?: number) {
  const text = await res.text();
  expect(res.status, text).toBeGreaterThanOrEqual(400);
  expect(res.status, text).toBeLessThan(500);
  if (status) expect(res.status, text).toBe(status);
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, text).toBe('string');
  expect(typeof body.error?.message, text).toBe('string');
}

const MALFORMED_QUERY = `page=-1&size=abc&sort=%27%3B--&tenant=%00&format=bogus&at=not-a-date&from=2026-02-31&severity=mega&kind=toaster&q=${'x'.repeat(3000)}`;

describe('every route handler under app/api has a malformed-input case', () => {
  it('names each route file', () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(10);
    expect(
      files.filter((f) => !ROUTES[f]),
      'route files without an entry in ROUTES',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((f) => !files.includes(f)),
      'entries in ROUTES without a route file',
    ).toEqual([]);
  });
});

describeDb('route handlers refuse malformed input with a 4xx', (get) => {
  let admin: TActor;

  beforeAll(async () => {
    injected.db = get().db;
    const fx = await seedFixture(get().db);
    admin = await fx.actor('admin@t');
  });

  for (const file of routeFiles().filter((f) => ROUTES[f] && !ROUTES[f].exempt)) {
    const route = ROUTES[file];
    const isSession = route.auth === 'session';
    const load = async () => (await import(path.join(API_DIR, file))) as Partial<Record<(typeof METHODS)[number], THandler>>;

    describe(file, () => {
      it('answers every malformed request with a 4xx and the error shape, never a 5xx', async () => {
        const mod = await load();
        const methods = METHODS.filter((m) => mod[m]);
        expect(methods.length).toBeGreaterThan(0);
        const agent: Record<string, string> = route.auth === 'agent' ? { authorization: 'Bearer pwa_unknownunknownunknownunknown' } : {};
        for (const method of methods) {
          const handler = mod[method] as THandler;
          const ok = paramsOf(file, UUID);
          injected.actor = null;
          if (route.auth !== 'none') await expectRefused(await call(file, handler, { method }, ok), 401);
          injected.actor = admin;
          if (Object.keys(ok).length)
            await expectRefused(await call(file, handler, { method }, paramsOf(file, 'not-a-uuid'), agent), route.auth === 'agent' ? 401 : 404);
          const garbled = await call(
            file,
            handler,
            { method, query: MALFORMED_QUERY, ...(BODY_METHODS.has(method) ? { body: '{"oops', contentType: JSON_TYPE } : {}) },
            ok,
            agent,
          );
          // A list falls back to its defaults on a malformed paging or filter value (a 200): never a 5xx.
          expect(garbled.status, await garbled.clone().text()).toBeLessThan(500);
          if (garbled.status >= 400) await expectRefused(garbled);
          if (BODY_METHODS.has(method)) {
            for (const body of ['{"oops', '[]', 'null', '"text"', '{"a":{"b":[1,{"c":null}]}}', '']) {
              await expectRefused(
                await call(file, handler, { method, body, contentType: isSession && file.endsWith('software/route.ts') ? 'text/plain' : JSON_TYPE }, ok, agent),
              );
            }
          }
        }
      });

      for (const c of route.cases ?? []) {
        it(`${c.method} with ${c.name} answers ${c.status}`, async () => {
          injected.actor = admin;
          const handler = (await load())[c.method as (typeof METHODS)[number]];
          expect(handler, `${file} exports no ${c.method}`).toBeDefined();
          await expectRefused(await call(file, handler as THandler, c, paramsOf(file, UUID)), c.status);
        });
      }
    });
  }
});
