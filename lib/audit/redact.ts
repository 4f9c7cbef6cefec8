import { count } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { tenants } from '@/db/schema';
import { canPlatform, tenantsWith, type TActor } from '@/lib/auth/permissions';

/**
 * Whether the reader sees the whole platform's audit detail: platform staff, or a reader of every
 * tenant. Anyone else must not learn how busy the other tenants are — not from the global chain
 * position of a row (its `seq` counts every tenant's entries) nor from platform rows' figures (seed
 * totals, recompute counts, which span all tenants).
 */
export async function readsWholePlatform(db: TDb, actor: TActor): Promise<boolean> {
  if (canPlatform(actor, 'patch:import:global')) return true;
  const [{ n }] = await db.select({ n: count() }).from(tenants);
  return tenantsWith(actor, 'audit:read').length >= n;
}

type TAuditLike = { seq: number; tenantId: string | null; before: unknown; after: unknown };

/**
 * A row as a reader of some tenants sees it: no global sequence number (the hash still proves the
 * chain link), and a platform row's action, actor and time without its platform-wide figures.
 */
export function redactAuditRow<T extends TAuditLike>(row: T, isWholePlatform: boolean): Omit<T, 'seq'> & { seq: number | null } {
  if (isWholePlatform) return row;
  return { ...row, seq: null, before: row.tenantId ? row.before : null, after: row.tenantId ? row.after : null };
}
