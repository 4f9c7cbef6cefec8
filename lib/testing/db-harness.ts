import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDb, openPglite, PGLITE_EXTENSIONS, type TDbHandle } from '@/db/client';
import { TEMPLATE_PATH } from './global-setup';

export type TTarget = 'pglite' | 'postgres';

/** PGlite always; real PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const TEST_TARGETS: TTarget[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

async function freshPglite(): Promise<TDbHandle> {
  const pglite = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(TEMPLATE_PATH)]), extensions: PGLITE_EXTENSIONS });
  return openPglite(pglite);
}

/** A throw-away database on the server named by TEST_DATABASE_URL, migrated, dropped on close. */
async function freshPostgres(): Promise<TDbHandle> {
  const base = process.env.TEST_DATABASE_URL as string;
  const name = `pw_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = openDb({ databaseUrl: url.toString(), poolSize: 4 });
  await handle.migrate();
  const close = handle.close;
  handle.close = async () => {
    await close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  return handle;
}

export async function freshDb(target: TTarget): Promise<TDbHandle> {
  return target === 'pglite' ? freshPglite() : freshPostgres();
}

/**
 * Runs the suite once per target database, each with its own fresh migrated database.
 * `get()` returns the open handle inside tests.
 */
export function describeDb(name: string, body: (get: () => TDbHandle, target: TTarget) => void) {
  for (const target of TEST_TARGETS) {
    describe(`${name} [${target}]`, () => {
      let handle: TDbHandle | undefined;
      beforeAll(async () => {
        handle = await freshDb(target);
      });
      afterAll(async () => {
        await handle?.close();
      });
      body(() => {
        if (!handle) throw new Error('database not ready');
        return handle;
      }, target);
    });
  }
}
