import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { autoApprovalRules } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { requirePermission, requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

export const ZSetAutoApprovalRuleEnabled = z.object({ ruleId: z.string().uuid(), isEnabled: z.boolean() });

/** Switches a rule on or off (rules are kept, not deleted: past decisions name them). */
export async function setAutoApprovalRuleEnabled(db: TDb, actor: TActor, input: z.infer<typeof ZSetAutoApprovalRuleEnabled>): Promise<{ changed: boolean }> {
  requirePermission(actor, 'policy:write');
  return db.transaction(async (tx) => {
    const [rule] = await tx.select().from(autoApprovalRules).where(eq(autoApprovalRules.id, input.ruleId)).for('update');
    if (!rule) throw new AppError('NOT_FOUND', 'Rule not found.');
    requireTenantAccess(actor, rule.tenantId, 'policy:write', { notFound: 'Rule not found.' });
    if (rule.isEnabled === input.isEnabled) return { changed: false };
    await tx.update(autoApprovalRules).set({ isEnabled: input.isEnabled }).where(eq(autoApprovalRules.id, rule.id));
    await writeAudit(tx, actor, {
      tenantId: rule.tenantId,
      action: 'autoapproval.rule.update',
      targetType: 'auto_approval_rule',
      targetId: rule.id,
      before: { isEnabled: rule.isEnabled },
      after: { isEnabled: input.isEnabled },
    });
    return { changed: true };
  });
}
