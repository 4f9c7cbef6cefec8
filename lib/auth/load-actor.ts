import { eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { memberships, tenants, users } from '@/db/schema';
import type { TActor } from '@/lib/auth/permissions';

/** The same actor shape the session builds, loaded for a user id (tests and scripts). */
export async function loadActorFromDb(db: TDb, userId: string): Promise<TActor> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  const rows = await db
    .select({ tenantId: memberships.tenantId, role: memberships.role, tenantSlug: tenants.slug, tenantName: tenants.name })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId));
  return { kind: 'user', userId: user.id, email: user.email, name: user.name, memberships: rows, platformRole: user.platformRole };
}
