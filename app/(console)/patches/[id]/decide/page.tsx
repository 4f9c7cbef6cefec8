import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { DecisionSummary, type TDecisionSummary } from '@/components/authorisation/decision-summary';
import { Objections } from '@/components/authorisation/objections';
import { PendingDecision } from '@/components/authorisation/pending-decision';
import { RequestDecisionForm, type TRequestTenant } from '@/components/authorisation/request-form';
import { StartTestForm } from '@/components/authorisation/start-test-form';
import { PatchStatusBadge } from '@/components/authorisation/status-badge';
import { TestRuns } from '@/components/authorisation/test-runs';
import { KevBadge, SeverityBadge } from '@/components/patches/severity-badge';
import { Card, CardBody, CardHeader, Stat } from '@/components/ui/card';
import { formatDate, formatDateTime } from '@/components/ui/format';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { getDb } from '@/lib/runtime/db';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getDecisionView, type TDecisionView } from '@/lib/authorisation/decision-view';
import { findVendorIds } from '@/lib/authorisation/queries';
import { checkTransition, DECISION_KINDS, DECISION_TARGET, STATUS_LABEL, utcDate } from '@/lib/domain/patch-lifecycle';
import { AppError } from '@/lib/errors';
import {
  approveDecisionAction,
  objectAction,
  recordTestResultAction,
  refuseDecisionAction,
  requestDecisionAction,
  startTestRunAction,
  uploadEvidenceAction,
  withdrawObjectionAction,
} from './actions';

export const metadata = { title: 'Test and decide' };

const summary = (d: TDecisionView['decisions'][number]): TDecisionSummary => ({
  id: d.id,
  kind: d.kind,
  status: d.status,
  justification: d.justification,
  impact: d.impact ? { ...d.impact, dependencies: d.impact.dependencies ?? [], order: d.impact.order ?? null } : null,
  tenantId: d.tenantId,
  tenant: d.tenant,
  scopeRings: d.scope?.rings ?? [],
  deferredUntil: d.deferredUntil,
  isEmergency: d.isEmergency,
  timeMode: d.timeMode,
  emergencyReason: d.emergencyReason,
  requestedByName: d.requestedByName,
  requestedAt: d.requestedAt.toISOString(),
  decidedByName: d.decidedByName,
  decidedAt: d.decidedAt?.toISOString() ?? null,
  decisionNote: d.decisionNote,
  ruleName: d.ruleName,
});

