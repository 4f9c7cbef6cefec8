import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { ChangeActions, CommentForm, RecordOutcomeForm, type TChangeButton } from '@/components/changes/change-actions';
import { ChangeStateBadge, ChangeTypeBadge, RiskBadge } from '@/components/changes/change-badges';
import { ApprovalCard, ConflictsCard, DriftCard, EvidenceCard, HistoryCard, PatchesCard, PlanCard, TestRunsCard } from '@/components/changes/detail-sections';
import { ChangeAssetsTable } from '@/components/changes/change-assets-table';
import { Card, CardBody, CardHeader, Stat } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { can, type TActor } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { approverCapacities, isAwaitingApproval, loadApprovalState } from '@/lib/changes/approvers';
import { findChangeAssets, getChange, planChartRows, ZChangeAssetQuery, type TChangeDetail } from '@/lib/changes/change-detail';
import { changeNumber } from '@/lib/changes/queries';
import { loadScopeDrift } from '@/lib/changes/scope';
import { refreshConflicts } from '@/lib/changes/replan-change';
import { allowedEvents, isScopeDiffEmpty, toChangeState, type TChangeType } from '@/lib/domain/change';
import { AppError } from '@/lib/errors';
import { getDb } from '@/lib/runtime/db';
import {
  addChangeCommentAction,
  approveChangeAction,
  cancelChangeAction,
  closeChangeAction,
  expediteChangeAction,
  recordOutcomeAction,
  rejectChangeAction,
  replanChangeAction,
  resubmitChangeAction,
  scheduleChangeAction,
  startChangeAction,
} from '../actions';

export const metadata = { title: 'Change' };

const OPERATOR_EVENTS = ['schedule', 'expedite', 'start', 'cancel', 'close'] as const;

/** The buttons this actor gets: votes by capacity, resubmission by requesters, the rest by operators, each only where the state machine allows it. */
async function buttonsFor(db: Awaited<ReturnType<typeof getDb>>, actor: TActor, d: TChangeDetail, hasDrift: boolean) {
  const c = d.change;
  const buttons: TChangeButton[] = [];
  let voteNote: string | null = null;
  if (isAwaitingApproval(c)) {
    const { capacities, reason } = await approverCapacities(db, actor, c);
    const voted = actor.kind === 'user' && d.approvals.some((a) => a.approverId === actor.userId && !a.supersededAt);
    if (capacities.length === 0) voteNote = reason;
    else if (voted) voteNote = 'You have voted on this change.';
    else if (hasDrift && c.state === 'submitted') voteNote = 'The scope changed since submission: it must be resubmitted before anyone can approve it.';
    else buttons.push('approve', 'reject');
  }
  if (c.state === 'submitted' && hasDrift && can(actor, 'change:request', c.tenantId)) buttons.push('resubmit');
  if (can(actor, 'change:operate', c.tenantId)) {
    const allowed = allowedEvents(toChangeState(c.state), { type: c.type as TChangeType, hasEvidence: c.evidence !== null });
    if (['submitted', 'approved', 'scheduled'].includes(c.state)) buttons.push('replan');
    for (const e of OPERATOR_EVENTS) if (allowed.includes(e)) buttons.push(e);
  }
  return { buttons, voteNote };
}

