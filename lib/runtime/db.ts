import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { env, shouldSeedDemo } from '@/lib/env';
import { openDb, type TDb, type TDbHandle } from '@/db/client';
import { judgePendingLines } from '@/lib/intake/assess';
import { assessPendingPatches, failInterruptedRuns } from '@/lib/intake/assess-pending';
import { seedDemoIfEmpty } from '@/lib/seed/seed';

type TServerDb = { handle: TDbHandle; ready: Promise<void> };

// One instance per process on globalThis: route handlers, RSC pages and HMR reloads get separate
// module instances, and two PGlite instances on one data dir would corrupt it (shared/STACK.md §3).
const g = globalThis as unknown as { __patchwardDb?: TServerDb };

export function serverDb(): TServerDb {
  if (!g.__patchwardDb) {
    const e = env();
    const pgliteDir = e.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
    if (!e.DATABASE_URL && !pgliteDir.startsWith('memory://')) {
      // Tells scripts (audit:verify, admin:create) that this process owns the embedded data dir.
      fs.mkdirSync(path.dirname(pgliteDir), { recursive: true });
      fs.writeFileSync(path.join(path.dirname(pgliteDir), 'server.pid'), String(process.pid));
    }
    const handle = openDb({ databaseUrl: e.DATABASE_URL, pgliteDir });
    const ready = (async () => {
      await handle.migrate();
      // Lines stored before verdicts were kept (or by a crashed import) are judged once here.
      const judged = await handle.db.transaction((tx) => judgePendingLines(tx));
      if (judged) console.log(`[patchward] judged ${judged} software lines against the advisories`);
      // Advisories an import stored but did not get to assess (it stopped in between) are assessed here.
      const assessed = await assessPendingPatches(handle.db);
      if (assessed) console.log(`[patchward] assessed ${assessed} advisories an interrupted import left pending`);
      if (!e.DATABASE_URL) await failInterruptedRuns(handle.db); // embedded: no other process can be mid-run
      if (shouldSeedDemo()) await seedDemoIfEmpty(handle.db);
    })();
    ready.catch((err) => {
      console.error('[patchward] database start-up failed:', err);
      g.__patchwardDb = undefined; // don't cache a failed init forever
    });
    g.__patchwardDb = { handle, ready };
  }
  return g.__patchwardDb;
}

/** The ready database for this process. */
export async function getDb(): Promise<TDb> {
  const s = serverDb();
  await s.ready;
  return s.handle.db;
}

/** Throws unless the database is migrated (and seeded on first start) and answers a query: the health check. */
export async function pingDb(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`select 1`);
}
