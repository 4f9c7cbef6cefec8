import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { patchDecisions, patches, rings, users } from '@/db/schema';
import { actorUserId, requirePermission, type TActor } from '@/lib/auth/permissions';
import { DECISION_KINDS } from '@/lib/domain/patch-lifecycle';
import { AppError, zodIssues } from '@/lib/errors';
import { assertDecisionAllowed, auditPerTenant } from './decision-rules';
import { assertFresh, loadPatchState, requireTenant } from './patch-state';

/**
 * Numbers typed into a form arrive as strings. `z.coerce.number()` would turn an empty field into 0
 * and so accept "no downtime given" as "no downtime": blank stays blank and is refused instead.
 */
const typedNumber = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v);

export const ZImpact = z.object({
  downtimeMinutes: z.preprocess(
    typedNumber,
    z
      .number({ error: 'Expected downtime must be a number of minutes (0 if none).' })
      .int('Expected downtime must be whole minutes.')
      .min(0, 'Expected downtime cannot be negative.')
      .max(525_600, 'Expected downtime cannot exceed a year.'),
  ),
  rebootRequired: z.boolean({ error: 'Say whether a reboot is required.' }),
  /** Vendor ids of patches that must be applied first, in that order. */
  dependencies: z.array(z.string().trim().min(1).max(120)).max(20, 'At most 20 dependencies.').default([]),
  /** Position of this patch in a rollout sequence, when it is one of several applied in order. */
  order: z.preprocess((v) => (v === undefined || v === '' ? null : typedNumber(v)), z.number({ error: 'Order must be a whole number from 1.' }).int('Order must be a whole number from 1.').min(1, 'Order must be a whole number from 1.').nullable()).default(null),
});
export type TImpact = z.output<typeof ZImpact>;

export const ZScope = z.object({
  tenantIds: z.array(z.string().uuid()).min(1, 'Choose at least one tenant the decision applies to.'),
  /** Empty = every ring of those tenants. */
  rings: z.array(z.string().trim().min(1).max(60)).default([]),
});

export const ZRequestDecision = z
  .object({
    patchId: z.string().uuid(),
    kind: z.enum(DECISION_KINDS, { error: 'Choose authorise, defer, reject or revoke.' }),
    justification: z.string({ error: 'A justification is required.' }).trim().min(1, 'A justification is required.').max(4000, 'Keep the justification under 4,000 characters.'),
    impact: ZImpact.optional(),
    scope: ZScope,
    deferredUntil: z.string().trim().nullish().transform((s) => s || null),
    isEmergency: z.boolean().default(false),
    emergencyReason: z.string().trim().max(4000).nullish().transform((s) => s || null),
    /** The patch_status version and content hash the page showed. */
    expectedVersion: z.number().int().min(0),
    expectedContentHash: z.string().min(1),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'authorise' && !d.impact) ctx.addIssue({ code: 'custom', path: ['impact', 'downtimeMinutes'], message: 'Authorising needs the expected downtime in minutes (0 if none).' });
    if (d.kind === 'defer' && !d.deferredUntil) ctx.addIssue({ code: 'custom', path: ['deferredUntil'], message: 'Choose the date until which the patch is deferred.' });
    if (d.isEmergency && d.kind !== 'authorise') ctx.addIssue({ code: 'custom', path: ['isEmergency'], message: 'Only an authorisation can be an emergency.' });
    if (d.isEmergency && !d.emergencyReason) ctx.addIssue({ code: 'custom', path: ['emergencyReason'], message: 'An emergency authorisation needs a written reason.' });
  });
export type TRequestDecision = z.input<typeof ZRequestDecision>;

/**
 * A security user asks for a decision on a patch (authorise, defer, reject, revoke) with its
 * justification, impact and scope. Nothing changes on the patch until another security user approves
 * (four eyes, approve-decision.ts). One request per patch is open at a time.
 */
