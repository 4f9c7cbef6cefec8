import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no inter-process lock, and two processes on one data dir corrupt it. The app writes its
 * pid beside the data dir; scripts refuse to open the dir while that process is alive.
 */
export function assertEmbeddedDirFree(dir: string): void {
  const lock = path.join(path.dirname(dir), 'server.pid');
  if (!fs.existsSync(lock)) return;
  const pid = Number(fs.readFileSync(lock, 'utf8'));
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale lock: the process is gone
  }
  console.error(`The Patchward app (pid ${pid}) has the embedded database open. Stop it first, or use the console (Audit log → Verify chain).`);
  process.exit(2);
}

export function embeddedDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}
