import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rawRows, type TDb } from '@/db/client';
import { applications, cabMembers, changeApprovals, users } from '@/db/schema';
import { rolesIn, tenantsWith, type TActor } from '@/lib/auth/permissions';
import { uuidList } from '@/lib/authorisation/status-sql';
import { uuidArray } from '@/lib/intake/assess';
import { approvalProgress, type TApprovalCapacity, type TApprovalProgress, type TApprovalVote, type TChangeType } from '@/lib/domain/change';
import type { TChangePolicy } from '@/lib/domain/policy';
import { loadTenantPolicy } from '@/lib/scheduling/queries';

type TChangeRef = { id: string; tenantId: string; type: string; state: string; requestedBy: string | null; approvedAt: Date | null };

/** Can approvals still be cast: a submitted change, or an emergency change awaiting its after-the-fact approval. */
export function isAwaitingApproval(c: { type: string; state: string; approvedAt: Date | null }): boolean {
  return c.state === 'submitted' || (c.type === 'emergency' && c.approvedAt === null && ['scheduled', 'implementing', 'completed', 'failed'].includes(c.state));
}

/** Applications with assets in the change. */
export async function changeApplications(tx: TDb, changeId: string): Promise<{ id: string; name: string; ownerId: string | null; ownerName: string | null }[]> {
  return rawRows(
    tx,
    sql`select a.id, a.name, a.owner_id as "ownerId", u.name as "ownerName" from applications a left join users u on u.id = a.owner_id
        where a.id in (select distinct application_id from change_assets where change_id = ${changeId}::uuid and application_id is not null) order by a.name`,
  );
}

/**
 * The capacities in which `actor` may vote on a change: owner of an application it touches, member of
 * the tenant's CAB, security of the tenant. Nobody votes on a change they requested, and a user with no
 * role in the tenant holds none (an owner who left the tenant included).
 */
export async function approverCapacities(tx: TDb, actor: TActor, change: TChangeRef): Promise<{ capacities: TApprovalCapacity[]; reason: string | null }> {
  if (actor.kind !== 'user') return { capacities: [], reason: 'Only a person approves changes here; external systems use the change connector.' };
  const roles = rolesIn(actor, change.tenantId);
  if (roles.length === 0) return { capacities: [], reason: 'Change not found.' };
  if (change.requestedBy === actor.userId) return { capacities: [], reason: 'You requested this change: someone else must approve it.' };
  const [apps, cab] = await Promise.all([
    changeApplications(tx, change.id),
    tx
      .select({ u: cabMembers.userId })
      .from(cabMembers)
      .where(and(eq(cabMembers.tenantId, change.tenantId), eq(cabMembers.userId, actor.userId))),
  ]);
  const capacities: TApprovalCapacity[] = apps.filter((a) => a.ownerId === actor.userId).map((a) => ({ kind: 'owner', applicationId: a.id }));
  if (cab.length) capacities.push({ kind: 'cab' });
  if (roles.includes('security')) capacities.push({ kind: 'security' });
  return {
    capacities,
    reason: capacities.length ? null : 'Only the owners of the applications this change touches, the CAB and security approve it.',
  };
}

export type TApprovalState = {
  policy: TChangePolicy;
  applications: { id: string; name: string; ownerId: string | null; ownerName: string | null }[];
  cab: { userId: string; name: string }[];
  votes: {
    id: string;
    approverId: string | null;
    approverName: string | null;
    decision: 'approve' | 'reject';
    capacities: TApprovalCapacity[];
    note: string | null;
    decidedAt: string;
    superseded: boolean;
  }[];
  progress: TApprovalProgress;
};

/** A change's approval trail and how far its approval is (current votes; superseded ones are kept for the trail). */
export async function loadApprovalState(tx: TDb, change: { id: string; tenantId: string; type: string }): Promise<TApprovalState> {
  const [policyInfo, apps, cab, votes] = await Promise.all([
    loadTenantPolicy(tx, change.tenantId),
    changeApplications(tx, change.id),
    tx
      .select({ userId: cabMembers.userId, name: users.name })
      .from(cabMembers)
      .innerJoin(users, eq(users.id, cabMembers.userId))
      .where(eq(cabMembers.tenantId, change.tenantId))
      .orderBy(asc(users.name)),
    tx
      .select({
        id: changeApprovals.id,
        approverId: changeApprovals.approverId,
        approverName: users.name,
        decision: changeApprovals.decision,
        capacities: changeApprovals.capacities,
        note: changeApprovals.note,
        decidedAt: changeApprovals.decidedAt,
        supersededAt: changeApprovals.supersededAt,
      })
      .from(changeApprovals)
      .leftJoin(users, eq(users.id, changeApprovals.approverId))
      .where(eq(changeApprovals.changeId, change.id))
      .orderBy(asc(changeApprovals.decidedAt)),
  ]);
  const policy = policyInfo.policy.changes;
  const list = votes.map((v) => ({
    id: v.id,
    approverId: v.approverId,
    approverName: v.approverName,
    decision: v.decision as 'approve' | 'reject',
    capacities: v.capacities as TApprovalCapacity[],
    note: v.note,
    decidedAt: v.decidedAt.toISOString(),
    superseded: v.supersededAt !== null,
  }));
  const current: TApprovalVote[] = list.filter((v) => !v.superseded);
  return {
    policy,
    applications: apps,
    cab,
    votes: list,
    progress: approvalProgress(
      change.type as TChangeType,
      policy,
      apps.map((a) => a.id),
      current,
    ),
  };
}

