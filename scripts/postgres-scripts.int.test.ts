import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type TDbHandle } from '@/db/client';
import { users } from '@/db/schema';
import { loadActorFromDb } from '@/lib/auth/load-actor';
import { verifyCredentials } from '@/lib/auth/credentials';

// The README's first steps on PostgreSQL, run as a user runs them: the real scripts (tsx) against a
// database nobody has migrated yet. Both once hung forever on a pool of one connection.
const BASE_URL = process.env.TEST_DATABASE_URL;
const SCRIPT_TIMEOUT_MS = 30_000;
const TEST_TIMEOUT_MS = 2 * SCRIPT_TIMEOUT_MS;
const root = path.resolve(import.meta.dirname, '..');

if (!BASE_URL) console.warn('[scripts] TEST_DATABASE_URL is not set: admin:create and audit:verify on PostgreSQL are skipped.');

type TRun = { code: number | null; stdout: string; stderr: string; timedOut: boolean };

function runScript(script: string, args: string[], env: Record<string, string>): Promise<TRun> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join('scripts', script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      // tsx runs the script in a child process: kill the whole group, or the pipes stay open.
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, SCRIPT_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

describe.skipIf(!BASE_URL)('admin:create and audit:verify on a fresh PostgreSQL database', () => {
  const name = `pw_scripts_${randomBytes(6).toString('hex')}`;
  let admin: postgres.Sql;
  let handle: TDbHandle;
  let url: string;

  beforeAll(async () => {
    admin = postgres(BASE_URL as string, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(BASE_URL as string);
    u.pathname = `/${name}`;
    url = u.toString();
  });

  afterAll(async () => {
    await handle?.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it(
    'admin:create migrates, creates the admin with its tenant and exits',
    async () => {
      const run = await runScript('admin-create.ts', ['--email', 'First.Admin@Example.com', '--tenant', 'acme', '--tenant-name', 'Acme Corp'], {
        DATABASE_URL: url,
        ADMIN_PASSWORD: 'a-long-test-password',
      });
      expect(run.timedOut, 'admin:create hung').toBe(false);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Admin first.admin@example.com can sign in to tenant "acme".');

      handle = openDb({ databaseUrl: url, poolSize: 2 });
      const user = await verifyCredentials(handle.db, { email: 'first.admin@example.com', password: 'a-long-test-password' });
      expect(user).not.toBeNull();
      const actor = await loadActorFromDb(handle.db, (user as { id: string }).id);
      expect(actor.kind === 'user' ? actor.memberships : []).toEqual([expect.objectContaining({ tenantSlug: 'acme', tenantName: 'Acme Corp', role: 'admin' })]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'admin:create run again resets the password of the same user',
    async () => {
      const run = await runScript('admin-create.ts', ['--email', 'first.admin@example.com', '--tenant', 'acme'], {
        DATABASE_URL: url,
        ADMIN_PASSWORD: 'another-long-password',
      });
      expect(run.timedOut, 'admin:create hung').toBe(false);
      expect(run.code).toBe(0);
      const admins = await handle.db.select().from(users).where(eq(users.email, 'first.admin@example.com'));
      expect(admins.map((u) => u.platformRole)).toEqual(['catalogue_admin']); // one user, a platform admin
      expect(await verifyCredentials(handle.db, { email: 'first.admin@example.com', password: 'a-long-test-password' })).toBeNull();
      expect(await verifyCredentials(handle.db, { email: 'first.admin@example.com', password: 'another-long-password' })).not.toBeNull();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'audit:verify reports the intact chain the admin runs wrote, and exits',
    async () => {
      const run = await runScript('audit-verify.ts', [], { DATABASE_URL: url });
      expect(run.timedOut, 'audit:verify hung').toBe(false);
      expect(run.code).toBe(0);
      const match = /audit chain intact: (\d+) rows verified/.exec(run.stdout);
      expect(match, run.stdout + run.stderr).not.toBeNull();
      // Each run wrote its admin_create row; the first also wrote the tenant's creation.
      expect(Number(match?.[1])).toBeGreaterThanOrEqual(3);
    },
    TEST_TIMEOUT_MS,
  );
});
