import { z } from 'zod';
import type { TDb } from '@/db/client';
import { inventoryImports } from '@/db/schema';
import { loadAssetsForWrite } from '@/lib/assets/load-for-write';
import { writeAudit } from '@/lib/audit/write-audit';
import { requirePermission, actorUserId, type TActor } from '@/lib/auth/permissions';
import { INVENTORY_FORMATS, parseInventory } from '@/lib/domain/inventory-formats/detect';
import { AppError, assertUploadSize, parseInput } from '@/lib/errors';
import { notifyNewlyApplicable } from '@/lib/intake/notify';
import { trackAfterAssessment } from '@/lib/tracking/after-assessment';
import { replaceSoftware } from './replace-software';

export const ZImportSoftware = z.object({
  assetId: z.string().uuid(),
  format: z.enum(['auto', ...INVENTORY_FORMATS]).default('auto'),
  filename: z.string().max(255).optional(),
  text: z.string(),
  maxBytes: z.number().int().positive(),
  source: z.enum(['upload', 'api']).default('upload'),
});
export type TImportSoftware = z.input<typeof ZImportSoftware>;

// The server action imports the size guard from here.
export { assertUploadSize };

/**
 * Replaces an asset's software list from an uploaded listing. Parse first: a malformed file is
 * refused with the line or field named and nothing is written.
 */
export async function importSoftware(db: TDb, actor: TActor, raw: TImportSoftware) {
  const input = parseInput(ZImportSoftware, raw, 'Invalid software import.');
  requirePermission(actor, 'inventory:import');
  assertUploadSize(Buffer.byteLength(input.text, 'utf8'), input.maxBytes);
  const parsed = parseInventory(input.text, { format: input.format, filename: input.filename });
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const where = first?.line ? `line ${first.line}: ` : first?.field ? `${first.field}: ` : '';
    throw new AppError(
      'VALIDATION',
      `The listing was not imported (${parsed.errors.length} problem${parsed.errors.length === 1 ? '' : 's'}). ${where}${first?.message ?? ''}`,
      parsed.errors.slice(0, 50),
    );
  }
  const out = await db.transaction(async (tx) => {
    const [{ asset }] = await loadAssetsForWrite(tx, actor, 'inventory:import', [input.assetId]);
    const result = await replaceSoftware(tx, asset, parsed.items);
    await tx.insert(inventoryImports).values({
      tenantId: asset.tenantId,
      assetId: asset.id,
      source: input.source,
      format: parsed.format,
      filename: input.filename ?? null,
      itemCount: result.count,
      outcome: result.outcome,
      actorId: actorUserId(actor),
    });
    if (result.outcome === 'replaced') {
      await writeAudit(tx, actor, {
        tenantId: asset.tenantId,
        action: 'inventory.import',
        targetType: 'asset',
        targetId: asset.id,
        before: { softwareCount: result.previousCount },
        after: { softwareCount: result.count, format: parsed.format, filename: input.filename ?? null, hash: result.hash },
      });
    }
    return { format: parsed.format, ...result };
  });
  await notifyNewlyApplicable(db, out.newlyMissing);
  if (out.outcome === 'replaced') await trackAfterAssessment(db, { scope: { assetIds: [input.assetId] }, newlyMissing: out.newlyMissing });
  const { newlyMissing, ...rest } = out;
  return { ...rest, newlyMissing: newlyMissing.length };
}
