'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createAgentToken, ZCreateAgentToken } from '@/lib/agents/create-agent-token';
import { bulkSetRing, ZBulkSetRing } from '@/lib/assets/bulk-set-ring';
import { updateAsset, ZUpdateAsset } from '@/lib/assets/update-asset';
import { authedAction } from '@/lib/auth/authed-action';
import { maxUploadBytes } from '@/lib/env';
import { assertUploadSize, importSoftware } from '@/lib/inventory/import-software';
import { INVENTORY_FORMATS } from '@/lib/domain/inventory-formats/detect';

export const updateAssetAction = authedAction('asset:write', ZUpdateAsset, async (db, actor, input) => {
  const res = await updateAsset(db, actor, input);
  revalidatePath(`/assets/${input.assetId}`);
  return res;
});

export const bulkSetRingAction = authedAction('asset:bulk', ZBulkSetRing, async (db, actor, input) => {
  const res = await bulkSetRing(db, actor, input);
  revalidatePath('/assets');
  return res;
});

const ZUpload = z.object({
  assetId: z.string().uuid(),
  format: z.enum(['auto', ...INVENTORY_FORMATS]).default('auto'),
  file: z.instanceof(File, { message: 'Choose a file to upload' }).refine((f) => f.size > 0, 'The file is empty'),
});

export const importSoftwareAction = authedAction('inventory:import', ZUpload, async (db, actor, input) => {
  assertUploadSize(input.file.size, maxUploadBytes());
  const res = await importSoftware(db, actor, {
    assetId: input.assetId,
    format: input.format,
    filename: input.file.name,
    text: await input.file.text(),
    maxBytes: maxUploadBytes(),
  });
  revalidatePath(`/assets/${input.assetId}`);
  return res;
});

export const createAgentTokenAction = authedAction('agent:manage', ZCreateAgentToken, async (db, actor, input) => {
  const res = await createAgentToken(db, actor, input);
  revalidatePath(`/assets/${input.assetId}`);
  return res;
});