export async function requestDecision(db: TDb, actor: TActor, raw: TRequestDecision, now = new Date()): Promise<{ decisionId: string }> {
  requirePermission(actor, 'patch:authorize');
  const parsed = ZRequestDecision.safeParse(raw);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error.issues);
    throw new AppError('VALIDATION', issues[0]?.message ?? 'Invalid decision request.', issues);
  }
  const input = parsed.data;
  const tenantIds = [...new Set(input.scope.tenantIds)];
  for (const t of tenantIds) requireTenant(actor, t, 'patch:authorize');
  return db.transaction(async (tx) => {
    const state = await loadPatchState(tx, input.patchId, now, { lock: true });
    assertFresh(state, { version: input.expectedVersion, contentHash: input.expectedContentHash });
    await assertScopeRings(tx, tenantIds, input.scope.rings);
    const impact = input.impact ? { ...input.impact, dependencies: await checkDependencies(tx, state.patch.vendorId, input.impact.dependencies) } : null;
    await assertDecisionAllowed(tx, state, { kind: input.kind, tenantIds, deferredUntil: input.deferredUntil, isEmergency: input.isEmergency, emergencyReason: input.emergencyReason }, now);
    const [open] = await tx
      .select({ kind: patchDecisions.kind, by: users.name })
      .from(patchDecisions)
      .leftJoin(users, eq(users.id, patchDecisions.requestedBy))
      .where(and(eq(patchDecisions.patchId, input.patchId), eq(patchDecisions.status, 'requested')));
    if (open) throw new AppError('CONFLICT', `A request to ${open.kind} this patch${open.by ? ` by ${open.by}` : ''} is already awaiting a second approver: approve or refuse it first.`);
    const [row] = await tx
      .insert(patchDecisions)
      .values({
        patchId: input.patchId,
        kind: input.kind,
        justification: input.justification,
        impact,
        scope: { tenantIds, rings: input.scope.rings },
        deferredUntil: input.kind === 'defer' ? input.deferredUntil : null,
        isEmergency: input.isEmergency,
        emergencyReason: input.isEmergency ? input.emergencyReason : null,
        patchVersion: state.version,
        patchContentHash: state.patch.contentHash,
        requestedBy: actorUserId(actor),
        requestedAt: now,
      })
      .returning({ id: patchDecisions.id });
    await auditPerTenant(
      tx,
      actor,
      tenantIds,
      {
        action: 'patch.decision.request',
        targetType: 'patch',
        targetId: input.patchId,
        after: { decisionId: row.id, kind: input.kind, status: state.status, version: state.version, justification: input.justification, impact, scope: { tenantIds, rings: input.scope.rings }, deferredUntil: input.deferredUntil, isEmergency: input.isEmergency },
      },
      now,
    );
    return { decisionId: row.id };
  });
}

/** Every ring named must exist in at least one tenant of the scope. */
async function assertScopeRings(tx: TDb, tenantIds: string[], ringNames: string[]): Promise<void> {
  if (ringNames.length === 0) return;
  const known = new Set((await tx.selectDistinct({ name: rings.name }).from(rings).where(inArray(rings.tenantId, tenantIds))).map((r) => r.name));
  const unknown = ringNames.filter((r) => !known.has(r));
  if (unknown.length) throw new AppError('VALIDATION', `Ring "${unknown[0]}" does not exist in the chosen tenants.`, [{ field: 'scope.rings', message: 'Unknown ring' }]);
}

/** Dependencies name other patches by vendor id; each must exist (and not be this patch). */
async function checkDependencies(tx: TDb, selfVendorId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.includes(selfVendorId)) throw new AppError('VALIDATION', 'A patch cannot depend on itself.', [{ field: 'impact.dependencies', message: 'Depends on itself' }]);
  if (unique.length === 0) return [];
  const found = new Set((await tx.select({ v: patches.vendorId }).from(patches).where(inArray(patches.vendorId, unique))).map((r) => r.v));
  const missing = unique.filter((d) => !found.has(d));
  if (missing.length) throw new AppError('VALIDATION', `Unknown dependency: no patch with vendor id ${missing.join(', ')}.`, [{ field: 'impact.dependencies', message: 'Unknown patch' }]);
  return unique;
}
