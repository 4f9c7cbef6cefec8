import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { autoApprovalRules } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, requirePermission, requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { AUTO_APPROVAL_SEVERITIES } from '@/lib/domain/patch-lifecycle';
import { AppError, parseInput } from '@/lib/errors';

export const ZCreateAutoApprovalRule = z.object({
  tenantId: z.string({ error: 'Pick a tenant.' }).uuid('Pick a tenant.'),
  name: z
    .string({ error: 'Name the rule.' })
    .trim()
    .min(1, 'Name the rule.')
    .max(80, 'Keep the name under 80 characters.')
    .regex(/^[\w .:()-]+$/, 'Use letters, digits, spaces and . : ( ) - _ in the name.'),
  minSeverity: z.enum(AUTO_APPROVAL_SEVERITIES, { error: 'Choose the lowest severity the rule approves.' }),
  // Blank must not silently become 0 days (see ZImpact): refuse it.
  afterDays: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
    z
      .number({ error: 'Days must be a whole number (0–365).' })
      .int('Days must be a whole number (0–365).')
      .min(0, 'Days must be a whole number (0–365).')
      .max(365, 'Days must be a whole number (0–365).'),
  ),
  requirePassedTest: z.boolean().default(true),
});
export type TCreateAutoApprovalRule = z.input<typeof ZCreateAutoApprovalRule>;

/**
 * An admin adds an auto-approval rule to a tenant's policy: patches at or above a severity that
 * passed testing there are authorised `afterDays` after the test run, unless a security user objects.
 */
export async function createAutoApprovalRule(db: TDb, actor: TActor, raw: TCreateAutoApprovalRule): Promise<{ ruleId: string }> {
  requirePermission(actor, 'policy:write');
  const input = parseInput(ZCreateAutoApprovalRule, raw, 'Invalid rule.');
  requireTenantAccess(actor, input.tenantId, 'policy:write');
  return db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: autoApprovalRules.id })
      .from(autoApprovalRules)
      .where(and(eq(autoApprovalRules.tenantId, input.tenantId), eq(autoApprovalRules.name, input.name)));
    if (dup) throw new AppError('CONFLICT', `This tenant already has a rule named "${input.name}".`, [{ field: 'name', message: 'Name already used' }]);
    const [row] = await tx
      .insert(autoApprovalRules)
      .values({ ...input, createdBy: actorUserId(actor) })
      .returning({ id: autoApprovalRules.id });
    await writeAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'autoapproval.rule.create',
      targetType: 'auto_approval_rule',
      targetId: row.id,
      after: input,
    });
    return { ruleId: row.id };
  });
}
