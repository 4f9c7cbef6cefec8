import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { changeConnectors } from '@/db/schema';
import { diffFields, writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { ZWebhookUrl } from '@/lib/connectors/change-systems/webhook';
import { parseInput } from '@/lib/errors';
import { assertNameFree, ZConnectorName } from './create-connector';
import { loadConnectorForWrite, publicConnector, type TPublicConnector } from './load-connector';

export const ZUpdateConnector = z.object({
  connectorId: z.string().uuid(),
  name: ZConnectorName.optional(),
  url: z.string().trim().pipe(ZWebhookUrl).optional(),
});

/** Renames a connector or points it at another URL; key id and secret stay. */
export async function updateConnector(db: TDb, actor: TActor, raw: z.input<typeof ZUpdateConnector>): Promise<TPublicConnector> {
  const input = parseInput(ZUpdateConnector, raw, 'Invalid connector.');
  return db.transaction(async (tx) => {
    const row = await loadConnectorForWrite(tx, actor, input.connectorId);
    const next = { name: input.name ?? row.name, url: input.url ?? row.url };
    if (next.name !== row.name) await assertNameFree(tx, row.tenantId, next.name, row.id);
    const diff = diffFields({ name: row.name, url: row.url }, next);
    if (Object.keys(diff.after).length === 0) return publicConnector(row);
    const [updated] = await tx.update(changeConnectors).set(next).where(eq(changeConnectors.id, row.id)).returning();
    await writeAudit(tx, actor, { tenantId: row.tenantId, action: 'change_connector.update', targetType: 'change_connector', targetId: row.id, ...diff });
    return publicConnector(updated);
  });
}
