import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { maintenanceWindows } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { replanTenantChanges } from '@/lib/changes/replan-change';
import type { TActor } from '@/lib/auth/permissions';
import { ZWindowDef } from '@/lib/domain/windows';
import { loadWindowForWrite } from './load-window-for-write';
import { canonicalJson, checkWindowInTenant, validWindowDef } from './window-input';

export const ZUpdateWindow = z.object({ windowId: z.string().uuid(), window: ZWindowDef });
export type TUpdateWindow = z.input<typeof ZUpdateWindow>;

/** Replaces a window's definition (same checks as creating one); audited with the old and new definition. */
export async function updateWindow(db: TDb, actor: TActor, input: TUpdateWindow, now = new Date()) {
  let tenantId: string | null = null;
  const result = await db.transaction(async (tx) => {
    const row = await loadWindowForWrite(tx, actor, input.windowId);
    const parsed = validWindowDef(input.window, now);
    const def = await checkWindowInTenant(tx, row.tenantId, parsed, row.id);
    if (canonicalJson(row.def) === canonicalJson(def)) return { changed: false };
    await tx.update(maintenanceWindows).set({ name: def.name, def, updatedAt: now }).where(eq(maintenanceWindows.id, row.id));
    await writeAudit(
      tx,
      actor,
      { tenantId: row.tenantId, action: 'window.update', targetType: 'maintenance_window', targetId: row.id, before: { def: row.def }, after: { def } },
      now,
    );
    tenantId = row.tenantId;
    return { changed: true };
  });
  if (tenantId) await replanTenantChanges(db, actor, tenantId, `window "${input.window.name}" changed`);
  return result;
}
