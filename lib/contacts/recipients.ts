import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { memberships, tenantContacts } from '@/db/schema';

export type TContactRecipients = {
  /** Users to notify in-app, one per user however many contacts name them. */
  userIds: string[];
  /** The contact's own address for each of those users: their e-mail goes there, not to the account's. */
  emailOf: Map<string, string>;
  /** Addresses of contacts with no user account: told by e-mail only (when SMTP is configured). */
  externalEmails: string[];
  externalCount: number;
};

/**
 * The contacts of some tenants that asked for a kind of notice, per tenant. A contact's user must
 * still hold a role in the tenant (a revoked user is not told about the tenant's systems).
 */
export async function findContactRecipients(db: TDb, tenantIds: string[], wants: 'applicable' | 'changes'): Promise<Map<string, TContactRecipients>> {
  const out = new Map<string, TContactRecipients>();
  if (tenantIds.length === 0) return out;
  const flag = wants === 'applicable' ? tenantContacts.notifyApplicable : tenantContacts.notifyChanges;
  const rows = await db
    .select({
      tenantId: tenantContacts.tenantId,
      userId: tenantContacts.userId,
      email: tenantContacts.email,
      isMember: sql<boolean>`exists (select 1 from ${memberships} m where m.user_id = ${tenantContacts.userId} and m.tenant_id = ${tenantContacts.tenantId})`,
    })
    .from(tenantContacts)
    .where(and(inArray(tenantContacts.tenantId, tenantIds), eq(flag, true)));
  for (const r of rows) {
    const entry = out.get(r.tenantId) ?? { userIds: [], emailOf: new Map<string, string>(), externalEmails: [], externalCount: 0 };
    if (r.userId && r.isMember) {
      if (!entry.userIds.includes(r.userId)) entry.userIds.push(r.userId);
      if (!entry.emailOf.has(r.userId)) entry.emailOf.set(r.userId, r.email);
    } else if (!r.userId && !entry.externalEmails.includes(r.email)) {
      entry.externalEmails.push(r.email);
      entry.externalCount++;
    }
    out.set(r.tenantId, entry);
  }
  return out;
}
