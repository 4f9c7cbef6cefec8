import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rawRows, type TDb } from '@/db/client';
import { changePatches, changeRequests } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { isoSql, uuidList } from '@/lib/authorisation/status-sql';
import { cadenceRelease, matchStandardRule, riskScore, type TChangeType } from '@/lib/domain/change';
import type { TPlanPatch } from '@/lib/domain/planner';
import type { TTimeMode } from '@/lib/domain/policy';
import { CRITICALITY_TIERS, SEVERITIES, type TCriticality, type TSeverity } from '@/lib/domain/types';
import { parseInput } from '@/lib/errors';
import { loadBlackouts, loadTenantPolicy, loadWindows } from '@/lib/scheduling/queries';
import { afterChangeCommit } from './after-commit';
import { recordChangeEvent } from './events';
import { planAndStore, type TPlanContext } from './plan-change';
import { byWindowName, groupOf, loadCandidates, scopeHash, type TCandidate, type TGroup } from './scope';

export const ZGenerateChanges = z.object({
  tenantId: z.string().uuid('Choose a tenant.'),
  /** Only these authorised patches (default: every authorised patch of the tenant). */
  patchIds: z.array(z.string().uuid()).max(5000).optional(),
});
export type TGenerateChanges = z.input<typeof ZGenerateChanges>;

/** An authorised patch of the tenant with the authorisation it goes in under. */
export type TAuthorisedPatch = {
  id: string;
  vendorId: string;
  severity: TSeverity;
  isKev: boolean;
  epss: number | null;
  decisionId: string | null;
  authorisedAt: string;
  downtimeMinutes: number | null;
  rebootRequired: boolean | null;
  timeMode: TTimeMode | null;
  isEmergency: boolean;
};

/** Minutes a job takes when the authorisation did not say (reboot included). */
const DEFAULT_JOB_MINUTES = 30;

export const BACKOUT_PLAN =
  'Each asset takes a restore point (VM snapshot, host configuration backup) before the patch. If the post-patch health check fails, ' +
  'or the wave passes its error threshold, the failed assets are rolled back to their restore point, the wave halts, an incident is ' +
  'opened, and the remaining assets are left untouched until the change is reviewed.';

/** The tenant's authorised patches visible to it (global or its own), each with its latest approved authorisation. */
export async function loadAuthorisedPatches(tx: TDb, tenantId: string, patchIds?: readonly string[]): Promise<TAuthorisedPatch[]> {
  const only = patchIds?.length ? sql`and p.id in (${uuidList(patchIds)})` : patchIds ? sql`and false` : sql``;
  const rows = await rawRows<{
    id: string;
    vendor_id: string;
    severity: TSeverity;
    is_kev: boolean;
    epss: number | null;
    decision_id: string | null;
    authorised_at: string;
    impact: { downtimeMinutes?: number; rebootRequired?: boolean } | null;
    time_mode: TTimeMode | null;
    is_emergency: boolean | null;
  }>(
    tx,
    sql`
    select p.id, p.vendor_id, p.severity, p.is_kev, p.epss, d.id as decision_id,
           ${isoSql(sql`coalesce(d.decided_at, ps.updated_at)`)} as authorised_at, d.impact, d.time_mode, d.is_emergency
    from patch_tenant_status ps
    join patches p on p.id = ps.patch_id
    left join lateral (
      select d.id, d.decided_at, d.impact, d.time_mode, d.is_emergency from patch_decisions d
      where d.tenant_id = ps.tenant_id and d.patch_id = ps.patch_id and d.kind = 'authorise' and d.status = 'approved'
      order by d.decided_at desc nulls last limit 1
    ) d on true
    where ps.tenant_id = ${tenantId}::uuid and ps.status = 'authorised' and (p.tenant_id is null or p.tenant_id = ${tenantId}::uuid) ${only}`,
  );
  return rows.map((r) => ({
    id: r.id,
    vendorId: r.vendor_id,
    severity: r.severity,
    isKev: r.is_kev,
    epss: r.epss === null ? null : Number(r.epss),
    decisionId: r.decision_id,
    authorisedAt: r.authorised_at,
    downtimeMinutes: r.impact?.downtimeMinutes ?? null,
    rebootRequired: r.impact?.rebootRequired ?? null,
    timeMode: r.time_mode,
    isEmergency: !!r.is_emergency,
  }));
}

