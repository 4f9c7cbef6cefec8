import { eq, sql } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { assets, installedSoftware } from '@/db/schema';
import { assessApplicability } from '@/lib/intake/assess';
import { matchFields } from '@/lib/domain/match-fields';
import { normaliseSoftware, softwareHash } from '@/lib/domain/software-list';
import type { TSoftwareItem } from '@/lib/domain/types';

const CHUNK = 20_000;

/**
 * Inserts software rows set-based (one jsonb_to_recordset statement per chunk): row-by-row inserts
 * are bound by Node CPU and ~20× slower (shared/STACK.md §8). Same SQL on PGlite and PostgreSQL.
 */
export async function insertSoftwareRows(tx: TDb, rows: { tenantId: string; assetId: string; item: TSoftwareItem }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(
      rows.slice(i, i + CHUNK).map(({ tenantId, assetId, item }) => {
        const m = matchFields(item);
        return {
        tenant_id: tenantId,
        asset_id: assetId,
        ecosystem: item.ecosystem,
        name: item.name,
        version: item.version,
        arch: item.arch,
        source_name: item.sourceName,
        source_version: item.sourceVersion,
          match_name: m.matchName,
          match_version: m.matchVersion,
          match_key: m.matchKeyHex,
          epoch_known: m.epochKnown,
        };
      }),
    );
    await tx.execute(sql`
      insert into ${installedSoftware} (tenant_id, asset_id, ecosystem, name, version, arch, source_name, source_version, match_name, match_version, match_key, epoch_known)
      select tenant_id, asset_id, ecosystem::package_ecosystem, name, version, arch, source_name, source_version, match_name, match_version, decode(match_key, 'hex'), epoch_known
      from jsonb_to_recordset(${json}::jsonb) as x(tenant_id uuid, asset_id uuid, ecosystem text, name text, version text,
                                                arch text, source_name text, source_version text, match_name text, match_version text, match_key text, epoch_known boolean)`);
  }
}

export type TReplaceOutcome = {
  outcome: 'replaced' | 'unchanged';
  count: number;
  previousCount: number;
  hash: string;
  /** Patch × asset pairs that became missing with this list (for notifications after commit). */
  newlyMissing: { patchId: string; assetId: string; tenantId: string }[];
};

/**
 * Atomically replaces an asset's software list (call inside the caller's transaction).
 * A list identical to the stored one (same canonical hash) changes nothing, not even last-seen rows.
 */
export async function replaceSoftware(
  tx: TDb,
  asset: { id: string; tenantId: string; softwareHash: string | null; softwareCount: number },
  items: readonly TSoftwareItem[],
  now = new Date(),
): Promise<TReplaceOutcome> {
  const list = normaliseSoftware(items);
  const hash = softwareHash(list);
  if (hash === asset.softwareHash) {
    await tx.update(assets).set({ lastSeenAt: now }).where(eq(assets.id, asset.id));
    return { outcome: 'unchanged', count: list.length, previousCount: asset.softwareCount, hash, newlyMissing: [] };
  }
  await tx.delete(installedSoftware).where(eq(installedSoftware.assetId, asset.id));
  await insertSoftwareRows(tx, list.map((item) => ({ tenantId: asset.tenantId, assetId: asset.id, item })));
  await tx.update(assets).set({ softwareHash: hash, softwareCount: list.length, lastSeenAt: now, updatedAt: now }).where(eq(assets.id, asset.id));
  // A new inventory re-assesses only this asset (incremental applicability).
  const newlyMissing = await assessApplicability(tx, { assetIds: [asset.id] }, now);
  return { outcome: 'replaced', count: list.length, previousCount: asset.softwareCount, hash, newlyMissing };
}