export default async function ChangePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'change:read')) forbidden();
  const { id } = await params;
  const db = await getDb();
  const isNotFound = (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND';
  // Conflicts are derived: a blackout or another change planned since is found before anyone approves.
  await refreshConflicts(db, actor, id).catch((e: unknown) => {
    if (!isNotFound(e)) console.error('[patchward] refreshing conflicts failed', e);
  });
  const d = await getChange(db, actor, id).catch((e: unknown) => {
    if (isNotFound(e)) notFound();
    throw e;
  });
  const c = d.change;
  const [assetPage, approval, drift] = await Promise.all([
    findChangeAssets(db, c, ZChangeAssetQuery.parse(await searchParams)),
    loadApprovalState(db, c),
    loadScopeDrift(db, actor, c.id),
  ]);
  const hasDrift = !isScopeDiffEmpty(drift);
  const { buttons, voteNote } = await buttonsFor(db, actor, d, hasDrift);
  const chart = planChartRows(
    d.perDay,
    d.waves.map((w) => w.ring),
  );
  const assetTotal = d.waves.reduce((s, w) => s + w.jobs, 0) + d.unschedulable.reduce((s, u) => s + u.n, 0);
  const unschedulable = d.unschedulable.reduce((s, u) => s + u.n, 0);
  const number = changeNumber(c.number);
  const isVoter = buttons.includes('approve');
  const noteLabel = isVoter
    ? 'Note (required to reject)'
    : buttons.some((b) => b === 'cancel' || b === 'expedite')
      ? 'Note (required to cancel or expedite)'
      : 'Note (optional)';

  return (
    <div data-testid="change-detail" data-change-id={c.id} data-version={c.version} data-state={c.state} data-planned-start={c.plannedStart?.toISOString()}>
      <PageHeader
        eyebrow={
          <span className="flex items-center gap-1">
            <Link href="/changes" className="hover:underline">
              Changes
            </Link>
            <span aria-hidden>/</span>
            <span>{d.tenant.name}</span>
          </span>
        }
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="change-number">{number}</span>
            <span className="font-normal text-slate-600">{c.title}</span>
          </span>
        }
        actions={
          <span className="flex items-center gap-2">
            <ChangeTypeBadge type={c.type} />
            <ChangeStateBadge state={c.state} />
          </span>
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="Risk"
          value={<RiskBadge score={c.riskScore} level={c.riskLevel} />}
          hint={<span data-testid="risk-factors">{c.risk.factors.map((f) => `${f.factor} +${f.points}`).join(' · ') || 'no risk factor'}</span>}
        />
        <Stat
          label="Scope"
          value={
            <span className="text-lg">
              {d.patches.length} patch(es) · {assetTotal.toLocaleString('en-US')} asset(s)
            </span>
          }
          hint={
            [d.applicationName ?? (d.applications.length ? `${d.applications.length} application(s)` : null), c.ring ? `ring ${c.ring}` : null]
              .filter(Boolean)
              .join(' · ') || undefined
          }
        />
        <Stat
          label="Planned"
          value={<span className="text-base">{c.plannedStart ? formatDateTime(c.plannedStart) : 'not planned'}</span>}
          hint={c.plannedEnd ? `until ${formatDateTime(c.plannedEnd)} · ${c.timeMode} time` : `${c.timeMode} time`}
        />
        <Stat
          label="Approval"
          value={
            <span className="text-base" data-testid="approval-status">
              {c.approvedAt
                ? `approved ${formatDateTime(c.approvedAt).slice(0, 10)}`
                : approval.progress.rejected
                  ? 'rejected'
                  : c.type === 'standard'
                    ? 'pre-approved'
                    : `${approval.progress.ownersMissing.length + approval.progress.cabMissing} approval(s) missing`}
            </span>
          }
          hint={c.approvalDueAt && !c.approvedAt ? `due by ${formatDateTime(c.approvalDueAt)}` : undefined}
        />
      </div>
      {hasDrift ? <DriftCard drift={drift} canResubmit={buttons.includes('resubmit')} /> : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <PlanCard chart={chart} waves={d.waves} unschedulable={unschedulable} windowName={d.windowName} planned={c.plannedStart !== null} />
          <ConflictsCard conflicts={d.conflicts} />
          <PatchesCard patches={d.patches} />
          <Card>
            <CardHeader title="Assets and their slots" description={`${assetPage.total.toLocaleString('en-US')} asset(s); times in UTC`} />
            <ChangeAssetsTable
              rows={assetPage.rows.map((r) => ({ ...r, plannedStart: r.plannedStart?.toISOString() ?? null, plannedEnd: r.plannedEnd?.toISOString() ?? null }))}
              total={assetPage.total}
              page={assetPage.page}
              pageSize={assetPage.size}
              sort={ZChangeAssetQuery.parse(await searchParams).sort}
            />
          </Card>
          <TestRunsCard runs={d.testRuns} patches={d.patches} tenantSlug={d.tenant.slug} />
        </div>
        <div className="min-w-0 space-y-6">
          {buttons.length || voteNote ? (
            <Card>
              <CardHeader title="Actions" description={`You act on version ${c.version} of this change.`} />
              <CardBody className="space-y-3">
                {voteNote ? (
                  <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="cannot-approve">
                    {voteNote}
                  </p>
                ) : null}
                <ChangeActions
                  changeId={c.id}
                  version={c.version}
                  buttons={buttons}
                  noteLabel={noteLabel}
                  actions={{
                    approve: approveChangeAction,
                    reject: rejectChangeAction,
                    resubmit: resubmitChangeAction,
                    schedule: scheduleChangeAction,
                    expedite: expediteChangeAction,
                    start: startChangeAction,
                    replan: replanChangeAction,
                    cancel: cancelChangeAction,
                    close: closeChangeAction,
                  }}
                />
                {c.state === 'implementing' && can(actor, 'change:operate', c.tenantId) ? (
                  <div className="border-t border-slate-100 pt-3">
                    <RecordOutcomeForm changeId={c.id} version={c.version} action={recordOutcomeAction} />
                  </div>
                ) : null}
              </CardBody>
            </Card>
          ) : null}
          <ApprovalCard change={c} approval={approval} />
          <Card>
            <CardHeader title="Details" />
            <CardBody>
              <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm">
                <dt className="text-slate-500">Tenant</dt>
                <dd>{d.tenant.name}</dd>
                <dt className="text-slate-500">Grouped by</dt>
                <dd>
                  {c.grouping === 'application'
                    ? `application ${d.applicationName ?? ''}`
                    : `ring ${c.ring ?? '—'}${d.windowName ? ` · window ${d.windowName}` : ''}`}
                </dd>
                <dt className="text-slate-500">Released</dt>
                <dd>{formatDateTime(c.releaseAt)}</dd>
                <dt className="text-slate-500">Requested by</dt>
                <dd>{d.requestedByName ?? 'the system'}</dd>
                {c.standardRule ? (
                  <>
                    <dt className="text-slate-500">Standard rule</dt>
                    <dd>{(c.standardRule as { name?: string }).name ?? 'pre-approved'}</dd>
                  </>
                ) : null}
                {c.externalRef ? (
                  <>
                    <dt className="text-slate-500">External ref</dt>
                    <dd className="font-mono text-xs">{c.externalRef}</dd>
                  </>
                ) : null}
                <dt className="text-slate-500">Backout plan</dt>
                <dd className="whitespace-pre-line text-slate-700">{c.backoutPlan}</dd>
              </dl>
            </CardBody>
          </Card>
          <EvidenceCard evidence={c.evidence} outcome={c.outcome} />
          <Card>
            <CardHeader title="Comments" description={d.comments.length ? `${d.comments.length} comment(s)` : undefined} />
            <CardBody className="space-y-4">
              {d.comments.length === 0 ? <p className="text-sm text-slate-500">No comments yet.</p> : null}
              <ol className="space-y-3" aria-label="Comments">
                {d.comments.map((m) => (
                  <li key={m.id} className="text-sm">
                    <div className="text-xs text-slate-500">
                      <span className="font-medium text-slate-700">{m.authorName ?? 'system'}</span> · {formatDateTime(m.createdAt)}
                    </div>
                    <p className="whitespace-pre-line text-slate-800">{m.body}</p>
                  </li>
                ))}
              </ol>
              {can(actor, 'change:comment', c.tenantId) ? <CommentForm changeId={c.id} action={addChangeCommentAction} /> : null}
            </CardBody>
          </Card>
          <HistoryCard events={d.events} />
        </div>
      </div>
    </div>
  );
}
