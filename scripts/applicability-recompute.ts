// npm run applicability:recompute — full recompute of patch × asset applicability, with progress.
// The console's "Recompute applicability" button runs the same use-case as a background job.
import { openDb } from '../db/client';
import { recomputeApplicability } from '../lib/intake/recompute-applicability';
import { assertEmbeddedDirFree, embeddedDir } from './embedded-lock';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) assertEmbeddedDirFree(embeddedDir());
  const handle = openDb({ databaseUrl: url, pgliteDir: embeddedDir(), poolSize: 2 });
  try {
    await handle.migrate();
    const started = Date.now();
    const res = await recomputeApplicability(
      handle.db,
      { kind: 'system', label: 'cli:recompute' },
      {
        onProgress: (done, total) => process.stdout.write(`\r  ${done}/${total} patches assessed`),
      },
    );
    console.log(`\napplicability recomputed for ${res.patches} patches in ${((Date.now() - started) / 1000).toFixed(1)} s (run ${res.runId})`);
  } finally {
    await handle.close();
  }
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
