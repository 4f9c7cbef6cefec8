import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { blackouts } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { refreshTenantConflicts } from '@/lib/changes/replan-change';
import { requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

export const ZDeleteBlackout = z.object({ blackoutId: z.string().uuid() });

/** Lifts a blackout; the audit row keeps what it was. */
export async function deleteBlackout(db: TDb, actor: TActor, input: z.infer<typeof ZDeleteBlackout>) {
  let tenantId: string | null = null;
  const result = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(blackouts).where(eq(blackouts.id, input.blackoutId)).for('update');
    if (!row) throw new AppError('NOT_FOUND', 'Blackout not found.');
    requireTenantAccess(actor, row.tenantId, 'window:write', { notFound: 'Blackout not found.' });
    await tx.delete(blackouts).where(eq(blackouts.id, row.id));
    await writeAudit(tx, actor, {
      tenantId: row.tenantId,
      action: 'blackout.delete',
      targetType: 'blackout',
      targetId: row.id,
      before: { name: row.name, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), scope: row.scope, reason: row.reason },
    });
    tenantId = row.tenantId;
    return { deleted: true };
  });
  if (tenantId) await refreshTenantConflicts(db, tenantId);
  return result;
}
