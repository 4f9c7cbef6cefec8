import { z } from 'zod';
import type { TDb } from '@/db/client';
import { agents } from '@/db/schema';
import { loadAssetsForWrite } from '@/lib/assets/load-for-write';
import { writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, requirePermission, type TActor } from '@/lib/auth/permissions';
import { newAgentToken } from './token';

export const ZCreateAgentToken = z.object({ assetId: z.string().uuid() });

/** Issues an agent token bound to one asset. The token is shown once; only its hash is kept. */
export async function createAgentToken(db: TDb, actor: TActor, input: z.infer<typeof ZCreateAgentToken>) {
  requirePermission(actor, 'agent:manage');
  return db.transaction(async (tx) => {
    const [{ asset }] = await loadAssetsForWrite(tx, actor, 'agent:manage', [input.assetId]);
    const { token, hash, prefix } = newAgentToken();
    const [row] = await tx
      .insert(agents)
      .values({ tenantId: asset.tenantId, assetId: asset.id, tokenHash: hash, tokenPrefix: prefix, createdBy: actorUserId(actor) })
      .returning();
    await writeAudit(tx, actor, {
      tenantId: asset.tenantId,
      action: 'agent.create',
      targetType: 'agent',
      targetId: row.id,
      after: { assetId: asset.id, tokenPrefix: prefix },
    });
    return { agentId: row.id, token };
  });
}
