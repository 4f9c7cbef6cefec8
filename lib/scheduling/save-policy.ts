import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { rings, tenantPolicies } from '@/db/schema';
import { diffFields, writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { ZPolicy, type TPolicy } from '@/lib/domain/policy';
import { AppError, parseInput, type TIssue } from '@/lib/errors';
import { effectivePolicy } from './tenant-policy';

export const ZSavePolicy = z.object({
  tenantId: z.string().uuid(),
  /** The version the editor loaded: 0 while the tenant runs on the default policy. */
  expectedVersion: z.number().int().min(0),
  policy: ZPolicy,
});
export type TSavePolicy = z.input<typeof ZSavePolicy>;

const STALE = 'Someone saved this policy after you opened it. Reload the page to see their changes, then make yours again.';

/**
 * Saves a tenant's policy. Every ring of the order and of a standard rule must be one of the tenant's rings. Optimistic
 * concurrency: the write only succeeds against the version the editor loaded, so two admins never
 * silently overwrite each other (a stale editor gets CONFLICT and reloads).
 */
export async function savePolicy(db: TDb, actor: TActor, raw: TSavePolicy): Promise<{ version: number; changed: boolean }> {
  const { tenantId, expectedVersion, policy } = parseInput(ZSavePolicy, raw, 'Invalid policy.');
  requireTenantAccess(actor, tenantId, 'policy:write');
  return db.transaction(async (tx) => {
    const ringNames = (await tx.select({ name: rings.name }).from(rings).where(eq(rings.tenantId, tenantId)).orderBy(rings.position)).map((r) => r.name);
    assertKnownRings(policy, ringNames);
    // Locks the row so a concurrent save waits and then sees the new version.
    const [current] = await tx.select().from(tenantPolicies).where(eq(tenantPolicies.tenantId, tenantId)).for('update');
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== expectedVersion) throw new AppError('CONFLICT', STALE);
    const before = effectivePolicy(current?.policy ?? null, ringNames);
    const { before: b, after: a } = diffFields(before as unknown as Record<string, unknown>, policy as unknown as Record<string, unknown>);
    if (current && Object.keys(a).length === 0) return { version: currentVersion, changed: false };

    const version = currentVersion + 1;
    const values = { policy: policy satisfies TPolicy, version, updatedAt: new Date(), updatedBy: actorUserId(actor) };
    const written = current
      ? await tx
          .update(tenantPolicies)
          .set(values)
          .where(and(eq(tenantPolicies.tenantId, tenantId), eq(tenantPolicies.version, currentVersion)))
          .returning({ version: tenantPolicies.version })
      : // Two first saves at once: the loser's insert finds the winner's row and writes nothing.
        await tx
          .insert(tenantPolicies)
          .values({ tenantId, ...values })
          .onConflictDoNothing()
          .returning({ version: tenantPolicies.version });
    if (written.length === 0) throw new AppError('CONFLICT', STALE);
    await writeAudit(tx, actor, {
      tenantId,
      action: 'policy.update',
      targetType: 'tenant_policy',
      targetId: tenantId,
      before: { version: currentVersion, isDefault: !current, ...b },
      after: { version, ...a },
    });
    return { version, changed: true };
  });
}

/**
 * Ring names are free text in the policy, so the tenant's rings are checked here. A standard rule naming
 * a ring the tenant lacks would pre-approve nothing there today, and silently pre-approve a ring created
 * later under that name: refused, with the rule's field named.
 */
function assertKnownRings(policy: TPolicy, ringNames: string[]): void {
  const issues: TIssue[] = [];
  const messages: string[] = [];
  const known = new Set(ringNames);
  const its = `(its rings: ${ringNames.join(', ') || 'none'})`;
  policy.rings.forEach((r, i) => {
    if (known.has(r.ring)) return;
    messages.push(`Ring "${r.ring}" does not exist in this tenant ${its}.`);
    issues.push({ field: `policy.rings.${i}.ring`, message: `Unknown ring "${r.ring}"` });
  });
  policy.changes.standardRules.forEach((rule, i) => {
    const unknown = rule.rings.filter((r) => !known.has(r));
    if (!unknown.length) return;
    messages.push(`Standard rule "${rule.name}" names ring "${unknown[0]}", which does not exist in this tenant ${its}.`);
    issues.push({
      field: `policy.changes.standardRules.${i}.rings`,
      message: `Unknown ring${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `"${r}"`).join(', ')}`,
    });
  });
  if (issues.length) throw new AppError('VALIDATION', messages[0], issues);
}
