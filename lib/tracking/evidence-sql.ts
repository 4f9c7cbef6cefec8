import { sql, type SQL } from 'drizzle-orm';

/** Assets listed in a record's evidence at most (the count says how many were verified in all). */
export const EVIDENCE_ASSET_LIMIT = 500;

/** The evidence a closed record keeps (jsonb in tracking_records.evidence); written by closingEvidenceSql. */
export type TTrackingEvidence = {
  outcome: 'remediated' | 'excepted';
  closedAt: string;
  openedAt: string;
  dueAt: string;
  isWithinSla: boolean;
  patch: { id: string; vendorId: string; title: string; severity: string; cves: string[]; isKev: boolean } | null;
  application: { id: string; name: string } | null;
  /** Assets of the record where the fix is verified installed, with when their inventory last said so. */
  assets: { id: string; name: string; verifiedInstalledAt: string | null }[];
  verifiedAssetCount: number;
  /** Assets an exception covered at closure ('excepted'). */
  exceptedAssets: { id: string; name: string; state: string }[];
  decisions: {
    id: string;
    kind: string;
    status: string;
    requestedBy: string | null;
    requestedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    byRule: boolean;
    note: string | null;
  }[];
  changes: {
    id: string;
    number: number;
    title: string;
    type: string;
    state: string;
    outcome: string | null;
    plannedStart: string | null;
    plannedEnd: string | null;
    approvals: { approver: string | null; decision: string; capacities: unknown; decidedAt: string; supersededAt: string | null }[];
  }[];
  /** The evidence of an earlier closure, when the record had reopened. */
  previous: TTrackingEvidence | null;
};

/**
 * The closure evidence of tracking record `tr` as one jsonb expression (correlated subqueries: what,
 * where, when, who decided and approved — whatever exists at closure). `outcome` is the SQL of the
 * closing outcome. Installed assets are those of the record's bucket with a 'fixed' verdict and no
 * stored pair (as the applicability_pairs view derives them); `verifiedInstalledAt` is the asset's
 * last inventory report, the report that showed the fix or a later one.
 */
export function closingEvidenceSql(outcome: SQL, iso: string): SQL {
  const installed = sql`
    select distinct s.id, s.name, s.last_seen_at
    from line_verdicts v
    join installed_software i on i.line_id = v.line_id
    join assets s on s.id = i.asset_id
    where v.patch_id = tr.patch_id and v.verdict = 'fixed' and i.tenant_id = tr.tenant_id
      and s.application_id is not distinct from tr.application_id and s.lifecycle <> 'decommissioned'
      and not exists (select 1 from applicability c where c.patch_id = tr.patch_id and c.asset_id = s.id)`;
  return sql`jsonb_build_object(
    'outcome', ${outcome},
    'closedAt', ${iso}::timestamptz,
    'openedAt', tr.opened_at,
    'dueAt', tr.due_at,
    'isWithinSla', ${iso}::timestamptz <= tr.due_at,
    'patch', (select jsonb_build_object('id', p.id, 'vendorId', p.vendor_id, 'title', p.title, 'severity', p.severity,
        'cves', to_jsonb(p.cves), 'isKev', p.is_kev) from patches p where p.id = tr.patch_id),
    'application', (select jsonb_build_object('id', ap.id, 'name', ap.name) from applications ap where ap.id = tr.application_id),
    'assets', (select coalesce(jsonb_agg(jsonb_build_object('id', x.id, 'name', x.name, 'verifiedInstalledAt', x.last_seen_at) order by x.name), '[]'::jsonb)
        from (${installed} order by s.name limit ${sql.raw(String(EVIDENCE_ASSET_LIMIT))}) x),
    'verifiedAssetCount', (select count(*) from (${installed}) y),
    'exceptedAssets', (select coalesce(jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name, 'state', a.state) order by s.name), '[]'::jsonb)
        from applicability a join assets s on s.id = a.asset_id
        where a.tenant_id = tr.tenant_id and a.patch_id = tr.patch_id and a.state = 'excepted'
          and s.application_id is not distinct from tr.application_id),
    'decisions', (select coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'kind', d.kind, 'status', d.status,
          'requestedBy', ru.name, 'requestedAt', d.requested_at, 'decidedBy', du.name, 'decidedAt', d.decided_at,
          'byRule', d.rule_id is not null, 'note', d.decision_note) order by d.requested_at), '[]'::jsonb)
        from patch_decisions d
        left join users ru on ru.id = d.requested_by
        left join users du on du.id = d.decided_by
        where d.tenant_id = tr.tenant_id and d.patch_id = tr.patch_id),
    'changes', (select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'number', c.number, 'title', c.title, 'type', c.type,
          'state', c.state, 'outcome', c.outcome, 'plannedStart', c.planned_start, 'plannedEnd', c.planned_end,
          'approvals', (select coalesce(jsonb_agg(jsonb_build_object('approver', u.name, 'decision', ca.decision,
                'capacities', ca.capacities, 'decidedAt', ca.decided_at, 'supersededAt', ca.superseded_at) order by ca.decided_at), '[]'::jsonb)
              from change_approvals ca left join users u on u.id = ca.approver_id where ca.change_id = c.id)
        ) order by c.number), '[]'::jsonb)
        from change_requests c
        where c.tenant_id = tr.tenant_id
          and exists (select 1 from change_patches cp where cp.change_id = c.id and cp.patch_id = tr.patch_id)
          and exists (select 1 from change_assets cx join assets s on s.id = cx.asset_id
            where cx.change_id = c.id and s.application_id is not distinct from tr.application_id)),
    'previous', tr.evidence
  )`;
}
