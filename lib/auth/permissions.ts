import type { platformRoleEnum } from '@/db/schema/users';
import type { TRole } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';

/** Every permission the app checks. Object rules (owner of this application, requester ≠ approver) live in use-cases. */
export const PERMISSIONS = [
  'asset:read',
  'asset:write',
  'asset:bulk',
  'inventory:import',
  'agent:manage',
  'audit:read',
  'tenant:admin',
  'user:admin',
  'patch:read',
  'patch:import',
  'patch:test',
  'patch:authorize',
  'policy:write',
  'window:write',
  'schedule:read',
  'change:read',
  'change:request',
  'change:operate',
  'change:comment',
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const READ_ALL: TPermission[] = ['asset:read', 'patch:read', 'schedule:read', 'change:read'];

/** The permission map, per role within one tenant. */
export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  admin: PERMISSIONS,
  security: [...READ_ALL, 'patch:import', 'patch:test', 'patch:authorize', 'audit:read', 'change:request', 'change:comment'],
  // app owners edit only their own applications' assets, and approve only their own applications' changes: checked in the use-case.
  app_owner: [...READ_ALL, 'asset:write', 'inventory:import', 'change:comment'],
  operator: [
    ...READ_ALL,
    'asset:write',
    'asset:bulk',
    'inventory:import',
    'agent:manage',
    'window:write',
    'change:request',
    'change:operate',
    'change:comment',
  ],
  manager: [...READ_ALL, 'change:comment'],
  auditor: [...READ_ALL, 'audit:read'],
};

export type TMembership = { tenantId: string; tenantSlug: string; tenantName: string; role: TRole };

/**
 * Roles above every tenant, held on the user (users.platform_role), not per membership. Tenant roles
 * never grant these: a tenant admin is not a platform user.
 */
export type TPlatformRole = (typeof platformRoleEnum.enumValues)[number];
/** 'patch:import:global' — create global advisory sources and import into the catalogue every tenant shares. */
export const PLATFORM_PERMISSIONS = ['patch:import:global'] as const;
export type TPlatformPermission = (typeof PLATFORM_PERMISSIONS)[number];
export const PLATFORM_ROLE_PERMISSIONS: Record<TPlatformRole, readonly TPlatformPermission[]> = {
  catalogue_admin: PLATFORM_PERMISSIONS,
};

export type TActor =
  | { kind: 'user'; userId: string; email: string; name: string; memberships: TMembership[]; platformRole?: TPlatformRole | null }
  | { kind: 'agent'; agentId: string; tenantId: string; assetId: string }
  | { kind: 'system'; label: string };

export function roleHas(role: TRole, permission: TPermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Tenant ids in which the actor holds `permission`. Every tenant-scoped query filters by these. */
export function tenantsWith(actor: TActor, permission: TPermission): string[] {
  if (actor.kind !== 'user') return [];
  const ids = new Set<string>();
  for (const m of actor.memberships) if (roleHas(m.role, permission)) ids.add(m.tenantId);
  return [...ids];
}

export function can(actor: TActor, permission: TPermission, tenantId?: string): boolean {
  const ids = tenantsWith(actor, permission);
  return tenantId === undefined ? ids.length > 0 : ids.includes(tenantId);
}

/** A platform permission: held through the user's platform role; system actors (scheduled jobs, scripts) hold them too. */
export function canPlatform(actor: TActor, permission: TPlatformPermission): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'user' && !!actor.platformRole && PLATFORM_ROLE_PERMISSIONS[actor.platformRole].includes(permission);
}

/** A tenant's name as the actor's session knows it (no query); undefined outside their tenants. */
export function actorTenantName(actor: TActor, tenantId: string): string | undefined {
  return actor.kind === 'user' ? actor.memberships.find((m) => m.tenantId === tenantId)?.tenantName : undefined;
}

/** Roles the actor holds in a tenant. */
export function rolesIn(actor: TActor, tenantId: string): TRole[] {
  return actor.kind === 'user' ? actor.memberships.filter((m) => m.tenantId === tenantId).map((m) => m.role) : [];
}

export function requirePermission(actor: TActor, permission: TPermission, tenantId?: string): void {
  if (!can(actor, permission, tenantId)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this action in this tenant.');
  }
}

/**
 * Tenants are walls: a tenant the actor holds no role in reads as NOT_FOUND, so its existence does not leak;
 * a tenant it sees without `permission` is FORBIDDEN. For an object (a window, a rule), pass its tenant and the
 * object's own not-found message, so a foreign object and a missing one answer alike.
 */
export function requireTenantAccess(actor: TActor, tenantId: string, permission: TPermission, messages: { notFound?: string; forbidden?: string } = {}): void {
  if (rolesIn(actor, tenantId).length === 0) throw new AppError('NOT_FOUND', messages.notFound ?? 'Tenant not found.');
  if (!can(actor, permission, tenantId)) throw new AppError('FORBIDDEN', messages.forbidden ?? 'Your role does not allow this action in this tenant.');
}

export function actorLabel(actor: TActor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'agent') return `agent:${actor.agentId}`;
  return `system:${actor.label}`;
}

export function actorUserId(actor: TActor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}
