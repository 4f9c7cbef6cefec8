import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rawRows, type TDb } from '@/db/client';
import type { TActor } from '@/lib/auth/permissions';
import { PATCH_STATUSES, type TDecisionKind, type TPatchStatus } from '@/lib/domain/patch-lifecycle';
import { SEVERITIES, type TSeverity } from '@/lib/domain/types';
import { likePattern, listQuerySchema } from '@/lib/list-query';
import { findTenantsWith, pickTenantParam, ZAt } from './queries';
import { effectiveStatusSql, isoSql, uuidList } from './status-sql';

const HISTORY_SORTS = ['vendor_id', 'severity', 'status', 'published', 'decided', 'failed'] as const;
export const ZHistoryQuery = listQuerySchema(HISTORY_SORTS, 'published').extend({
  status: z
    .enum([...PATCH_STATUSES, 'review'])
    .optional()
    .catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  tenant: z.string().max(80).optional().catch(undefined),
  /** `never_applied`: a test failed and the patch was never authorised. */
  failed: z.enum(['never_applied']).optional().catch(undefined),
  at: ZAt,
});
export type THistoryQuery = z.infer<typeof ZHistoryQuery>;

export type THistoryRow = {
  id: string;
  tenantId: string;
  tenantSlug: string;
  tenant: string;
  vendorId: string;
  title: string;
  severity: TSeverity;
  isKev: boolean;
  published: string | null;
  status: TPatchStatus;
  deferredUntil: string | null;
  needsReview: boolean;
  revisions: number;
  lastRevisedAt: string | null;
  /** A vendor revision arrived after the last test run (a later fix, or a changed patch). */
  isRevisedSinceTest: boolean;
  missing: number;
  runs: number;
  passedRuns: number;
  failedResults: number;
  lastFailure: { asset: string; notes: string | null; at: string | null } | null;
  lastDecision: {
    kind: TDecisionKind;
    status: string;
    justification: string;
    requestedBy: string | null;
    decidedBy: string | null;
    rule: string | null;
    isEmergency: boolean;
    at: string | null;
    rings: string[];
  } | null;
};

/**
 * The patch inventory, one row per patch × tenant (each tenant decides for itself): every patch that
 * concerns a tenant of the actor — applicable there, tested, decided or with a status there — with
 * that tenant's lifecycle status, test runs, failed tests and why, newer revisions and the latest
 * decision with its justification. Nothing of one tenant is counted in another's row. `tenant`
 * narrows to one tenant. `limit: null` returns every row (CSV export).
 */