/** Whether a vote in these capacities still counts towards the approval (so the change waits for this person). */
export function isVoteNeeded(capacities: readonly TApprovalCapacity[], progress: TApprovalProgress): boolean {
  return capacities.some((c) => (c.kind === 'owner' ? progress.ownersMissing.includes(c.applicationId) : c.kind !== 'external' && progress.cabMissing > 0));
}

type TInboxRow = {
  id: string;
  tenant_id: string;
  type: string;
  owns: boolean;
  cab: boolean;
  cab_votes: number;
};

/**
 * Changes waiting for the actor's vote: awaiting approval, not requested by them, not voted on by them,
 * and needing them in a capacity they hold — as owner of a touched application whose approval is still
 * missing (normal changes, when the policy asks owners), or as CAB member or security while the quorum
 * is not met. One query over the actor's tenants (the policy of each decides the quorum).
 */
export async function findChangeIdsAwaitingMe(db: TDb, actor: TActor): Promise<string[]> {
  if (actor.kind !== 'user') return [];
  const tenantIds = tenantsWith(actor, 'change:read');
  if (tenantIds.length === 0) return [];
  const securityTenants = actor.memberships.filter((m) => m.role === 'security').map((m) => m.tenantId);
  const myApps = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.ownerId, actor.userId), inArray(applications.tenantId, tenantIds)));
  // Driven from the owner's applications: one probe of (application, change) each, never a scan of a
  // change's assets (a change holds tens of thousands; a fresh table has no visibility map yet).
  const owns = myApps.length
    ? sql`exists (select 1 from unnest(${uuidArray(myApps.map((a) => a.id))}::uuid[]) as my(app)
        where exists (select 1 from change_assets ca where ca.application_id = my.app and ca.change_id = c.id)
          and not exists (select 1 from change_approvals v2 where v2.change_id = c.id and v2.superseded_at is null and v2.decision = 'approve'
            and v2.capacities @> jsonb_build_array(jsonb_build_object('kind', 'owner', 'applicationId', my.app::text))))`
    : sql`false`;
  const secList = securityTenants.length ? uuidList(securityTenants) : sql`null::uuid`;
  const rows = await rawRows<TInboxRow>(
    db,
    sql`
    select c.id, c.tenant_id, c.type,
      ${owns} as owns,
      (c.tenant_id in (${secList}) or exists (select 1 from cab_members m where m.tenant_id = c.tenant_id and m.user_id = ${actor.userId}::uuid)) as cab,
      (select count(distinct v.approver_id)::int from change_approvals v where v.change_id = c.id and v.superseded_at is null and v.decision = 'approve'
        and (v.capacities @> '[{"kind":"cab"}]'::jsonb or v.capacities @> '[{"kind":"security"}]'::jsonb)) as cab_votes
    from change_requests c
    where c.tenant_id in (${uuidList(tenantIds)})
      and (c.state = 'submitted' or (c.type = 'emergency' and c.approved_at is null and c.state in ('scheduled', 'implementing', 'completed', 'failed')))
      and c.requested_by is distinct from ${actor.userId}::uuid
      and not exists (select 1 from change_approvals v where v.change_id = c.id and v.superseded_at is null and v.approver_id = ${actor.userId}::uuid)
    order by c.number`,
  );
  const policies = new Map<string, TChangePolicy>();
  for (const t of [...new Set(rows.map((r) => r.tenant_id))]) policies.set(t, (await loadTenantPolicy(db, t)).policy.changes);
  return rows
    .filter((r) => {
      const p = policies.get(r.tenant_id) as TChangePolicy;
      const quorum = r.type === 'standard' ? 0 : r.type === 'emergency' ? 1 : p.cabQuorum;
      const ownerNeeded = r.type === 'normal' && p.ownerApproval && r.owns;
      return ownerNeeded || (r.cab && r.cab_votes < quorum);
    })
    .map((r) => r.id);
}

/** The sidebar's count of changes waiting for the actor's vote. */
export async function countChangesAwaitingMe(db: TDb, actor: TActor): Promise<number> {
  return (await findChangeIdsAwaitingMe(db, actor)).length;
}

/** Current (not superseded) votes of a change. */
export async function currentVotes(tx: TDb, changeId: string): Promise<TApprovalVote[]> {
  const rows = await tx
    .select({ approverId: changeApprovals.approverId, decision: changeApprovals.decision, capacities: changeApprovals.capacities })
    .from(changeApprovals)
    .where(and(eq(changeApprovals.changeId, changeId), isNull(changeApprovals.supersededAt)));
  return rows.map((r) => ({ approverId: r.approverId, decision: r.decision as 'approve' | 'reject', capacities: r.capacities as TApprovalCapacity[] }));
}
