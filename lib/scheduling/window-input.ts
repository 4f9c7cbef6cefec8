import { and, eq, ne } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { maintenanceWindows } from '@/db/schema';
import { validateWindow, type TWindowDef } from '@/lib/domain/windows';
import { AppError } from '@/lib/errors';
import { checkScope } from './check-scope';

/**
 * A window definition as typed, checked by the domain's `validateWindow` (schema messages, then "does it
 * ever open?"), with issue fields under `window.` like the action schema reports them.
 */
export function validWindowDef(raw: unknown, now: Date): TWindowDef {
  const res = validateWindow(raw, now.toISOString());
  if (!res.ok) {
    const issues = res.issues.map((i) => ({ field: `window.${i.field}`, message: i.message }));
    throw new AppError('VALIDATION', issues[0]?.message ?? 'Invalid window.', issues);
  }
  return res.def;
}

/** Scope of the tenant's own applications and rings, and a name not used by another window of the tenant. */
export async function checkWindowInTenant(tx: TDb, tenantId: string, def: TWindowDef, exceptId?: string): Promise<TWindowDef> {
  const scope = await checkScope(tx, tenantId, def.scope, 'window.scope');
  const sameName = and(eq(maintenanceWindows.tenantId, tenantId), eq(maintenanceWindows.name, def.name));
  const [dup] = await tx
    .select({ id: maintenanceWindows.id })
    .from(maintenanceWindows)
    .where(exceptId ? and(sameName, ne(maintenanceWindows.id, exceptId)) : sameName);
  if (dup)
    throw new AppError('CONFLICT', `A window named "${def.name}" already exists in this tenant.`, [{ field: 'window.name', message: 'Name already used' }]);
  return { ...def, scope };
}

/** JSON with object keys sorted: jsonb does not keep key order, so stored and typed values compare by this. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
