import { z } from 'zod';
import type { TDb } from '@/db/client';
import { maintenanceWindows } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { replanTenantChanges } from '@/lib/changes/replan-change';
import { requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { ZWindowDef } from '@/lib/domain/windows';
import { checkWindowInTenant, validWindowDef } from './window-input';

export const ZCreateWindow = z.object({
  tenantId: z.string().uuid(),
  window: ZWindowDef,
  isEnabled: z.boolean().default(true),
});
export type TCreateWindow = z.input<typeof ZCreateWindow>;

/**
 * Adds a maintenance window to a tenant. Refused with field messages, and nothing written, when the
 * definition is invalid (duration 0 or over 24 h, unknown zone, no weekday …) or never opens.
 */
export async function createWindow(db: TDb, actor: TActor, input: TCreateWindow, now = new Date()) {
  requireTenantAccess(actor, input.tenantId, 'window:write');
  const parsed = validWindowDef(input.window, now);
  const result = await db.transaction(async (tx) => {
    const def = await checkWindowInTenant(tx, input.tenantId, parsed);
    const isEnabled = input.isEnabled ?? true;
    const [row] = await tx.insert(maintenanceWindows).values({ tenantId: input.tenantId, name: def.name, def, isEnabled }).returning();
    await writeAudit(
      tx,
      actor,
      { tenantId: input.tenantId, action: 'window.create', targetType: 'maintenance_window', targetId: row.id, after: { def, isEnabled } },
      now,
    );
    return { id: row.id };
  });
  await replanTenantChanges(db, actor, input.tenantId, `window "${parsed.name}" created`);
  return result;
}
