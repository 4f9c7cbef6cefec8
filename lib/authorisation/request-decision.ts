import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { patchDecisions, patches, rings, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, requirePermission, requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { DECISION_KINDS } from '@/lib/domain/patch-lifecycle';
import { TIME_MODES } from '@/lib/domain/policy';
import { AppError, parseInput } from '@/lib/errors';
import { isPatchVisible } from '@/lib/intake/scope';
import { assertDecisionAllowed } from './decision-rules';
import { actorName, tenantNameOf } from './load-decision';
import { notifyAwaitingApproval } from './notify-decision';
import { assertFresh, loadTenantState, STALE_PATCH } from './patch-state';

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
  order: z
    .preprocess(
      (v) => (v === undefined || v === '' ? null : typedNumber(v)),
      z
        .number({ error: 'Order must be a whole number from 1.' })
        .int('Order must be a whole number from 1.')
        .min(1, 'Order must be a whole number from 1.')
        .nullable(),
    )
    .default(null),
});
export type TImpact = z.output<typeof ZImpact>;

export const ZScope = z.object({
  /** Nothing is ticked for the user: each tenant is chosen on purpose. */
  tenantIds: z.array(z.string().uuid()).min(1, 'Choose at least one tenant the decision applies to.').max(200),
  /** Empty = every ring of those tenants. */
  rings: z.array(z.string().trim().min(1).max(60)).default([]),
});

const ZReason = z.string().trim().max(4000, 'Keep each emergency reason under 4,000 characters.');

export const ZRequestDecision = z
  .object({
    patchId: z.string().uuid(),
    kind: z.enum(DECISION_KINDS, { error: 'Choose authorise, defer, reject or revoke.' }),
    justification: z
      .string({ error: 'A justification is required.' })
      .trim()
      .min(1, 'A justification is required.')
      .max(4000, 'Keep the justification under 4,000 characters.'),
    impact: ZImpact.optional(),
    scope: ZScope,
    deferredUntil: z
      .string()
      .trim()
      .nullish()
      .transform((s) => s || null),
    isEmergency: z.boolean().default(false),
    /**
     * How the changes carrying this patch are timed: the same local time on every asset, or one instant
     * (no mixed versions). Empty = the tenant policy's default, read when the change is made, not now.
     */
    timeMode: z
      .enum([...TIME_MODES, ''], { error: 'Time mode must be local or absolute (or empty for the tenant’s default).' })
      .nullish()
      .transform((m) => m || null),
    /** Per tenant: an emergency covers a tenant only with that tenant's own written reason. */
    emergencyReasons: z.record(z.string().uuid(), ZReason).default({}),
    /** Per tenant: the status version the page showed (0 = no status yet). */
    expectedVersions: z.record(z.string().uuid(), z.number().int().min(0)),
    expectedContentHash: z.string().min(1),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'authorise' && !d.impact)
      ctx.addIssue({ code: 'custom', path: ['impact', 'downtimeMinutes'], message: 'Authorising needs the expected downtime in minutes (0 if none).' });
    if (d.kind === 'defer' && !d.deferredUntil)
      ctx.addIssue({ code: 'custom', path: ['deferredUntil'], message: 'Choose the date until which the patch is deferred.' });
    if (d.timeMode && d.kind !== 'authorise') ctx.addIssue({ code: 'custom', path: ['timeMode'], message: 'Only an authorisation has a time mode.' });
    if (d.isEmergency && d.kind !== 'authorise') ctx.addIssue({ code: 'custom', path: ['isEmergency'], message: 'Only an authorisation can be an emergency.' });
    if (d.isEmergency) {
      for (const t of d.scope.tenantIds) {
        if (!d.emergencyReasons[t]) ctx.addIssue({ code: 'custom', path: ['emergencyReasons', t], message: 'Write this tenant’s reason for the emergency.' });
      }
    }
  });
export type TRequestDecision = z.input<typeof ZRequestDecision>;

/**
 * A security user asks for a decision on a patch (authorise, defer, reject, revoke) with its
 * justification, impact and scope, for one or several of their tenants. Each tenant decides for
 * itself: the request is one row per tenant, each checked against that tenant's own status, its own
 * passed test run (or its own emergency reason) and its own pending request; one failing tenant
 * refuses the whole request and writes nothing. Nothing changes until another security user approves
 * (four eyes, approve-decision.ts). Each tenant's other security users are notified.
 */
