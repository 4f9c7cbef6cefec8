import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { patches } from '@/db/schema';
import { actorTenantName, canPlatform, requireTenantAccess, tenantsWith, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { uuidArray } from './assess';

/*
 * Advisory scope. A patch, an advisory source and an intake run belong either to the global
 * catalogue (tenant_id null: applies and notifies in every tenant; only platform users import into
 * it) or to one tenant (a private advisory: assessed against, notifying and visible in that tenant
 * only). A tenant's private copy of an advisory and the global one are two rows that never touch.
 */

/** Where an import writes: one tenant's private advisories, or the global catalogue (null). */
export type TScope = string | null;

/**
 * SQL condition: the patch is global or private to one of `tenantIds`. Pass the tenant column when
 * the query uses an alias (raw SQL: sql`p.tenant_id`). Every reader of `patches` filters with it.
 */
export function visiblePatchSql(tenantIds: string[], tenantColumn: AnyPgColumn | SQL = patches.tenantId): SQL {
  return sql`(${tenantColumn} is null or ${tenantColumn} = any(${uuidArray(tenantIds)}::uuid[]))`;
}

/** The same rule for a loaded row. */
export function isPatchVisible(patch: { tenantId: string | null }, tenantIds: string[]): boolean {
  return patch.tenantId === null || tenantIds.includes(patch.tenantId);
}

/** Scopes whose intake runs and sources the actor sees: tenants where they import, plus global for platform users. */
export function intakeScopes(actor: TActor): { tenantIds: string[]; isGlobal: boolean } {
  return { tenantIds: tenantsWith(actor, 'patch:import'), isGlobal: canPlatform(actor, 'patch:import:global') };
}

/** The scopes the actor may import into, for a select: their tenants with patch:import, then Global for platform users. */
export function importScopeOptions(actor: TActor): { value: string; label: string }[] {
  const { tenantIds, isGlobal } = intakeScopes(actor);
  const tenants = tenantIds.map((id) => ({ value: id, label: `${actorTenantName(actor, id) ?? id} only` })).sort((a, b) => a.label.localeCompare(b.label));
  return isGlobal ? [...tenants, { value: 'global', label: 'Global (all tenants)' }] : tenants;
}

/** Does the actor see a source or run of this scope? */
export function isScopeVisible(actor: TActor, scope: TScope): boolean {
  const { tenantIds, isGlobal } = intakeScopes(actor);
  return scope === null ? isGlobal : tenantIds.includes(scope);
}

/** SQL condition on a tenant_id column (sources, runs) for the scopes the actor sees. */
export function visibleScopeSql(actor: TActor, tenantColumn: AnyPgColumn): SQL {
  const { tenantIds, isGlobal } = intakeScopes(actor);
  const own = sql`${tenantColumn} = any(${uuidArray(tenantIds)}::uuid[])`;
  return isGlobal ? sql`(${tenantColumn} is null or ${own})` : own;
}

/**
 * May the actor import into `scope`? Global needs the platform permission; a tenant needs
 * patch:import there. A tenant the actor has no role in is not found, as if it did not exist.
 */
export function assertCanImport(actor: TActor, scope: TScope): void {
  if (actor.kind === 'system') return;
  if (scope === null) {
    if (!canPlatform(actor, 'patch:import:global'))
      throw new AppError('FORBIDDEN', 'Only platform users may import into the global catalogue. Choose one of your tenants.');
    return;
  }
  requireTenantAccess(actor, scope, 'patch:import', { forbidden: 'Your role does not allow importing advisories in this tenant.' });
}
