import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rawRows, type TDb } from '@/db/client';
import { autoApprovalRules, patches, tenants, testEvidence, testRuns, users } from '@/db/schema';
import { effectiveStatusSql, isoSql, uuidList } from './status-sql';
import { actorUserId, tenantsWith, type TActor, type TPermission } from '@/lib/auth/permissions';
import type { TPatchStatus } from '@/lib/domain/patch-lifecycle';
import type { TSeverity } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';
import { likePattern, listQuerySchema } from '@/lib/list-query';
import { loadTenantPolicy } from '@/lib/scheduling/queries';

export type TTenantRef = { id: string; slug: string; name: string };

/** Tenants in which the actor holds `permission`, by name. */
export async function findTenantsWith(db: TDb, actor: TActor, permission: TPermission): Promise<TTenantRef[]> {
  const ids = tenantsWith(actor, permission);
  if (ids.length === 0) return [];
  return db.select({ id: tenants.id, slug: tenants.slug, name: tenants.name }).from(tenants).where(inArray(tenants.id, ids)).orderBy(tenants.name);
}

/** A page's `?tenant=` (id or slug) among the tenants given; undefined = all of them. */
export function pickTenantParam(list: readonly TTenantRef[], param: string | undefined): TTenantRef | undefined {
  return param ? list.find((t) => t.id === param || t.slug === param) : undefined;
}

/** `?at=` — the instant a page evaluates deferrals at (a date = its start, UTC); unset: now. */
export const ZAt = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .optional()
  .catch(undefined);
export const atToDate = (at: string | undefined, fallback = new Date()) => (at ? new Date(at.length === 10 ? `${at}T00:00:00Z` : at) : fallback);

/** `awaiting`: a pending request in a tenant where the actor may approve, made by someone else. */
export const QUEUE_FILTERS = ['awaiting', 'new', 'in_testing', 'revoked', 'review'] as const;
export const ZQueueQuery = listQuerySchema(['urgency'] as const, 'urgency').extend({
  tenant: z.string().max(80).optional().catch(undefined),
  status: z.enum(QUEUE_FILTERS).optional().catch(undefined),
  at: ZAt,
});
export type TQueueQuery = z.infer<typeof ZQueueQuery>;

export type TQueueRow = {
  id: string;
  tenantId: string;
  tenantSlug: string;
  tenant: string;
  vendorId: string;
  title: string;
  severity: TSeverity;
  isKev: boolean;
  cvssScore: number | null;
  affected: number;
  due: string | null;
  status: TPatchStatus;
  stored: TPatchStatus;
  deferredUntil: string | null;
  needsReview: boolean;
  runs: number;
  hasPendingRequest: boolean;
  /** A pending request the actor may approve (someone else's, in a tenant where they authorise). */
  isAwaitingMe: boolean;
};

/** A pending request (alias `d`) the actor may approve: in one of `tenantIds`, not their own. */
const awaitingSql = (actor: TActor, tenantIds: readonly string[]) =>
  tenantIds.length === 0
    ? sql`false`
    : sql`(d.status = 'requested' and d.tenant_id in (${uuidList(tenantIds)}) and d.requested_by is distinct from ${actorUserId(actor)}::uuid)`;

/**
 * The security team's testing queue: one row per patch × tenant still to test or decide in that
 * tenant (new — including ended deferrals —, in testing, revoked, or authorised but revised by the
 * vendor), missing there or already under test there, plus every request awaiting the actor's
 * approval. Each tenant decides for itself, so one tenant's approval never removes the patch from
 * another's queue. Ordered: awaiting my approval first, then KEV, severity, the SLA deadline
 * (publication + that tenant's SLA days for the severity), and the number of assets it is missing on.
 */
