import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applicabilityPairs, assets, rings, tenants, testResults, testRuns } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, requirePermission, requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { statusAfterTestStart } from '@/lib/domain/patch-lifecycle';
import { AppError, parseInput } from '@/lib/errors';
import { assertTransition, loadPatchState, writeStatus } from './patch-state';

export const TARGET_KINDS = ['ring', 'tag'] as const;

export const ZStartTestRun = z.object({
  patchId: z.string().uuid(),
  tenantId: z.string({ error: 'Pick a tenant.' }).uuid('Pick a tenant.'),
  targetKind: z.enum(TARGET_KINDS, { error: 'Choose a ring or a named test environment (tag).' }),
  target: z.string({ error: 'Pick a ring or a tag.' }).trim().min(1, 'Pick a ring or a tag.').max(60),
});
export type TStartTestRun = z.input<typeof ZStartTestRun>;

/** How a run's target is stored: `ring:test` or `tag:staging-eu`, so a ring and a tag never collide. */
export const formatTarget = (kind: (typeof TARGET_KINDS)[number], name: string) => `${kind}:${name}`;

/**
 * Starts a test run of a patch on one tenant's test ring or named test environment (assets carrying
 * a tag): every asset there on which the patch applies (missing or installed) gets a pending result.
 * The patch moves to in_testing in that tenant only (an authorised patch under review keeps its
 * status); other tenants' lifecycles are untouched.
 */
export async function startTestRun(db: TDb, actor: TActor, raw: TStartTestRun, now = new Date()): Promise<{ runId: string; assets: number; status: string }> {
  requirePermission(actor, 'patch:test');
  const input = parseInput(ZStartTestRun, raw, 'Invalid test run.');
  requireTenantAccess(actor, input.tenantId, 'patch:test');
  return db.transaction(async (tx) => {
    const state = await loadPatchState(tx, input.patchId, input.tenantId, now, { lock: true });
    const to = statusAfterTestStart(state.status, state.needsReview);
    assertTransition(state, to);
    const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, input.tenantId));
    const where = [
      eq(applicabilityPairs.patchId, input.patchId),
      eq(applicabilityPairs.tenantId, input.tenantId),
      inArray(applicabilityPairs.state, ['missing', 'installed']),
      ne(assets.lifecycle, 'decommissioned'),
    ];
    if (input.targetKind === 'ring') {
      const [ring] = await tx
        .select({ id: rings.id })
        .from(rings)
        .where(and(eq(rings.tenantId, input.tenantId), eq(rings.name, input.target)));
      if (!ring) throw new AppError('VALIDATION', `${tenant.name} has no ring "${input.target}".`, [{ field: 'target', message: 'Unknown ring' }]);
      where.push(eq(assets.ringId, ring.id));
    } else {
      where.push(sql`${assets.tags} @> array[${input.target}]::text[]`);
    }
    const targets = await tx
      .select({ assetId: assets.id })
      .from(applicabilityPairs)
      .innerJoin(assets, eq(assets.id, applicabilityPairs.assetId))
      .where(and(...where))
      .orderBy(assets.name);
    if (targets.length === 0) {
      const where_ = input.targetKind === 'ring' ? `ring "${input.target}"` : `test environment (tag) "${input.target}"`;
      throw new AppError('VALIDATION', `No asset of ${tenant.name} in ${where_} has this patch applicable (missing or installed). Pick another ring or tag.`, [
        { field: 'target', message: 'No applicable asset there' },
      ]);
    }
    const target = formatTarget(input.targetKind, input.target);
    const [run] = await tx
      .insert(testRuns)
      .values({
        patchId: input.patchId,
        tenantId: input.tenantId,
        target,
        patchContentHash: state.patch.contentHash,
        createdBy: actorUserId(actor),
        createdAt: now,
      })
      .returning({ id: testRuns.id });
    await tx.insert(testResults).values(targets.map((t) => ({ runId: run.id, assetId: t.assetId, tenantId: input.tenantId })));
    // A second run of a patch already in testing changes evidence, not the decision state: no version bump.
    if (to !== state.stored) await writeStatus(tx, state, { status: to }, now);
    await writeAudit(
      tx,
      actor,
      {
        tenantId: input.tenantId,
        action: 'patch.test.start',
        targetType: 'patch',
        targetId: input.patchId,
        before: { status: state.status },
        after: { status: to, runId: run.id, target, assets: targets.length, contentHash: state.patch.contentHash },
      },
      now,
    );
    return { runId: run.id, assets: targets.length, status: to };
  });
}