export default async function DecidePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'patch:read')) forbidden();
  const { id } = await params;
  const db = await getDb();
  const now = new Date();
  const view = await getDecisionView(db, actor, id, now).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const { patch, states, runs, decisions, pending } = view;
  const canTestIn = (tenantId: string) => can(actor, 'patch:test', tenantId);
  const requestTenants: TRequestTenant[] = states
    .filter((s) => s.canAuthorize && !s.pending)
    .map((s) => ({
      id: s.tenantId,
      name: s.tenant,
      version: s.version,
      hasPassedRun: s.hasPassedRun,
      status: STATUS_LABEL[s.status],
      kinds: DECISION_KINDS.filter((k) => checkTransition(s.status, DECISION_TARGET[k], { needsReview: s.needsReview }).ok),
    }));
  const kinds = DECISION_KINDS.filter((k) => requestTenants.some((t) => t.kinds.includes(k)));
  const canAuthorize = view.authorisableTenants.length > 0;
  const passedRuns = runs.filter((r) => r.isPassed && !r.isStale);
  const past = decisions.filter((d) => d.status !== 'requested');
  const isReadOnly = !can(actor, 'patch:test') && !canAuthorize;
  const authorisedIn = states.filter((s) => s.status === 'authorised').length;
  const version = (tenantId: string) => states.find((s) => s.tenantId === tenantId)?.version ?? 0;
  const reviewIn = states.filter((s) => s.needsReview);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/patches/${patch.id}`} className="hover:underline">
            Patches / {patch.vendorId}
          </Link>
        }
        title={
          <>
            Test and decide: <span data-testid="patch-id">{patch.vendorId}</span>
          </>
        }
        description={patch.title}
        actions={
          <span className="flex items-center gap-2">
            {patch.isKev ? <KevBadge /> : null}
            <SeverityBadge severity={patch.severity} />
          </span>
        }
      />
      {/* Each tenant's concurrency token this page was rendered with (forms send it back). */}
      {states.map((s) => (
        <span key={s.tenantId} hidden data-testid="decision-token" data-tenant={s.tenantId} data-version={s.version} data-content-hash={patch.contentHash} />
      ))}
      {reviewIn.length ? (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
          The vendor revised this patch after {reviewIn.map((s) => s.tenant).join(', ')} authorised it. Re-test it and re-authorise it there, or revoke the
          authorisation.
        </p>
      ) : null}
      {isReadOnly ? (
        <p className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="read-only">
          Read only: the security team tests and decides patches. You can follow the evidence and decisions here.
        </p>
      ) : null}
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="Authorised in"
          value={`${authorisedIn} of ${states.length}`}
          hint={states.length === 1 ? STATUS_LABEL[states[0].status] : 'of your tenants (each decides for itself)'}
        />
        <Stat label="Passed test runs" value={passedRuns.length} hint={`${runs.length} run(s) in your tenants`} />
        <Stat label="CVSS" value={patch.cvssScore?.toFixed(1) ?? '—'} hint={patch.cves.slice(0, 3).join(', ') || 'no CVE'} />
        <Stat
          label="Vendor revision"
          value={patch.revision ? (/^\d{4}-\d{2}-\d{2}T/.test(patch.revision) ? patch.revision.slice(0, 10) : patch.revision.slice(0, 24)) : '—'}
          hint={`${patch.revised ? `revised ${formatDate(patch.revised)}` : patch.published ? `published ${formatDate(patch.published)}` : 'no date'} · ${view.revisions.length} version(s) recorded`}
        />
      </div>
      <Card className="mb-6">
        <CardHeader title="Status per tenant" description="Each tenant tests, requests, approves, defers, rejects and revokes for itself." />
        <SimpleTable
          label="Status per tenant"
          head={['Tenant', 'Status', 'Test evidence', 'Pending request']}
          rows={states.map((s) => [
            <span key="t" className="font-medium">
              {s.tenant}
            </span>,
            <PatchStatusBadge key="s" status={s.status} stored={s.stored} deferredUntil={s.deferredUntil} needsReview={s.needsReview} />,
            s.hasPassedRun ? 'passed run of this revision' : runs.some((r) => r.tenantId === s.tenantId) ? 'no passed run yet' : 'not tested',
            s.pending ? `${s.pending.kind} by ${s.pending.requestedByName ?? 'unknown'}` : '—',
          ])}
        />
      </Card>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader
              title="Test runs"
              description="Results are entered by hand or imported from a test pipeline; a deployment connector will report them automatically later."
            />
            {view.testTargets.length && can(actor, 'patch:test') ? (
              <CardBody className="border-b border-slate-100">
                <StartTestForm action={startTestRunAction} patchId={patch.id} tenants={view.testTargets} />
              </CardBody>
            ) : null}
            <TestRuns patchId={patch.id} runs={runs} canTest={canTestIn} recordResult={recordTestResultAction} uploadEvidence={uploadEvidenceAction} />
          </Card>
          <Card>
            <CardHeader title="Decisions" description="Every request and its outcome, newest first." />
            {past.length === 0 ? (
              <EmptyState title="No decision yet">A security user requests one on the right; another security user approves it.</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="Decisions">
                {past.map((d) => (
                  <li key={d.id} className="px-5 py-3" data-testid="decision">
                    <DecisionSummary d={summary(d)} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          {pending.length ? (
            <Card>
              <CardHeader title="Awaiting a second approver" description="Four eyes: the requester cannot approve their own request." />
              <ul className="divide-y divide-slate-100">
                {pending.map((d) => (
                  <li key={d.id} className="px-5 py-4">
                    <PendingDecision
                      decision={summary(d)}
                      patchId={patch.id}
                      version={version(d.tenantId)}
                      contentHash={patch.contentHash}
                      canDecide={d.canDecide}
                      isOwnRequest={d.isOwnRequest}
                      isStale={d.isStale}
                      approve={approveDecisionAction}
                      refuse={refuseDecisionAction}
                    />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Request a decision" description="Another security user of each tenant approves it." />
            <CardBody>
              {canAuthorize && kinds.length ? (
                <RequestDecisionForm
                  action={requestDecisionAction}
                  patchId={patch.id}
                  vendorId={patch.vendorId}
                  contentHash={patch.contentHash}
                  kinds={kinds}
                  tenants={requestTenants}
                  rings={view.ringNames}
                  vendorIds={await findVendorIds(db)}
                  tomorrow={utcDate(new Date(now.getTime() + 86_400_000))}
                />
              ) : (
                <p className="text-sm text-slate-500">
                  {canAuthorize
                    ? 'No decision can be requested now: every tenant of yours has a pending request or no decision from its status.'
                    : 'Security users request decisions here.'}
                </p>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Auto-approval" description="Tenant rules may authorise a tested patch after some days unless someone objects." />
            <CardBody>
              <Objections
                patchId={patch.id}
                objections={view.objections.map((o) => ({
                  tenantId: o.tenantId,
                  tenant: o.tenant,
                  reason: o.reason,
                  byName: o.byName,
                  objectedAt: o.objectedAt.toISOString(),
                }))}
                tenants={view.authorisableTenants}
                canObject={canAuthorize}
                object={objectAction}
                withdraw={withdrawObjectionAction}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Vendor revisions" description={`source: ${patch.source}`} />
            <SimpleTable
              label="Revisions"
              head={['Revision', 'Vendor date', 'Recorded']}
              rows={view.revisions.map((r, i) => [
                <span key="r">
                  {r.revision ?? '—'}
                  {i === 0 ? <span className="ml-1 text-xs text-slate-500">(current)</span> : null}
                </span>,
                r.revised ? formatDate(r.revised) : '—',
                formatDateTime(r.recordedAt),
              ])}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