export async function findTestingQueue(db: TDb, actor: TActor, query: TQueueQuery, now = new Date()) {
  const all = await findTenantsWith(db, actor, 'patch:test');
  const picked = pickTenantParam(all, query.tenant);
  const scope = picked ? [picked] : all;
  const empty = { rows: [] as TQueueRow[], total: 0, page: query.page, size: query.size, tenants: all, tenant: picked };
  if (scope.length === 0) return empty;
  const ids = scope.map((t) => t.id);
  const approvable = tenantsWith(actor, 'patch:authorize').filter((t) => ids.includes(t));
  const policies = await Promise.all(ids.map(async (id) => ({ id, policy: (await loadTenantPolicy(db, id)).policy })));
  const sla = sql.join(
    policies.flatMap(({ id, policy }) =>
      (Object.keys(policy.severity) as TSeverity[]).map((s) => sql`(${id}::uuid, ${s}::text, ${policy.severity[s].slaDays}::int)`),
    ),
    sql`, `,
  );
  const idList = uuidList(ids);
  const status = effectiveStatusSql(now);
  const awaiting = sql`exists (select 1 from patch_decisions d where d.patch_id = x.patch_id and d.tenant_id = x.tenant_id and ${awaitingSql(actor, approvable)})`;
  const isQueued = sql`(${status} in ('new', 'in_testing', 'revoked') or (ps.status = 'authorised' and ps.needs_review))`;
  const where: SQL[] = [sql`(${isQueued} or ${awaiting})`];
  if (query.status === 'awaiting') where.push(awaiting);
  else if (query.status === 'review') where.push(sql`ps.status = 'authorised' and ps.needs_review`);
  else if (query.status) where.push(sql`${status} = ${query.status}`);
  if (query.q) {
    const p = likePattern(query.q);
    where.push(sql`(p.vendor_id ilike ${p} or p.title ilike ${p} or array_to_string(p.cves, ' ') ilike ${p})`);
  }
  const rows = await rawRows<Record<string, unknown>>(
    db,
    sql`
    with sla(tenant_id, severity, days) as (values ${sla}),
    x as (
      select patch_id, tenant_id from applicability_counts where state = 'missing' and n > 0 and tenant_id in (${idList})
      union select patch_id, tenant_id from test_runs where tenant_id in (${idList})
      union select patch_id, tenant_id from patch_decisions where status = 'requested' and tenant_id in (${idList})
    )
    select p.id, x.tenant_id, t.slug as tenant_slug, t.name as tenant_name, p.vendor_id, p.title, p.severity::text as severity, p.is_kev, p.cvss_score,
      coalesce(ac.n, 0) as affected, ${isoSql(sql`coalesce(p.published, p.created_at) + sla.days * interval '1 day'`)} as due,
      ${status} as status, coalesce(ps.status, 'new') as stored, ps.deferred_until::text as deferred_until,
      coalesce(ps.needs_review, false) as needs_review,
      (select count(*)::int from test_runs r where r.patch_id = x.patch_id and r.tenant_id = x.tenant_id) as runs,
      exists (select 1 from patch_decisions d where d.patch_id = x.patch_id and d.tenant_id = x.tenant_id and d.status = 'requested') as pending,
      ${awaiting} as awaiting,
      count(*) over ()::int as total
    from x
    join patches p on p.id = x.patch_id and (p.tenant_id is null or p.tenant_id = x.tenant_id)
    join tenants t on t.id = x.tenant_id
    left join applicability_counts ac on ac.patch_id = x.patch_id and ac.tenant_id = x.tenant_id and ac.state = 'missing'
    left join sla on sla.tenant_id = x.tenant_id and sla.severity = p.severity::text
    left join patch_tenant_status ps on ps.patch_id = x.patch_id and ps.tenant_id = x.tenant_id
    where ${sql.join(where, sql` and `)}
    order by ${awaiting} desc, p.is_kev desc, array_position(array['critical','high','medium','low','none'], p.severity::text), due asc nulls last, coalesce(ac.n, 0) desc, p.vendor_id, t.name
    limit ${query.size} offset ${(query.page - 1) * query.size}`,
  );
  return {
    ...empty,
    total: rows.length ? Number(rows[0].total) : 0,
    rows: rows.map((r): TQueueRow => ({
      id: String(r.id),
      tenantId: String(r.tenant_id),
      tenantSlug: String(r.tenant_slug),
      tenant: String(r.tenant_name),
      vendorId: String(r.vendor_id),
      title: String(r.title),
      severity: r.severity as TSeverity,
      isKev: Boolean(r.is_kev),
      cvssScore: r.cvss_score === null ? null : Number(r.cvss_score),
      affected: Number(r.affected),
      due: (r.due as string | null) ?? null,
      status: r.status as TPatchStatus,
      stored: r.stored as TPatchStatus,
      deferredUntil: (r.deferred_until as string | null) ?? null,
      needsReview: Boolean(r.needs_review),
      runs: Number(r.runs),
      hasPendingRequest: Boolean(r.pending),
      isAwaitingMe: Boolean(r.awaiting),
    })),
  };
}

/** How many requests await the actor's approval (the sidebar's count). */
export async function countAwaitingMyApproval(db: TDb, actor: TActor): Promise<number> {
  const approvable = tenantsWith(actor, 'patch:authorize');
  if (approvable.length === 0) return 0;
  const [row] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from patch_decisions d where ${awaitingSql(actor, approvable)}`);
  return Number(row?.n ?? 0);
}

/**
 * An evidence file the actor may read: its tenant must be one of the actor's (patch:read), and it
 * must belong to a run of this patch. Anything else is NOT_FOUND (no existence leak).
 */
export async function getEvidenceFile(db: TDb, actor: TActor, patchId: string, evidenceId: string) {
  const tenantIds = tenantsWith(actor, 'patch:read');
  const uuid = z.string().uuid();
  if (!uuid.safeParse(patchId).success || !uuid.safeParse(evidenceId).success || tenantIds.length === 0) throw new AppError('NOT_FOUND', 'Evidence not found.');
  const [row] = await db
    .select({
      filename: testEvidence.filename,
      contentType: testEvidence.contentType,
      size: testEvidence.size,
      data: testEvidence.data,
      sha256: testEvidence.sha256,
    })
    .from(testEvidence)
    .innerJoin(testRuns, eq(testRuns.id, testEvidence.runId))
    .where(and(eq(testEvidence.id, evidenceId), eq(testRuns.patchId, patchId), inArray(testEvidence.tenantId, tenantIds)));
  if (!row) throw new AppError('NOT_FOUND', 'Evidence not found.');
  return row;
}

/** Auto-approval rules of the tenants where the actor may write policy. */
export async function findAutoApprovalRules(db: TDb, actor: TActor) {
  const ids = tenantsWith(actor, 'policy:write');
  if (ids.length === 0) return [];
  return db
    .select({ rule: autoApprovalRules, tenant: tenants.name, createdByName: users.name })
    .from(autoApprovalRules)
    .innerJoin(tenants, eq(tenants.id, autoApprovalRules.tenantId))
    .leftJoin(users, eq(users.id, autoApprovalRules.createdBy))
    .where(inArray(autoApprovalRules.tenantId, ids))
    .orderBy(asc(tenants.name), asc(autoApprovalRules.name));
}

/** Vendor ids for the dependency picker (a datalist): a prefix search would be nicer at 100k patches. */
export async function findVendorIds(db: TDb, limit = 500): Promise<string[]> {
  return (await db.select({ v: patches.vendorId }).from(patches).orderBy(patches.vendorId).limit(limit)).map((r) => r.v);
}
