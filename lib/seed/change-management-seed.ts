import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { applications, memberships, resolverGroups, tenants, users } from '@/db/schema';
import { loadActorFromDb } from '@/lib/auth/load-actor';
import { addContact } from '@/lib/contacts/save-contact';
import { addCabMember } from '@/lib/tracking/cab-members';
import { createResolverGroup } from '@/lib/tracking/create-resolver-group';
import { syncTracking, type TTrackingSyncResult } from '@/lib/tracking/sync-tracking';

/** Applications per tenant that get a resolver group in the demo (the others are worked by their owner). */
const GROUPS_PER_TENANT = 3;

/**
 * The demo's tracking side, through the real use-cases (so it is audited like an admin's work): a
 * resolver group for the first applications of each tenant (their owner and one more member), the
 * tenant's security staff on its CAB, two contacts per tenant (the manager, who is a user, and an
 * external one), then a synchronisation of every tenant so the demo has tracking records. Runs once:
 * with resolver groups already there it does nothing.
 */
export async function seedChangeManagementDemo(db: TDb): Promise<{ groups: number; cab: number; contacts: number; tracking: TTrackingSyncResult }> {
  // Once only: seedDemo calls it, and a second call (a test, a re-run) finds the groups there.
  const [seeded] = await db.select({ id: resolverGroups.id }).from(resolverGroups).limit(1);
  if (seeded) return { groups: 0, cab: 0, contacts: 0, tracking: { opened: 0, reopened: 0, refreshed: 0, closed: 0 } };
  const [adminUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@patchward.demo'));
  if (!adminUser) throw new Error('seedChangeManagementDemo: the demo admin is missing; seed the fleet first');
  const admin = await loadActorFromDb(db, adminUser.id);
  const tenantRows = await db.select({ id: tenants.id, slug: tenants.slug, name: tenants.name }).from(tenants).orderBy(tenants.slug);
  let groups = 0;
  let cab = 0;
  let contacts = 0;
  for (const tenant of tenantRows) {
    const apps = await db
      .select({ id: applications.id, name: applications.name, ownerId: applications.ownerId })
      .from(applications)
      .where(and(eq(applications.tenantId, tenant.id), isNotNull(applications.ownerId)))
      .orderBy(asc(applications.slug));
    const owners = [...new Set(apps.map((a) => a.ownerId as string))];
    for (const [i, app] of apps.slice(0, GROUPS_PER_TENANT).entries()) {
      // The owner and the next application's owner (or the owner alone when the tenant has one).
      const other = owners.find((o, j) => o !== app.ownerId && j >= i) ?? owners.find((o) => o !== app.ownerId);
      await createResolverGroup(db, admin, {
        tenantId: tenant.id,
        applicationId: app.id,
        name: `${app.name} resolvers`,
        memberIds: [app.ownerId as string, ...(other ? [other] : [])],
      });
      groups++;
    }
    const security = await db
      .selectDistinct({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.role, 'security')));
    for (const s of security) {
      await addCabMember(db, admin, { tenantId: tenant.id, userId: s.userId });
      cab++;
    }
    const [manager] = await db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, tenant.id)))
      .where(inArray(users.email, ['manager@patchward.demo']));
    if (manager) {
      await addContact(db, admin, { tenantId: tenant.id, name: manager.name, email: manager.email, userId: manager.id });
      contacts++;
    }
    await addContact(db, admin, {
      tenantId: tenant.id,
      name: `${tenant.name} IT service desk`,
      email: `servicedesk@${tenant.slug}.example`,
      userId: null,
      notifyApplicable: true,
      notifyChanges: true,
    });
    contacts++;
  }
  const tracking = await syncTracking(db, { tenantIds: tenantRows.map((t) => t.id) });
  return { groups, cab, contacts, tracking };
}
