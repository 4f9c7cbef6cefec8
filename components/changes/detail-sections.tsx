import { AlertTriangle, CheckCircle2, Circle, XCircle } from 'lucide-react';
import Link from 'next/link';
import { StackedBarChart } from '@/components/charts/stacked-bar-chart';
import { SeverityBadge, KevBadge } from '@/components/patches/severity-badge';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { EmptyState } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import type { TApprovalState } from '@/lib/changes/approvers';
import type { TChangeDetail } from '@/lib/changes/change-detail';
import { changeNumber } from '@/lib/changes/queries';
import { CHANGE_STATE_LABEL, toChangeState, type TApprovalCapacity, type TScopeDiff } from '@/lib/domain/change';

type TDetail = TChangeDetail;

const waveLabel = (i: number | null) => (i === null ? '—' : `${i + 1}`);

/** The saved plan: jobs starting per day per ring (UTC), with the waves' table beside it. */
export function PlanCard({
  chart,
  waves,
  unschedulable,
  windowName,
  planned,
}: {
  chart: { rows: Record<string, string | number>[]; series: string[] };
  waves: TDetail['waves'];
  unschedulable: number;
  windowName: string | null;
  planned: boolean;
}) {
  return (
    <Card>
      <CardHeader
        title="Plan"
        description={`Jobs starting per day by ring; times in UTC${windowName ? ` · window ${windowName}` : ''}${unschedulable ? ` · ${unschedulable} asset(s) unschedulable` : ''}`}
      />
      {!planned || chart.rows.length === 0 ? (
        <EmptyState title="No planned slot">
          {unschedulable
            ? 'No asset of this change fits a maintenance window before its deadline: check the windows and blackouts of the tenant, then recompute the plan.'
            : 'This change has no plan yet.'}
        </EmptyState>
      ) : (
        <CardBody className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <div>
            <StackedBarChart rows={chart.rows} xKey="day" series={chart.series} label="Jobs per day by ring" height={220} />
          </div>
          <div className="overflow-x-auto">
            <SimpleTable
              label="Waves"
              head={['Wave', 'Ring', 'Jobs', 'Start', 'End']}
              rows={waves.map((w) => [
                waveLabel(w.waveIndex),
                w.ring,
                w.jobs.toLocaleString('en-US'),
                <span key="s" className="whitespace-nowrap text-xs">
                  {formatDateTime(w.start).slice(5, 16)}
                </span>,
                <span key="e" className="whitespace-nowrap text-xs">
                  {formatDateTime(w.end).slice(5, 16)}
                </span>,
              ])}
            />
          </div>
        </CardBody>
      )}
    </Card>
  );
}

const CONFLICT_LABEL = { blackout: 'Blackout', asset: 'Same asset', cluster: 'Same cluster' } as const;

/** Blackouts and other changes overlapping this change's slots, found before approval. */
export function ConflictsCard({ conflicts }: { conflicts: TDetail['conflicts'] }) {
  return (
    <Card data-testid="conflicts">
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            Conflicts
            {conflicts.length ? <Badge tone="amber">{conflicts.length}</Badge> : <Badge tone="green">none</Badge>}
          </span>
        }
        description="Blackout periods, and other changes on the same assets or on the same hypervisor cluster in overlapping time."
      />
      {conflicts.length === 0 ? (
        <CardBody>
          <p className="text-sm text-slate-500">No slot of this change overlaps a blackout or another active change.</p>
        </CardBody>
      ) : (
        <div className="max-h-80 overflow-y-auto px-2">
          <SimpleTable
            label="Conflicts"
            head={['Kind', 'Asset', 'With', 'Slot (UTC)']}
            rows={conflicts.slice(0, 200).map((k) => [
              <span key="k" className="inline-flex items-center gap-1 text-amber-800">
                <AlertTriangle className="size-3.5" /> {CONFLICT_LABEL[k.kind]}
              </span>,
              k.assetName ?? k.assetId.slice(0, 8),
              k.kind === 'blackout' ? (
                `blackout “${k.name}”`
              ) : (
                <Link key="w" href={`/changes/${k.changeId}`} className="text-brand-700 hover:underline">
                  {k.otherChangeNumber ? changeNumber(k.otherChangeNumber) : 'another change'}
                  {k.kind === 'cluster' ? ` on ${k.otherAssetName ?? 'a host'} (cluster ${k.cluster})` : ''}
                </Link>
              ),
              <span key="t" className="text-xs">
                {formatDateTime(k.start).replace(' UTC', '')} – {formatDateTime(k.end).slice(11)}
              </span>,
            ])}
          />
        </div>
      )}
    </Card>
  );
}

