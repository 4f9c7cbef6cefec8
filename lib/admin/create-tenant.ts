import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { memberships, rings, tenants } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { requirePermission, type TActor } from '@/lib/auth/permissions';
import { AppError, parseInput } from '@/lib/errors';

export const DEFAULT_RINGS = ['test', 'dev', 'prod'] as const;

export const ZCreateTenant = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and dashes'),
  name: z.string().trim().min(2).max(120),
  rings: z
    .array(z.string().trim().min(1).max(40))
    .min(1)
    .max(10)
    .default([...DEFAULT_RINGS]),
});

/**
 * Creates a tenant with its ordered rings. Callers check who may do this: platform setup (CLI) or
 * an admin. Runs inside the caller's transaction.
 */
export async function createTenant(tx: TDb, actor: TActor, raw: z.input<typeof ZCreateTenant>) {
  const input = parseInput(ZCreateTenant, raw, 'Invalid tenant.');
  const [dup] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug));
  if (dup) throw new AppError('CONFLICT', `A tenant with the slug "${input.slug}" already exists.`, [{ field: 'slug', message: 'Slug already used' }]);
  if (new Set(input.rings).size !== input.rings.length)
    throw new AppError('VALIDATION', 'Ring names must be unique.', [{ field: 'rings', message: 'Duplicate ring' }]);
  const [tenant] = await tx.insert(tenants).values({ slug: input.slug, name: input.name }).returning();
  await tx.insert(rings).values(input.rings.map((name, position) => ({ tenantId: tenant.id, name, position })));
  await writeAudit(tx, actor, { tenantId: tenant.id, action: 'tenant.create', targetType: 'tenant', targetId: tenant.id, after: input });
  return tenant;
}

/** An admin (of any tenant) creates a customer tenant, a provider-level act, and becomes its admin in the same transaction. */
export async function createTenantAsAdmin(db: TDb, actor: TActor, raw: z.input<typeof ZCreateTenant>) {
  requirePermission(actor, 'tenant:admin');
  return db.transaction(async (tx) => {
    const tenant = await createTenant(tx, actor, raw);
    if (actor.kind === 'user') await tx.insert(memberships).values({ userId: actor.userId, tenantId: tenant.id, role: 'admin' });
    return tenant;
  });
}
