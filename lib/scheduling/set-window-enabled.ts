import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { maintenanceWindows } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { replanTenantChanges } from '@/lib/changes/replan-change';
import type { TActor } from '@/lib/auth/permissions';
import { loadWindowForWrite } from './load-window-for-write';

export const ZSetWindowEnabled = z.object({ windowId: z.string().uuid(), isEnabled: z.boolean() });

/** Turns a window on or off; a disabled window is kept (and exported) but the planner ignores it. */
export async function setWindowEnabled(db: TDb, actor: TActor, input: z.infer<typeof ZSetWindowEnabled>) {
  let tenantId: string | null = null;
  const result = await db.transaction(async (tx) => {
    const row = await loadWindowForWrite(tx, actor, input.windowId);
    if (row.isEnabled === input.isEnabled) return { changed: false };
    await tx.update(maintenanceWindows).set({ isEnabled: input.isEnabled, updatedAt: new Date() }).where(eq(maintenanceWindows.id, row.id));
    await writeAudit(tx, actor, {
      tenantId: row.tenantId,
      action: input.isEnabled ? 'window.enable' : 'window.disable',
      targetType: 'maintenance_window',
      targetId: row.id,
      before: { isEnabled: row.isEnabled },
      after: { isEnabled: input.isEnabled },
    });
    tenantId = row.tenantId;
    return { changed: true };
  });
  if (tenantId) await replanTenantChanges(db, actor, tenantId, input.isEnabled ? 'a window was enabled' : 'a window was disabled');
  return result;
}