/** Scope drift: the live scope differs from the submitted one, so approval waits for a resubmission. */
export function DriftCard({ drift, canResubmit }: { drift: TScopeDiff & { names: Record<string, string> }; canResubmit: boolean }) {
  const n = (id: string) => drift.names[id] ?? id.slice(0, 8);
  const list = (ids: string[]) => `${ids.slice(0, 8).map(n).join(', ')}${ids.length > 8 ? `, and ${ids.length - 8} more` : ''}`;
  return (
    <section
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-5 py-4 text-sm text-amber-950"
      data-testid="scope-drift"
      aria-label="Scope drift"
    >
      <p className="flex items-center gap-2 font-semibold">
        <AlertTriangle className="size-4" /> The scope changed since this change was submitted
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {drift.added.length ? (
          <li>
            <strong>{drift.added.length} added:</strong> {list(drift.added)}
          </li>
        ) : null}
        {drift.removed.length ? (
          <li>
            <strong>{drift.removed.length} removed:</strong> {list(drift.removed)}
          </li>
        ) : null}
        {drift.moved.length ? (
          <li>
            <strong>{drift.moved.length} moved ring:</strong>{' '}
            {drift.moved
              .slice(0, 8)
              .map((m) => `${n(m.assetId)} (${m.from} → ${m.to})`)
              .join(', ')}
          </li>
        ) : null}
      </ul>
      <p className="mt-2">
        Approval is refused until the change is resubmitted with its current scope; earlier votes are then set aside.
        {canResubmit ? ' Use “Resubmit with the current scope” under Actions.' : ' Security or operations can resubmit it.'}
      </p>
    </section>
  );
}

const capacityLabel = (c: TApprovalCapacity, apps: TApprovalState['applications']) =>
  c.kind === 'owner' ? `owner of ${apps.find((a) => a.id === c.applicationId)?.name ?? 'an application'}` : c.kind === 'cab' ? 'CAB' : c.kind;

