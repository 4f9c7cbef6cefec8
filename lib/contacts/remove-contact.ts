import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { tenantContacts } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { AppError, parseInput } from '@/lib/errors';
import { requireTenantAdmin } from '@/lib/tracking/admin-guard';

export const ZRemoveContact = z.object({ tenantId: z.string().uuid(), contactId: z.string().uuid() });

/** Removes a contact of the tenant; they are told nothing more. */
export async function removeContact(db: TDb, actor: TActor, raw: z.input<typeof ZRemoveContact>) {
  const input = parseInput(ZRemoveContact, raw);
  requireTenantAdmin(actor, input.tenantId);
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(tenantContacts)
      .where(and(eq(tenantContacts.id, input.contactId), eq(tenantContacts.tenantId, input.tenantId)))
      .returning();
    if (!gone) throw new AppError('NOT_FOUND', 'Contact not found.');
    await writeAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'contact.remove',
      targetType: 'tenant_contact',
      targetId: gone.id,
      before: { name: gone.name, email: gone.email, userId: gone.userId },
    });
    return { removed: true };
  });
}
