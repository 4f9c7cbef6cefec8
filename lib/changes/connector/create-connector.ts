import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { changeConnectors } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { ZWebhookUrl } from '@/lib/connectors/change-systems/webhook';
import { AppError, parseInput } from '@/lib/errors';
import { publicConnector, type TPublicConnector } from './load-connector';

export const ZConnectorName = z.string().trim().min(2, 'Name is required').max(80);

export const ZCreateConnector = z.object({
  tenantId: z.string().uuid(),
  /** The only kind stored as a row: the built-in CAB is what a tenant without an enabled connector has. */
  kind: z.literal('webhook').default('webhook'),
  name: ZConnectorName,
  url: z.string().trim().pipe(ZWebhookUrl),
});

/**
 * Adds a webhook connector to a tenant. The key id and the secret are generated here; the secret is
 * returned this once (the page shows it, the audit row never holds it). Events from now on are sent.
 */
export async function createConnector(db: TDb, actor: TActor, raw: z.input<typeof ZCreateConnector>): Promise<{ connector: TPublicConnector; secret: string }> {
  const input = parseInput(ZCreateConnector, raw, 'Invalid connector.');
  requireTenantAccess(actor, input.tenantId, 'tenant:admin');
  const secret = randomBytes(32).toString('hex');
  const keyId = `pwk_${randomBytes(12).toString('hex')}`;
  return db.transaction(async (tx) => {
    await assertNameFree(tx, input.tenantId, input.name);
    const [row] = await tx
      .insert(changeConnectors)
      .values({ tenantId: input.tenantId, kind: input.kind, name: input.name, url: input.url, keyId, secret, createdBy: actorUserId(actor) })
      .returning();
    const connector = publicConnector(row);
    await writeAudit(tx, actor, {
      tenantId: row.tenantId,
      action: 'change_connector.create',
      targetType: 'change_connector',
      targetId: row.id,
      after: { kind: row.kind, name: row.name, url: row.url, keyId: row.keyId, isEnabled: row.isEnabled },
    });
    return { connector, secret };
  });
}

/** Names tell connectors apart in the log and in approvals ("connector:<name>"): one per tenant. */
export async function assertNameFree(tx: TDb, tenantId: string, name: string, exceptId?: string): Promise<void> {
  const [dup] = await tx
    .select({ id: changeConnectors.id })
    .from(changeConnectors)
    .where(and(eq(changeConnectors.tenantId, tenantId), eq(changeConnectors.name, name)));
  if (dup && dup.id !== exceptId)
    throw new AppError('CONFLICT', `A connector named "${name}" already exists in this tenant.`, [{ field: 'name', message: 'Name already used' }]);
}
