// npm run audit:verify — recomputes the audit hash chain and names the first broken row.
import { openDb } from '../db/client';
import { verifyAuditChain } from '../lib/audit/verify-audit';
import { assertEmbeddedDirFree, embeddedDir } from './embedded-lock';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) assertEmbeddedDirFree(embeddedDir());
  const handle = openDb({ databaseUrl: url, pgliteDir: embeddedDir(), poolSize: 1 });
  try {
    await handle.migrate();
    const res = await verifyAuditChain(handle.db);
    if (res.ok) {
      console.log(`audit chain intact: ${res.rows} rows verified`);
    } else {
      console.error(`audit chain BROKEN at row seq=${res.firstBrokenSeq}: ${res.reason} (${res.rows} rows verified before it)`);
      process.exitCode = 1;
    }
  } finally {
    await handle.close();
  }
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