export const toPlanPatch = (p: TAuthorisedPatch): TPlanPatch => ({
  id: p.id,
  severity: p.severity,
  expectedMinutes: p.downtimeMinutes && p.downtimeMinutes > 0 ? p.downtimeMinutes : DEFAULT_JOB_MINUTES,
  timeMode: p.timeMode ?? undefined,
  requiresReboot: p.rebootRequired ?? true,
});

const maxBy = <T extends string>(order: readonly T[], values: readonly T[]): T => order[Math.min(...values.map((v) => order.indexOf(v)))];

/** Risk of a change from its patches and targets. */
export function changeRisk(patches: readonly TAuthorisedPatch[], targets: readonly TCandidate[]) {
  const epss = patches.map((p) => p.epss).filter((e): e is number => e !== null);
  return riskScore({
    maxSeverity: maxBy(
      SEVERITIES,
      patches.map((p) => p.severity),
    ),
    isKev: patches.some((p) => p.isKev),
    maxEpss: epss.length ? Math.max(...epss) : null,
    maxCriticality: targets.length
      ? maxBy<TCriticality>(
          CRITICALITY_TIERS,
          targets.map((t) => t.criticality),
        )
      : 'tier3',
    touchesHypervisor: targets.some((t) => t.kind === 'host'),
    assetCount: targets.length,
  });
}

type TBucket = { group: TGroup; releaseAt: string; patchIds: Set<string>; targets: TCandidate[] };

/**
 * Turns the tenant's authorised patches into change requests: every missing patch × deployable asset
 * not yet claimed by an unfinished change goes into one, grouped by the tenant policy (tenant × ring ×
 * window by default, or per application) and by when the severity's cadence releases it. Each change
 * is planned into its windows and checked for conflicts, then: **standard** when a pre-approval rule
 * of the policy covers it (approved by the rule and scheduled at once); **emergency** when an
 * authorisation was an emergency (scheduled at once, approval due within the policy's deadline);
 * otherwise **normal** (submitted for approval). One transaction per tenant; generation is serialised
 * per tenant, so two runs never claim the same work twice.
 */