export async function findHistory(db: TDb, actor: TActor, query: THistoryQuery, now = new Date(), opts: { limit: number | null } = { limit: query.size }) {
  const all = await findTenantsWith(db, actor, 'patch:read');
  const picked = pickTenantParam(all, query.tenant);
  const scope = picked ? [picked] : all;
  const empty = { rows: [] as THistoryRow[], total: 0, page: query.page, size: query.size, tenants: all, tenant: picked };
  if (scope.length === 0) return empty;
  const ids = uuidList(scope.map((t) => t.id));
  const status = effectiveStatusSql(now);
  const where: SQL[] = [];
  if (query.status === 'review') where.push(sql`ps.status = 'authorised' and ps.needs_review`);
  else if (query.status) where.push(sql`${status} = ${query.status}`);
  if (query.severity) where.push(sql`p.severity = ${query.severity}`);
  if (query.failed) where.push(sql`coalesce(runs.failed, 0) > 0 and ${status} <> 'authorised'`);
  if (query.q) {
    const p = likePattern(query.q);
    where.push(sql`(p.vendor_id ilike ${p} or p.title ilike ${p} or array_to_string(p.cves, ' ') ilike ${p})`);
  }
  const order = {
    vendor_id: sql`p.vendor_id`,
    severity: sql`array_position(array['critical','high','medium','low','none'], p.severity::text)`,
    status: status,
    published: sql`p.published`,
    decided: sql`coalesce(dec.decided_at, dec.requested_at)`,
    failed: sql`coalesce(runs.failed, 0)`,
  }[query.sort.id];
  // Published, decided and failed read newest/most first by default; names and ranks ascending.
  const isDesc = ['published', 'decided', 'failed'].includes(query.sort.id) ? !query.sort.desc : query.sort.desc;
  const rows = await rawRows<Record<string, unknown>>(
    db,
    sql`
    with x as (
      select patch_id, tenant_id from applicability_counts where n > 0 and tenant_id in (${ids})
      union select patch_id, tenant_id from patch_tenant_status where tenant_id in (${ids})
      union select patch_id, tenant_id from test_runs where tenant_id in (${ids})
      union select patch_id, tenant_id from patch_decisions where tenant_id in (${ids})
    ),
    run_counts as (
      select r.id, r.patch_id, r.tenant_id, r.created_at,
        count(*) filter (where res.outcome = 'passed') as passed, count(*) filter (where res.outcome = 'failed') as failed
      from test_runs r join test_results res on res.run_id = r.id
      where r.tenant_id in (${ids}) group by r.id
    ),
    runs as (
      select patch_id, tenant_id, count(*)::int as n, (count(*) filter (where passed > 0 and failed = 0))::int as passed,
        sum(failed)::int as failed, max(created_at) as last_run_at
      from run_counts group by patch_id, tenant_id
    ),
    fail as (
      select distinct on (r.patch_id, r.tenant_id) r.patch_id, r.tenant_id, a.name as asset, res.notes, res.recorded_at
      from test_results res join test_runs r on r.id = res.run_id join assets a on a.id = res.asset_id
      where res.outcome = 'failed' and res.tenant_id in (${ids})
      order by r.patch_id, r.tenant_id, res.recorded_at desc nulls last
    ),
    dec as (
      select distinct on (d.patch_id, d.tenant_id) d.patch_id, d.tenant_id, d.kind, d.status, d.justification, d.is_emergency, d.requested_at, d.decided_at,
        rq.name as requested_by, dc.name as decided_by, rule.name as rule_name, d.scope->'rings' as rings
      from patch_decisions d
      left join users rq on rq.id = d.requested_by
      left join users dc on dc.id = d.decided_by
      left join auto_approval_rules rule on rule.id = d.rule_id
      where d.tenant_id in (${ids})
      order by d.patch_id, d.tenant_id, d.requested_at desc
    ),
    rev as (select patch_id, count(*)::int as n, max(recorded_at) as last from patch_revisions group by patch_id)
    select p.id, x.tenant_id, t.slug as tenant_slug, t.name as tenant_name, p.vendor_id, p.title, p.severity::text as severity, p.is_kev, ${isoSql(sql`p.published`)} as published,
      ${status} as status, ps.deferred_until::text as deferred_until, coalesce(ps.needs_review, false) as needs_review,
      coalesce(rev.n, 0) as revisions, ${isoSql(sql`rev.last`)} as last_revised,
      (runs.last_run_at is not null and rev.last > runs.last_run_at) as revised_since_test,
      coalesce(aff.n, 0) as missing, coalesce(runs.n, 0) as runs, coalesce(runs.passed, 0) as passed_runs, coalesce(runs.failed, 0) as failed_results,
      fail.asset as fail_asset, fail.notes as fail_notes, ${isoSql(sql`fail.recorded_at`)} as fail_at,
      dec.kind as dec_kind, dec.status as dec_status, dec.justification as dec_justification, dec.requested_by as dec_requested_by,
      dec.decided_by as dec_decided_by, dec.rule_name as dec_rule, dec.is_emergency as dec_emergency,
      ${isoSql(sql`coalesce(dec.decided_at, dec.requested_at)`)} as dec_at, dec.rings as dec_rings,
      count(*) over ()::int as total
    from x
    join patches p on p.id = x.patch_id and (p.tenant_id is null or p.tenant_id = x.tenant_id)
    join tenants t on t.id = x.tenant_id
    left join patch_tenant_status ps on ps.patch_id = x.patch_id and ps.tenant_id = x.tenant_id
    left join runs on runs.patch_id = x.patch_id and runs.tenant_id = x.tenant_id
    left join fail on fail.patch_id = x.patch_id and fail.tenant_id = x.tenant_id
    left join dec on dec.patch_id = x.patch_id and dec.tenant_id = x.tenant_id
    left join rev on rev.patch_id = x.patch_id
    left join applicability_counts aff on aff.patch_id = x.patch_id and aff.tenant_id = x.tenant_id and aff.state = 'missing'
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by ${order} ${isDesc ? sql`desc nulls last` : sql`asc nulls last`}, p.vendor_id, t.name
    ${opts.limit === null ? sql`` : sql`limit ${opts.limit} offset ${(query.page - 1) * query.size}`}`,
  );
  return { ...empty, total: rows.length ? Number(rows[0].total) : 0, rows: rows.map(toRow) };
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toRow(r: Record<string, unknown>): THistoryRow {
  return {
    id: String(r.id),
    tenantId: String(r.tenant_id),
    tenantSlug: String(r.tenant_slug),
    tenant: String(r.tenant_name),
    vendorId: String(r.vendor_id),
    title: String(r.title),
    severity: r.severity as TSeverity,
    isKev: Boolean(r.is_kev),
    published: str(r.published),
    status: r.status as TPatchStatus,
    deferredUntil: str(r.deferred_until),
    needsReview: Boolean(r.needs_review),
    revisions: Number(r.revisions),
    lastRevisedAt: str(r.last_revised),
    isRevisedSinceTest: Boolean(r.revised_since_test),
    missing: Number(r.missing),
    runs: Number(r.runs),
    passedRuns: Number(r.passed_runs),
    failedResults: Number(r.failed_results),
    lastFailure: r.fail_asset ? { asset: String(r.fail_asset), notes: str(r.fail_notes), at: str(r.fail_at) } : null,
    lastDecision: r.dec_kind
      ? {
          kind: r.dec_kind as TDecisionKind,
          status: String(r.dec_status),
          justification: String(r.dec_justification),
          requestedBy: str(r.dec_requested_by),
          decidedBy: str(r.dec_decided_by),
          rule: str(r.dec_rule),
          isEmergency: Boolean(r.dec_emergency),
          at: str(r.dec_at),
          rings: Array.isArray(r.dec_rings) ? r.dec_rings.map(String) : typeof r.dec_rings === 'string' ? (JSON.parse(r.dec_rings) as string[]) : [],
        }
      : null,
  };
}
