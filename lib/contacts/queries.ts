import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { tenantContacts, users } from '@/db/schema';
import type { TActor } from '@/lib/auth/permissions';
import { likePattern, listQuerySchema, type TPage } from '@/lib/list-query';
import { requireTenantAdmin } from '@/lib/tracking/admin-guard';

export const ZContactListQuery = listQuerySchema(['name', 'email', 'created'] as const, 'name').extend({
  account: z.enum(['user', 'external']).optional().catch(undefined),
  notifies: z.enum(['applicable', 'changes', 'nothing']).optional().catch(undefined),
});
export type TContactListQuery = z.infer<typeof ZContactListQuery>;

export type TContactRow = {
  id: string;
  name: string;
  email: string;
  userId: string | null;
  userName: string | null;
  notifyApplicable: boolean;
  notifyChanges: boolean;
  createdAt: Date;
};

/** The tenant's contacts, paged, sorted and filtered (account kind, what they are told, name or e-mail). */
export async function findContacts(db: TDb, actor: TActor, tenantId: string, query: TContactListQuery): Promise<TPage<TContactRow>> {
  requireTenantAdmin(actor, tenantId);
  const where: SQL[] = [eq(tenantContacts.tenantId, tenantId)];
  if (query.account) where.push(query.account === 'user' ? isNotNull(tenantContacts.userId) : isNull(tenantContacts.userId));
  if (query.notifies === 'applicable') where.push(eq(tenantContacts.notifyApplicable, true));
  if (query.notifies === 'changes') where.push(eq(tenantContacts.notifyChanges, true));
  if (query.notifies === 'nothing') where.push(eq(tenantContacts.notifyApplicable, false), eq(tenantContacts.notifyChanges, false));
  if (query.q) where.push(or(ilike(tenantContacts.name, likePattern(query.q)), ilike(tenantContacts.email, likePattern(query.q))) as SQL);
  const cond = and(...where);
  const col = { name: tenantContacts.name, email: tenantContacts.email, created: tenantContacts.createdAt }[query.sort.id];
  // Newest first when "ascending", like the other date columns.
  const isDesc = query.sort.id === 'created' ? !query.sort.desc : query.sort.desc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: tenantContacts.id,
        name: tenantContacts.name,
        email: tenantContacts.email,
        userId: tenantContacts.userId,
        userName: users.name,
        notifyApplicable: tenantContacts.notifyApplicable,
        notifyChanges: tenantContacts.notifyChanges,
        createdAt: tenantContacts.createdAt,
      })
      .from(tenantContacts)
      .leftJoin(users, eq(users.id, tenantContacts.userId))
      .where(cond)
      .orderBy(isDesc ? desc(col) : asc(col), asc(tenantContacts.email))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(tenantContacts).where(cond),
  ]);
  return { rows, total, page: query.page, size: query.size };
}
