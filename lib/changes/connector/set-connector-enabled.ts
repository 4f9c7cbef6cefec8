import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { changeConnectors } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { parseInput } from '@/lib/errors';
import { skipEventsMissedWhileDisabled } from './enqueue-deliveries';
import { loadConnectorForWrite, publicConnector, type TPublicConnector } from './load-connector';

export const ZSetConnectorEnabled = z.object({ connectorId: z.string().uuid(), isEnabled: z.boolean() });

/**
 * Turns a connector on or off. A disabled connector is sent nothing (queued deliveries are given up
 * when their turn comes) and its key id is refused on the callback endpoint. Enabled again, it is
 * sent the events from then on; the recent ones it missed are logged as failed, not sent late.
 */
export async function setConnectorEnabled(db: TDb, actor: TActor, raw: z.input<typeof ZSetConnectorEnabled>): Promise<TPublicConnector> {
  const input = parseInput(ZSetConnectorEnabled, raw, 'Invalid input.');
  return db.transaction(async (tx) => {
    const row = await loadConnectorForWrite(tx, actor, input.connectorId);
    if (row.isEnabled === input.isEnabled) return publicConnector(row);
    const [updated] = await tx.update(changeConnectors).set({ isEnabled: input.isEnabled }).where(eq(changeConnectors.id, row.id)).returning();
    if (input.isEnabled) await skipEventsMissedWhileDisabled(tx, row.id);
    await writeAudit(tx, actor, {
      tenantId: row.tenantId,
      action: input.isEnabled ? 'change_connector.enable' : 'change_connector.disable',
      targetType: 'change_connector',
      targetId: row.id,
      before: { isEnabled: row.isEnabled },
      after: { isEnabled: input.isEnabled },
    });
    return publicConnector(updated);
  });
}
