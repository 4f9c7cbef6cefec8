import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { maintenanceWindows } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { replanTenantChanges } from '@/lib/changes/replan-change';
import type { TActor } from '@/lib/auth/permissions';
import { loadWindowForWrite } from './load-window-for-write';

export const ZDeleteWindow = z.object({ windowId: z.string().uuid() });

/** Deletes a window; the audit row keeps its full definition. */
export async function deleteWindow(db: TDb, actor: TActor, input: z.infer<typeof ZDeleteWindow>) {
  let tenantId: string | null = null;
  const result = await db.transaction(async (tx) => {
    const row = await loadWindowForWrite(tx, actor, input.windowId);
    await tx.delete(maintenanceWindows).where(eq(maintenanceWindows.id, row.id));
    await writeAudit(tx, actor, {
      tenantId: row.tenantId,
      action: 'window.delete',
      targetType: 'maintenance_window',
      targetId: row.id,
      before: { def: row.def, isEnabled: row.isEnabled },
    });
    tenantId = row.tenantId;
    return { deleted: true };
  });
  if (tenantId) await replanTenantChanges(db, actor, tenantId, 'a window was deleted');
  return result;
}
