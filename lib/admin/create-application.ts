import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applications, memberships } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { CRITICALITY_TIERS } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';

export const ZCreateApplication = z.object({
  tenantId: z.string().uuid(),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and dashes'),
  name: z.string().trim().min(2, 'Name is required').max(120),
  ownerId: z.string().uuid().nullable(),
  criticality: z.enum(CRITICALITY_TIERS).default('tier2'),
});

/** Adds an application to a tenant; its owner must be a member of that tenant. */
export async function createApplication(db: TDb, actor: TActor, input: z.infer<typeof ZCreateApplication>) {
  requireTenantAccess(actor, input.tenantId, 'tenant:admin');
  return db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.tenantId, input.tenantId), eq(applications.slug, input.slug)));
    if (dup) throw new AppError('CONFLICT', `An application "${input.slug}" already exists in this tenant.`, [{ field: 'slug', message: 'Slug already used' }]);
    if (input.ownerId) {
      const [member] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, input.ownerId), eq(memberships.tenantId, input.tenantId)));
      if (!member) throw new AppError('VALIDATION', 'The owner must be a member of this tenant.', [{ field: 'ownerId', message: 'Not a member' }]);
    }
    const [app] = await tx.insert(applications).values(input).returning();
    await writeAudit(tx, actor, { tenantId: input.tenantId, action: 'application.create', targetType: 'application', targetId: app.id, after: input });
    return app;
  });
}
