import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { changeConnectors } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { parseInput } from '@/lib/errors';
import { loadConnectorForWrite } from './load-connector';

export const ZDeleteConnector = z.object({ connectorId: z.string().uuid() });

/**
 * Deletes a connector with its delivery log and seen callbacks (cascade). Approvals it recorded stay
 * on their changes; the audit row keeps what it was.
 */
export async function deleteConnector(db: TDb, actor: TActor, raw: z.input<typeof ZDeleteConnector>): Promise<{ id: string }> {
  const input = parseInput(ZDeleteConnector, raw, 'Invalid input.');
  return db.transaction(async (tx) => {
    const row = await loadConnectorForWrite(tx, actor, input.connectorId);
    await tx.delete(changeConnectors).where(eq(changeConnectors.id, row.id));
    await writeAudit(tx, actor, {
      tenantId: row.tenantId,
      action: 'change_connector.delete',
      targetType: 'change_connector',
      targetId: row.id,
      before: { kind: row.kind, name: row.name, url: row.url, keyId: row.keyId, isEnabled: row.isEnabled },
    });
    return { id: row.id };
  });
}