/** Who approved, who rejected, and who still has to. */
export function ApprovalCard({ change, approval }: { change: TDetail['change']; approval: TApprovalState }) {
  const { progress, applications, cab, votes, policy } = approval;
  const missingOwners = applications.filter((a) => progress.ownersMissing.includes(a.id));
  const isStandard = change.type === 'standard';
  return (
    <Card data-testid="approval">
      <CardHeader
        title="Approval"
        description={
          isStandard
            ? 'Pre-approved by a standard rule the tenant agreed to.'
            : change.type === 'emergency'
              ? 'Emergency: one CAB member or security approves after the fact.'
              : `Owners of the applications touched${policy.ownerApproval ? '' : ' (not required by the policy)'} and ${policy.cabQuorum} CAB/security approval(s).`
        }
      />
      <CardBody className="space-y-4">
        {!isStandard && !progress.satisfied && !progress.rejected && !change.approvedAt ? (
          <div data-testid="approval-missing">
            <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">Still to approve</p>
            <ul className="space-y-1 text-sm">
              {missingOwners.map((a) => (
                <li key={a.id} className="flex items-center gap-2">
                  <Circle className="size-3.5 text-slate-400" /> {a.ownerName ?? 'no owner set'} <span className="text-slate-500">— owner of {a.name}</span>
                </li>
              ))}
              {progress.cabMissing > 0 ? (
                <li className="flex items-center gap-2">
                  <Circle className="size-3.5 text-slate-400" /> {progress.cabMissing} more from the CAB or security
                  {cab.length ? <span className="text-slate-500">({cab.map((m) => m.name).join(', ')})</span> : null}
                </li>
              ) : null}
            </ul>
          </div>
        ) : null}
        {votes.length === 0 ? (
          <p className="text-sm text-slate-500">{isStandard ? 'No vote needed.' : 'No vote yet.'}</p>
        ) : (
          <ol className="space-y-2" aria-label="Approval trail">
            {votes.map((v) => (
              <li key={v.id} className={`text-sm ${v.superseded ? 'opacity-60' : ''}`} data-testid="vote" data-decision={v.decision}>
                <div className="flex items-center gap-2">
                  {v.decision === 'approve' ? <CheckCircle2 className="size-4 text-emerald-600" /> : <XCircle className="size-4 text-red-600" />}
                  <span className="font-medium">{v.approverName ?? 'external system'}</span>
                  <span className="text-slate-500">{v.decision === 'approve' ? 'approved' : 'rejected'}</span>
                  {v.superseded ? <Badge>superseded by resubmission</Badge> : null}
                </div>
                <div className="ml-6 text-xs text-slate-500">
                  as {v.capacities.map((c) => capacityLabel(c, applications)).join(', ') || '—'} · {formatDateTime(v.decidedAt)}
                </div>
                {v.note ? <p className="ml-6 whitespace-pre-line text-slate-700">“{v.note}”</p> : null}
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}

/** The patches of the change with the authorisation each went in under. */
export function PatchesCard({ patches }: { patches: TDetail['patches'] }) {
  return (
    <Card>
      <CardHeader title="Patches" description={`${patches.length} patch(es), most severe first, with the tenant’s authorisation`} />
      <div className="max-h-96 overflow-y-auto px-2">
        <SimpleTable
          label="Patches"
          head={['Patch', 'Severity', 'EPSS', 'Authorisation']}
          rows={patches.map((p) => [
            <div key="p" className="min-w-48 max-w-sm whitespace-normal">
              <Link href={`/patches/${p.patchId}`} className="font-medium text-brand-700 hover:underline">
                {p.vendorId}
              </Link>
              <div className="truncate text-xs text-slate-500" title={p.title}>
                {p.title}
              </div>
            </div>,
            <span key="s" className="inline-flex gap-1">
              <SeverityBadge severity={p.severity} />
              {p.isKev ? <KevBadge /> : null}
            </span>,
            p.epss === null ? '—' : `${(p.epss * 100).toFixed(1)}%`,
            p.decisionId ? (
              <Link key="d" href={`/patches/${p.patchId}/decide`} className="text-xs text-brand-700 hover:underline">
                {p.decisionStatus}
                {p.decidedByName ? ` by ${p.decidedByName}` : ''}
                {p.decidedAt ? ` · ${formatDateTime(p.decidedAt).slice(0, 10)}` : ''}
              </Link>
            ) : (
              <span key="d" className="text-xs text-slate-500">
                —
              </span>
            ),
          ])}
        />
      </div>
    </Card>
  );
}

/** Test runs of the tenant for these patches: what the authorisation rested on. */
export function TestRunsCard({ runs, patches, tenantSlug }: { runs: TDetail['testRuns']; patches: TDetail['patches']; tenantSlug: string }) {
  return (
    <Card>
      <CardHeader title="Test runs" description="The tenant’s test runs of these patches, newest first." />
      {runs.length === 0 ? (
        <CardBody>
          <p className="text-sm text-slate-500">
            No test run recorded for {patches.length === 1 ? 'this patch' : 'these patches'} in this tenant.{' '}
            <Link className="text-brand-700 hover:underline" href={`/history?tenant=${tenantSlug}`}>
              See the tenant’s patch history
            </Link>
            .
          </p>
        </CardBody>
      ) : (
        <div className="px-2">
          <SimpleTable
            label="Test runs"
            head={['Patch', 'Target', 'Status', 'Started', 'Completed']}
            rows={runs.map((r) => [
              <Link key="p" href={`/patches/${r.patchId}/decide`} className="text-brand-700 hover:underline">
                {r.vendorId}
              </Link>,
              r.target,
              <Badge key="s" tone={r.status === 'passed' ? 'green' : r.status === 'failed' ? 'red' : r.status === 'blocked' ? 'amber' : 'neutral'}>
                {r.status}
              </Badge>,
              <span key="c" className="text-xs">
                {formatDateTime(r.createdAt)}
              </span>,
              <span key="d" className="text-xs">
                {formatDateTime(r.completedAt)}
              </span>,
            ])}
          />
        </div>
      )}
    </Card>
  );
}

type TEvidence = { source?: string; summary?: string; links?: string[]; recordedAt?: string; assets?: Record<string, number> };

/** Implementation evidence: job outcomes or an operator's record; closing a finished change needs it. */
export function EvidenceCard({ evidence, outcome }: { evidence: unknown; outcome: string | null }) {
  const e = (evidence ?? null) as TEvidence | null;
  return (
    <Card data-testid="evidence">
      <CardHeader title="Evidence" description={outcome ? `Outcome: ${outcome}` : undefined} />
      <CardBody className="space-y-2 text-sm">
        {!e ? (
          <p className="text-slate-500">No implementation evidence yet: it is recorded when the change is implemented.</p>
        ) : (
          <>
            {e.summary ? <p className="whitespace-pre-line text-slate-800">{e.summary}</p> : null}
            {e.assets ? (
              <p className="text-xs text-slate-600">
                {Object.entries(e.assets)
                  .map(([k, v]) => `${v} ${k}`)
                  .join(' · ')}
              </p>
            ) : null}
            {e.links?.length ? (
              <ul className="list-disc pl-5 text-xs">
                {e.links.map((l) => (
                  <li key={l}>
                    <a href={l} className="text-brand-700 hover:underline" rel="noreferrer noopener" target="_blank">
                      {l}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="text-xs text-slate-500">
              {e.source ? `from ${e.source}` : null}
              {e.recordedAt ? ` · ${formatDateTime(e.recordedAt)}` : null}
            </p>
          </>
        )}
      </CardBody>
    </Card>
  );
}

/** Every transition of the change, newest first. */
export function HistoryCard({ events }: { events: TDetail['events'] }) {
  return (
    <Card>
      <CardHeader title="History" />
      <CardBody>
        <ol className="space-y-2 text-sm" aria-label="Change history">
          {events.map((e) => (
            <li key={e.id}>
              <span className="font-medium">{e.type === 'approval' ? 'vote' : e.type}</span>
              {e.fromState ? (
                <span className="text-slate-500">
                  {' '}
                  {CHANGE_STATE_LABEL[toChangeState(e.fromState)]} → {CHANGE_STATE_LABEL[toChangeState(e.toState)]}
                </span>
              ) : null}
              <div className="text-xs text-slate-500">
                {e.actor} · {formatDateTime(e.at)}
              </div>
            </li>
          ))}
          {events.length === 0 ? <li className="text-slate-500">No event yet.</li> : null}
        </ol>
      </CardBody>
    </Card>
  );
}
