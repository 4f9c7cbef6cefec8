import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { tenantContacts } from '@/db/schema';
import { diffFields, writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { AppError, parseInput } from '@/lib/errors';
import { requireTenantAdmin, requireTenantMember } from '@/lib/tracking/admin-guard';

const ZContactFields = z.object({
  tenantId: z.string().uuid(),
  name: z.string().trim().min(2, 'Give the contact a name.').max(120, 'The name is too long (120 characters at most).'),
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address.').max(254),
  /** A contact who is also a user gets in-app notifications; the user must hold a role in the tenant. */
  userId: z
    .string()
    .uuid()
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
  notifyApplicable: z.boolean().default(true),
  notifyChanges: z.boolean().default(true),
});

export const ZAddContact = ZContactFields;
export const ZEditContact = ZContactFields.extend({ contactId: z.string().uuid() });
export type TAddContact = z.input<typeof ZAddContact>;
export type TEditContact = z.input<typeof ZEditContact>;

async function assertUnique(tx: TDb, tenantId: string, email: string, exceptId?: string) {
  const [dup] = await tx
    .select({ id: tenantContacts.id })
    .from(tenantContacts)
    .where(and(eq(tenantContacts.tenantId, tenantId), eq(tenantContacts.email, email), exceptId ? ne(tenantContacts.id, exceptId) : undefined));
  if (dup) throw new AppError('CONFLICT', `${email} is already a contact of this tenant.`, [{ field: 'email', message: 'Already a contact' }]);
}

/** Adds a customer contact to a tenant: told about applicable patches and changes, as chosen. */
export async function addContact(db: TDb, actor: TActor, raw: TAddContact) {
  const input = parseInput(ZAddContact, raw, 'The contact is invalid; nothing was saved.');
  requireTenantAdmin(actor, input.tenantId);
  return db.transaction(async (tx) => {
    await assertUnique(tx, input.tenantId, input.email);
    if (input.userId) await requireTenantMember(tx, input.tenantId, input.userId);
    const [row] = await tx.insert(tenantContacts).values(input).returning();
    await writeAudit(tx, actor, { tenantId: input.tenantId, action: 'contact.add', targetType: 'tenant_contact', targetId: row.id, after: input });
    return { id: row.id };
  });
}

/** Edits a contact of the tenant; another tenant's contact is not found. */
export async function editContact(db: TDb, actor: TActor, raw: TEditContact) {
  const input = parseInput(ZEditContact, raw, 'The contact is invalid; nothing was saved.');
  requireTenantAdmin(actor, input.tenantId);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(tenantContacts)
      .where(and(eq(tenantContacts.id, input.contactId), eq(tenantContacts.tenantId, input.tenantId)))
      .for('update');
    if (!current) throw new AppError('NOT_FOUND', 'Contact not found.');
    await assertUnique(tx, input.tenantId, input.email, current.id);
    if (input.userId && input.userId !== current.userId) await requireTenantMember(tx, input.tenantId, input.userId);
    const { contactId: _id, tenantId: _t, ...changes } = input;
    const { before, after } = diffFields(current as unknown as Record<string, unknown>, changes as Record<string, unknown>);
    if (Object.keys(after).length === 0) return { id: current.id, changed: false };
    await tx.update(tenantContacts).set(changes).where(eq(tenantContacts.id, current.id));
    await writeAudit(tx, actor, { tenantId: input.tenantId, action: 'contact.edit', targetType: 'tenant_contact', targetId: current.id, before, after });
    return { id: current.id, changed: true };
  });
}
