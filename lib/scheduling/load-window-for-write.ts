import { eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { maintenanceWindows } from '@/db/schema';
import { requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

/** The window row, locked for the transaction; NOT_FOUND outside the actor's tenants, FORBIDDEN without window:write. */
export async function loadWindowForWrite(tx: TDb, actor: TActor, windowId: string) {
  const [row] = await tx.select().from(maintenanceWindows).where(eq(maintenanceWindows.id, windowId)).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'Window not found.');
  requireTenantAccess(actor, row.tenantId, 'window:write', { notFound: 'Window not found.' });
  return row;
}