export async function requestDecision(db: TDb, actor: TActor, raw: TRequestDecision, now = new Date()): Promise<{ decisionId: string; decisionIds: string[] }> {
  requirePermission(actor, 'patch:authorize');
  const input = parseInput(ZRequestDecision, raw, 'Invalid decision request.');
  const tenantIds = [...new Set(input.scope.tenantIds)].sort();
  for (const t of tenantIds) requireTenantAccess(actor, t, 'patch:authorize');
  // With several tenants, a refusal says which one it concerns.
  const inTenant = async <T>(t: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof AppError && tenantIds.length > 1) throw new AppError(e.code, `${tenantNameOf(actor, t)}: ${e.message}`, e.issues);
      throw e;
    }
  };
  return db.transaction(async (tx) => {
    const [patch] = await tx.select().from(patches).where(eq(patches.id, input.patchId)).for('update');
    // A private advisory exists only for its own tenant: every tenant of the request must see it.
    if (!patch || !tenantIds.every((t) => isPatchVisible(patch, [t]))) throw new AppError('NOT_FOUND', 'Patch not found.');
    const impact = input.impact ? { ...input.impact, dependencies: await checkDependencies(tx, patch.vendorId, input.impact.dependencies) } : null;
    const groupId = randomUUID();
    const ids: string[] = [];
    for (const tenantId of tenantIds) {
      await inTenant(tenantId, async () => {
        const state = await loadTenantState(tx, patch, tenantId, now, { lock: true });
        const expected = input.expectedVersions[tenantId];
        if (expected === undefined) throw new AppError('CONFLICT', STALE_PATCH);
        assertFresh(state, { version: expected, contentHash: input.expectedContentHash });
        await assertScopeRings(tx, tenantId, input.scope.rings);
        const emergencyReason = input.isEmergency ? (input.emergencyReasons[tenantId] ?? null) : null;
        await assertDecisionAllowed(tx, state, { kind: input.kind, deferredUntil: input.deferredUntil, isEmergency: input.isEmergency, emergencyReason }, now);
        const [open] = await tx
          .select({ kind: patchDecisions.kind, by: users.name })
          .from(patchDecisions)
          .leftJoin(users, eq(users.id, patchDecisions.requestedBy))
          .where(and(eq(patchDecisions.tenantId, tenantId), eq(patchDecisions.patchId, input.patchId), eq(patchDecisions.status, 'requested')));
        if (open)
          throw new AppError(
            'CONFLICT',
            `A request to ${open.kind} this patch${open.by ? ` by ${open.by}` : ''} is already awaiting a second approver: approve or refuse it first.`,
          );
        const id = ids.length === 0 ? groupId : randomUUID();
        await tx.insert(patchDecisions).values({
          id,
          patchId: input.patchId,
          tenantId,
          requestGroupId: groupId,
          kind: input.kind,
          justification: input.justification,
          impact,
          scope: { rings: input.scope.rings },
          deferredUntil: input.kind === 'defer' ? input.deferredUntil : null,
          isEmergency: input.isEmergency,
          timeMode: input.timeMode,
          emergencyReason,
          patchVersion: state.version,
          patchContentHash: patch.contentHash,
          requestedBy: actorUserId(actor),
          requestedAt: now,
        });
        ids.push(id);
        await writeAudit(
          tx,
          actor,
          {
            tenantId,
            action: 'patch.decision.request',
            targetType: 'patch',
            targetId: input.patchId,
            after: {
              decisionId: id,
              kind: input.kind,
              status: state.status,
              justification: input.justification,
              impact,
              rings: input.scope.rings,
              deferredUntil: input.deferredUntil,
              isEmergency: input.isEmergency,
              emergencyReason,
              timeMode: input.timeMode,
            },
          },
          now,
        );
        await notifyAwaitingApproval(tx, {
          tenantId,
          tenantName: tenantNameOf(actor, tenantId),
          patch,
          kind: input.kind,
          requestedBy: actorUserId(actor),
          requesterName: actorName(actor),
          justification: input.justification,
        });
      });
    }
    return { decisionId: groupId, decisionIds: ids };
  });
}

/** Every ring named must exist in the tenant. */
async function assertScopeRings(tx: TDb, tenantId: string, ringNames: string[]): Promise<void> {
  if (ringNames.length === 0) return;
  const known = new Set((await tx.select({ name: rings.name }).from(rings).where(eq(rings.tenantId, tenantId))).map((r) => r.name));
  const unknown = ringNames.filter((r) => !known.has(r));
  if (unknown.length)
    throw new AppError('VALIDATION', `Ring "${unknown[0]}" does not exist in this tenant.`, [{ field: 'scope.rings', message: 'Unknown ring' }]);
}

/** Dependencies name other patches by vendor id; each must exist (and not be this patch). */
async function checkDependencies(tx: TDb, selfVendorId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.includes(selfVendorId))
    throw new AppError('VALIDATION', 'A patch cannot depend on itself.', [{ field: 'impact.dependencies', message: 'Depends on itself' }]);
  if (unique.length === 0) return [];
  const found = new Set((await tx.select({ v: patches.vendorId }).from(patches).where(inArray(patches.vendorId, unique))).map((r) => r.v));
  const missing = unique.filter((d) => !found.has(d));
  if (missing.length)
    throw new AppError('VALIDATION', `Unknown dependency: no patch with vendor id ${missing.join(', ')}.`, [
      { field: 'impact.dependencies', message: 'Unknown patch' },
    ]);
  return unique;
}
