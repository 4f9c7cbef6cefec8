import { and, count, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { notifications } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { ownNotifications } from './queries';

export const ZMarkNotificationsRead = z.union([
  z.object({ ids: z.array(z.string().uuid()).min(1, 'Select at least one notification').max(200, 'At most 200 notifications at once') }),
  z.object({ all: z.literal(true) }),
]);
export type TMarkNotificationsRead = z.infer<typeof ZMarkNotificationsRead>;

/**
 * Marks the actor's own notifications read: the ones named, or all unread. All or nothing: an id
 * that is not the actor's own (someone else's, a tenant they left, or no such row) refuses the whole
 * batch as NOT_FOUND, so another user's notification can neither be changed nor shown to exist.
 * Rows already read keep their first read time. One audit row per tenant touched, in the same
 * transaction: acknowledging a critical or KEV alert is part of the record.
 */
export async function markNotificationsRead(db: TDb, actor: TActor, input: TMarkNotificationsRead, now = new Date()) {
  const own = ownNotifications(actor);
  const ids = 'ids' in input ? [...new Set(input.ids)] : null;
  if (!own) {
    if (ids) throw new AppError('NOT_FOUND', 'Notification not found.');
    return { marked: 0 };
  }
  return db.transaction(async (tx) => {
    if (ids) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(notifications)
        .where(and(own, inArray(notifications.id, ids)));
      if (n !== ids.length) throw new AppError('NOT_FOUND', 'Notification not found.');
    }
    const marked = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(own, isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
      .returning({ id: notifications.id, tenantId: notifications.tenantId });
    const byTenant = new Map<string, string[]>();
    for (const r of marked) {
      const list = byTenant.get(r.tenantId);
      if (list) list.push(r.id);
      else byTenant.set(r.tenantId, [r.id]);
    }
    for (const [tenantId, markedIds] of byTenant) {
      await writeAudit(
        tx,
        actor,
        {
          tenantId,
          action: 'notification.read',
          targetType: 'notification',
          targetId: markedIds.length === 1 ? markedIds[0] : null,
          // "All" can be thousands of rows: the count says enough; named ids are at most 200.
          after: ids ? { count: markedIds.length, ids: markedIds } : { count: markedIds.length, all: true },
        },
        now,
      );
    }
    return { marked: marked.length };
  });
}
