import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

/** Either database behind one type: PGlite (embedded) and postgres.js share drizzle's PgDatabase API. */
export type TDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export type TDbHandle = {
  db: TDb;
  kind: 'pglite' | 'postgres';
  /** The embedded instance (pg-boss and raw maintenance use it); null on PostgreSQL. */
  pglite: PGlite | null;
  /** The postgres.js pool; null on PGlite. */
  pg: postgres.Sql | null;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = process.env.PATCHWARD_MIGRATIONS_DIR ?? path.join(process.cwd(), 'db', 'migrations');

export type TOpenDbOptions = { databaseUrl?: string | null; pgliteDir?: string; poolSize?: number };

/** Opens PostgreSQL when a URL is given, otherwise PGlite at `pgliteDir` (a folder or `memory://`). */
export function openDb(opts: TOpenDbOptions): TDbHandle {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.pgliteDir ?? path.join(process.cwd(), '.data', 'pglite'));
}

function openPostgres(url: string, max: number): TDbHandle {
  const pg = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres(pg, { schema }) as unknown as TDb;
  return {
    db,
    kind: 'postgres',
    pglite: null,
    pg,
    async migrate() {
      // Several web/worker instances may start together: one migrates, the others wait on the lock.
      // The lock lives on a connection of its own, not one reserved from the pool: a script's pool of
      // one connection would otherwise wait forever for the connection its own lock holds.
      const lock = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lock`select pg_advisory_lock(727274)`;
        await migratePostgres(drizzlePostgres(pg), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        // Ending the session releases the lock too, also when a migration failed.
        await lock.end({ timeout: 5 });
      }
    },
    close: () => pg.end({ timeout: 5 }),
  };
}

/** Extensions the migrations use; PGlite must load them at construction. */
export const PGLITE_EXTENSIONS = { pg_trgm };

/** Wraps a PGlite instance (a folder, `memory://`, or one restored from a dump by tests). */
export function openPglite(dirOrInstance: string | PGlite): TDbHandle {
  let pglite: PGlite;
  if (typeof dirOrInstance === 'string') {
    if (!dirOrInstance.startsWith('memory://')) fs.mkdirSync(dirOrInstance, { recursive: true });
    pglite = new PGlite(dirOrInstance, { extensions: PGLITE_EXTENSIONS });
  } else pglite = dirOrInstance;
  const db = drizzlePglite(pglite, { schema }) as unknown as TDb;
  return {
    db,
    kind: 'pglite',
    pglite,
    pg: null,
    migrate: () => migratePglite(drizzlePglite(pglite), { migrationsFolder: MIGRATIONS_DIR }),
    close: () => pglite.close(),
  };
}

/** Rows of a raw query, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`). */
export async function rawRows<T>(db: TDb, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(res) ? res : res.rows;
}
