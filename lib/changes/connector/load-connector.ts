import { eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { changeConnectors } from '@/db/schema';
import { requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

export type TConnectorRow = typeof changeConnectors.$inferSelect;
/** A connector as shown and audited: never its secret. */
export type TPublicConnector = Omit<TConnectorRow, 'secret'>;

const NOT_FOUND = 'Connector not found.';

/**
 * Loads a connector for an admin's write, locked for the transaction. A missing connector and one of
 * a tenant the actor has no role in answer alike (NOT_FOUND); a non-admin of its tenant is FORBIDDEN.
 */
export async function loadConnectorForWrite(tx: TDb, actor: TActor, connectorId: string): Promise<TConnectorRow> {
  const [row] = await tx.select().from(changeConnectors).where(eq(changeConnectors.id, connectorId)).for('update');
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  requireTenantAccess(actor, row.tenantId, 'tenant:admin', { notFound: NOT_FOUND });
  return row;
}

export function publicConnector(row: TConnectorRow): TPublicConnector {
  const { secret: _secret, ...rest } = row;
  return rest;
}
