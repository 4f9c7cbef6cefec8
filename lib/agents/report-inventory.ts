import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { agents, assets, inventoryImports } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { INVENTORY_FORMATS, parseInventory } from '@/lib/domain/inventory-formats/detect';
import { OS_FAMILIES, PACKAGE_ECOSYSTEMS, type TSoftwareItem } from '@/lib/domain/types';
import { AppError, parseInput } from '@/lib/errors';
import { notifyNewlyApplicable } from '@/lib/intake/notify';
import { relineAsset, replaceSoftware } from '@/lib/inventory/replace-software';
import { trackAfterAssessment } from '@/lib/tracking/after-assessment';
import { hashAgentToken } from './token';

const noSpace = (label: string) => z.string().min(1, `${label} is required`).max(300).regex(/^\S+$/, `${label} must not contain whitespace`);

const ZPackage = z.object({
  ecosystem: z.enum(PACKAGE_ECOSYSTEMS),
  name: noSpace('name'),
  version: noSpace('version'),
  arch: z.string().max(40).nullish(),
  sourceName: z.string().max(300).nullish(),
  sourceVersion: z.string().max(300).nullish(),
});

/** A full inventory report: either structured packages or a raw listing (dpkg/rpm/SBOM text). */
export const ZAgentReport = z
  .object({
    hostname: z.string().max(255).optional(),
    os: z.object({ family: z.enum(OS_FAMILIES), release: z.string().min(1).max(40) }).optional(),
    packages: z.array(ZPackage).max(50_000).optional(),
    listing: z.object({ format: z.enum(['auto', ...INVENTORY_FORMATS]).default('auto'), text: z.string().max(10 * 1024 * 1024) }).optional(),
  })
  .refine((r) => !!r.packages !== !!r.listing, { message: 'Send exactly one of "packages" or "listing"', path: ['packages'] });

/**
 * Handles POST /api/v1/agents/report: authenticates the bearer token, validates the whole report,
 * then atomically replaces the asset's software list. The same report twice changes nothing.
 */
export async function reportInventory(db: TDb, token: string, body: unknown) {
  const [agent] = await db
    .select()
    .from(agents)
    .where(and(eq(agents.tokenHash, hashAgentToken(token)), isNull(agents.revokedAt)));
  if (!agent) throw new AppError('UNAUTHENTICATED', 'Unknown or revoked agent token.');
  const report = parseInput(ZAgentReport, body, 'The report is invalid; nothing was changed.');
  let items: TSoftwareItem[];
  let format = 'agent-json';
  if (report.listing) {
    const res = parseInventory(report.listing.text, { format: report.listing.format });
    if (!res.ok) throw new AppError('VALIDATION', 'The listing is invalid; nothing was changed.', res.errors.slice(0, 50));
    items = res.items;
    format = res.format;
  } else {
    items = (report.packages ?? []).map((p) => ({
      ecosystem: p.ecosystem,
      name: p.name,
      version: p.version,
      arch: p.arch ?? null,
      sourceName: p.sourceName ?? null,
      sourceVersion: p.sourceVersion ?? null,
    }));
  }
  const actor: TActor = { kind: 'agent', agentId: agent.id, tenantId: agent.tenantId, assetId: agent.assetId };
  const out = await db.transaction(async (tx) => {
    const [asset] = await tx
      .select()
      .from(assets)
      .where(and(eq(assets.id, agent.assetId), eq(assets.tenantId, agent.tenantId)))
      .for('update');
    if (!asset) throw new AppError('NOT_FOUND', 'The asset of this agent no longer exists.');
    const now = new Date();
    // A new OS first: the packages are matched under the new release's advisories.
    const osChanged = !!report.os && (report.os.family !== asset.osFamily || report.os.release !== asset.osRelease);
    if (report.os && osChanged) await tx.update(assets).set({ osFamily: report.os.family, osRelease: report.os.release }).where(eq(assets.id, asset.id));
    const result = await replaceSoftware(tx, asset, items, now);
    if (osChanged && result.outcome === 'unchanged') result.newlyMissing = await relineAsset(tx, asset.id, now);
    await tx.update(agents).set({ lastReportAt: now }).where(eq(agents.id, agent.id));
    if (result.outcome === 'replaced') {
      await tx
        .insert(inventoryImports)
        .values({ tenantId: asset.tenantId, assetId: asset.id, source: 'agent', format, itemCount: result.count, outcome: result.outcome });
      await writeAudit(tx, actor, {
        tenantId: asset.tenantId,
        action: 'inventory.agent_report',
        targetType: 'asset',
        targetId: asset.id,
        before: { softwareCount: result.previousCount },
        after: { softwareCount: result.count, hash: result.hash },
      });
    }
    return {
      assetId: asset.id,
      outcome: result.outcome,
      count: result.count,
      newlyMissing: result.newlyMissing,
      isReassessed: result.outcome === 'replaced' || osChanged,
    };
  });
  await notifyNewlyApplicable(db, out.newlyMissing);
  if (out.isReassessed) await trackAfterAssessment(db, { scope: { assetIds: [out.assetId] }, newlyMissing: out.newlyMissing });
  return { assetId: out.assetId, outcome: out.outcome, count: out.count, newlyMissing: out.newlyMissing.length };
}
