import 'server-only';
import type PgBoss from 'pg-boss';
import { env } from '@/lib/env';
import { startWorker } from '@/lib/jobs/worker';
import { serverDb } from './db';

const g = globalThis as unknown as { __patchwardBoss?: Promise<PgBoss> };

/**
 * The process's job queue (and, in this process, its worker): one per process on globalThis, like
 * the database. Set PATCHWARD_WORKER=off on web-only instances when separate workers run.
 */
export function getBoss(): Promise<PgBoss> {
  if (!g.__patchwardBoss) {
    g.__patchwardBoss = (async () => {
      const s = serverDb();
      await s.ready;
      return startWorker(s.handle, env().DATABASE_URL);
    })();
    g.__patchwardBoss.catch((err) => {
      console.error('[patchward] job queue failed to start:', err);
      g.__patchwardBoss = undefined;
    });
  }
  return g.__patchwardBoss;
}
