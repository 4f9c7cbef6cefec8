import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { notifications, tenants } from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';
import { likePattern, listQuerySchema } from '@/lib/list-query';

/** E-mail delivery states of a notification; `in-app` is a null `emailStatus` (no SMTP configured). */
export const NOTIFICATION_EMAIL_STATES = ['queued', 'sending', 'sent', 'failed', 'in-app'] as const;

const NOTIFICATION_SORTS = ['created', 'subject'] as const;
const listQuery = listQuerySchema(NOTIFICATION_SORTS, 'created');
export const ZNotificationListQuery = listQuery.extend({
  // Newest first unless the URL asks for another valid order, so the arrow on Created tells the truth.
  sort: listQuery.shape.sort.unwrap().catch({ id: 'created', desc: true }),
  tenant: z.string().uuid().optional().catch(undefined),
  state: z.enum(['unread', 'read']).optional().catch(undefined),
  email: z.enum(NOTIFICATION_EMAIL_STATES).optional().catch(undefined),
});
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>;

/**
 * Where the actor's own notifications are: addressed to them, in tenants they are still a member of
 * (a notification from a tenant they have left stays hidden, and cannot be marked either). Null for
 * an actor that has none (not a user, or no tenant).
 */
export function ownNotifications(actor: TActor): SQL | null {
  const tenantIds = tenantsWith(actor, 'patch:read');
  if (actor.kind !== 'user' || tenantIds.length === 0) return null;
  return and(eq(notifications.recipientId, actor.userId), inArray(notifications.tenantId, tenantIds)) as SQL;
}

/**
 * The actor's notifications with their tenant's name, filtered, sorted and paged in SQL; plus the
 * tenants to filter by and, over all of the actor's notifications (filters aside), how many there are
 * and how many are unread — so the page can tell "nothing yet" from "nothing matches".
 */
export async function findNotifications(db: TDb, actor: TActor, query: TNotificationListQuery) {
  const own = ownNotifications(actor);
  const tenantOptions = memberTenants(actor);
  if (!own) return { rows: [], total: 0, page: query.page, size: query.size, unread: 0, all: 0, tenants: tenantOptions };
  const where: SQL[] = [own];
  if (query.tenant) where.push(eq(notifications.tenantId, query.tenant));
  if (query.state) where.push(query.state === 'unread' ? isNull(notifications.readAt) : sql`${notifications.readAt} is not null`);
  if (query.email) where.push(query.email === 'in-app' ? isNull(notifications.emailStatus) : eq(notifications.emailStatus, query.email));
  if (query.q) {
    const p = likePattern(query.q);
    where.push(or(ilike(notifications.subject, p), ilike(notifications.body, p)) as SQL);
  }
  const cond = and(...where);
  const col = { created: notifications.createdAt, subject: notifications.subject }[query.sort.id];
  const [rows, [{ total }], [counts]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        tenantId: notifications.tenantId,
        tenantName: tenants.name,
        kind: notifications.kind,
        subject: notifications.subject,
        body: notifications.body,
        patchId: notifications.patchId,
        emailStatus: notifications.emailStatus,
        emailAttempts: notifications.emailAttempts,
        emailError: notifications.emailError,
        sentAt: notifications.sentAt,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .innerJoin(tenants, eq(tenants.id, notifications.tenantId))
      .where(cond)
      .orderBy(query.sort.desc ? desc(col) : asc(col), desc(notifications.createdAt), asc(tenants.name), asc(notifications.id))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(notifications).where(cond),
    db
      .select({ all: count(), unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int` })
      .from(notifications)
      .where(own),
  ]);
  return { rows, total, page: query.page, size: query.size, unread: counts.unread, all: counts.all, tenants: tenantOptions };
}

/** Unread notifications of the actor (for the navigation badge). */
export async function countUnreadNotifications(db: TDb, actor: TActor): Promise<number> {
  const own = ownNotifications(actor);
  if (!own) return 0;
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(own, isNull(notifications.readAt)));
  return n;
}

/** The tenants the actor's notifications can come from, by name, for the tenant filter. */
function memberTenants(actor: TActor): { id: string; name: string }[] {
  if (actor.kind !== 'user') return [];
  const ids = new Set(tenantsWith(actor, 'patch:read'));
  const byId = new Map(actor.memberships.filter((m) => ids.has(m.tenantId)).map((m) => [m.tenantId, m.tenantName]));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