export async function generateChanges(db: TDb, actor: TActor, raw: TGenerateChanges, clock = new Date()) {
  const input = parseInput(ZGenerateChanges, raw, 'Invalid change generation.');
  if (actor.kind !== 'system') requireTenantAccess(actor, input.tenantId, 'change:request');
  const now = clock.toISOString();
  const [policyInfo, windows, blackouts] = await Promise.all([
    loadTenantPolicy(db, input.tenantId),
    loadWindows(db, input.tenantId, { enabledOnly: true }),
    loadBlackouts(db, input.tenantId),
  ]);
  const policy = policyInfo.policy;
  const ctx: TPlanContext = { policy, windows, blackouts, now };
  const windowLite = byWindowName(windows.map((w) => ({ id: w.id, name: w.name, scope: w.def.scope })));

  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`changes:${input.tenantId}`}))`);
    // Compiling these few large statements costs seconds of JIT for no gain.
    await tx.execute(sql`set local jit = off`);
    const authorised = await loadAuthorisedPatches(tx, input.tenantId, input.patchIds);
    const byId = new Map(authorised.map((p) => [p.id, p]));
    const candidates = await loadCandidates(
      tx,
      input.tenantId,
      authorised.map((p) => p.id),
    );
    const release = new Map(authorised.map((p) => [p.id, cadenceRelease(p.authorisedAt, policy.severity[p.severity].cadence, p.isKev)]));

    const buckets = new Map<string, TBucket>();
    for (const c of candidates) {
      const group = groupOf(c, input.tenantId, windowLite, policy.changes.grouping);
      const byRelease = new Map<string, string[]>();
      for (const p of c.patchIds) {
        const r = release.get(p) as string;
        const list = byRelease.get(r);
        if (list) list.push(p);
        else byRelease.set(r, [p]);
      }
      for (const [releaseAt, patchIds] of byRelease) {
        const key = `${group.key}|release:${releaseAt}`;
        let b = buckets.get(key);
        if (!b) buckets.set(key, (b = { group, releaseAt, patchIds: new Set(), targets: [] }));
        for (const p of patchIds) b.patchIds.add(p);
        b.targets.push(byRelease.size === 1 ? c : { ...c, patchIds });
      }
    }

    const created: { id: string; number: number; type: TChangeType; state: string; assets: number; patches: number }[] = [];
    const ordered = [...buckets.values()].sort((a, b) => (a.releaseAt < b.releaseAt ? -1 : a.releaseAt > b.releaseAt ? 1 : a.group.key < b.group.key ? -1 : 1));
    for (const b of ordered) {
      const patches = [...b.patchIds].sort().map((id) => byId.get(id) as TAuthorisedPatch);
      const rings = [...new Set(b.targets.map((t) => t.ring))];
      const rule = rings.every((r) => matchStandardRule(policy.changes.standardRules, r, patches) !== null)
        ? matchStandardRule(policy.changes.standardRules, rings[0], patches)
        : null;
      const type: TChangeType = patches.some((p) => p.isEmergency) ? 'emergency' : rule ? 'standard' : 'normal';
      const risk = changeRisk(patches, b.targets);
      const appName = b.group.applicationId
        ? ((await rawRows<{ name: string }>(tx, sql`select name from applications where id = ${b.group.applicationId}::uuid`))[0]?.name ?? 'application')
        : null;
      const windowName = b.group.windowId ? windows.find((w) => w.id === b.group.windowId)?.name : null;
      const where = appName ?? `${b.group.ring} ring${windowName ? `, ${windowName}` : ''}`;
      const title = `${where}: ${patches.length === 1 ? patches[0].vendorId : `${patches.length} patches (${patches[0].vendorId}, …)`} on ${b.targets.length} asset(s)`;
      const [row] = await tx
        .insert(changeRequests)
        .values({
          tenantId: input.tenantId,
          title,
          type,
          state: 'draft',
          grouping: policy.changes.grouping,
          groupKey: b.group.key,
          ring: b.group.ring,
          applicationId: b.group.applicationId,
          windowId: b.group.windowId,
          releaseAt: new Date(b.releaseAt),
          timeMode: policy.defaultTimeMode,
          riskScore: risk.score,
          riskLevel: risk.level,
          risk,
          backoutPlan: BACKOUT_PLAN,
          standardRule: type === 'standard' ? rule : null,
          scopeHash: scopeHash(
            patches.map((p) => p.id),
            b.targets,
          ),
          requestedBy: actorUserId(actor),
        })
        .returning({ id: changeRequests.id, number: changeRequests.number });
      await tx.insert(changePatches).values(patches.map((p) => ({ changeId: row.id, patchId: p.id, tenantId: input.tenantId, decisionId: p.decisionId })));
      const change = { id: row.id, tenantId: input.tenantId, windowId: b.group.windowId, releaseAt: b.releaseAt };
      const { plan, conflicts } = await planAndStore(tx, change, b.targets, patches.map(toPlanPatch), ctx);
      await recordChangeEvent(tx, actor, change, 'created', null, 'draft', { type, assets: b.targets.length, patches: patches.length, risk: risk.score });
      await recordChangeEvent(tx, actor, change, 'submit', 'draft', 'submitted', {});
      let state = 'submitted';
      const set: Partial<typeof changeRequests.$inferInsert> = { state };
      if (type === 'standard') {
        await recordChangeEvent(tx, actor, change, 'approve', 'submitted', 'approved', { rule: rule?.name });
        await recordChangeEvent(tx, actor, change, 'schedule', 'approved', 'scheduled', {});
        state = 'scheduled';
        Object.assign(set, { state, approvedAt: clock });
      } else if (type === 'emergency') {
        const due = new Date(clock.getTime() + policy.changes.emergencyApprovalHours * 3_600_000);
        await recordChangeEvent(tx, actor, change, 'expedite', 'submitted', 'scheduled', { approvalDueAt: due.toISOString() });
        state = 'scheduled';
        Object.assign(set, { state, approvalDueAt: due });
      }
      await tx
        .update(changeRequests)
        .set(set)
        .where(sql`${changeRequests.id} = ${row.id}`);
      await writeAudit(
        tx,
        actor,
        {
          tenantId: input.tenantId,
          action: 'change.create',
          targetType: 'change',
          targetId: row.id,
          after: {
            number: row.number,
            type,
            state,
            rule: rule?.name ?? null,
            patches: patches.map((p) => p.vendorId),
            assets: b.targets.length,
            risk: risk.score,
            plannedStart: plan.start,
            plannedEnd: plan.end,
            conflicts: conflicts.length,
          },
        },
        clock,
      );
      created.push({ id: row.id, number: row.number, type, state, assets: b.targets.length, patches: patches.length });
    }
    return { created, authorisedPatches: authorised.length };
  });
  for (const c of result.created)
    await afterChangeCommit(
      db,
      c.id,
      c.type === 'standard' ? [{ kind: 'event' }, { kind: 'contacts', event: 'approved' }, { kind: 'tracking' }] : [{ kind: 'event' }, { kind: 'tracking' }],
    );
  return result;
}
