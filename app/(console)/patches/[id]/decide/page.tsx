import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { DecisionSummary, type TDecisionSummary } from '@/components/authorisation/decision-summary';
import { Objections } from '@/components/authorisation/objections';
import { PendingDecision } from '@/components/authorisation/pending-decision';
import { RequestDecisionForm } from '@/components/authorisation/request-form';
import { StartTestForm } from '@/components/authorisation/start-test-form';
import { PatchStatusBadge } from '@/components/authorisation/status-badge';
import { TestRuns } from '@/components/authorisation/test-runs';
import { KevBadge, SeverityBadge } from '@/components/patches/severity-badge';
import { Card, CardBody, CardHeader, Stat } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { getDb } from '@/lib/runtime/db';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getDecisionView, type TDecisionView } from '@/lib/authorisation/decision-view';
import { findVendorIds } from '@/lib/authorisation/queries';
import { checkTransition, DECISION_KINDS, DECISION_TARGET, STATUS_LABEL, utcDate } from '@/lib/domain/patch-lifecycle';
import { AppError } from '@/lib/errors';
import { approveDecisionAction, objectAction, recordTestResultAction, refuseDecisionAction, requestDecisionAction, startTestRunAction, uploadEvidenceAction, withdrawObjectionAction } from './actions';

export const metadata = { title: 'Test and decide' };

const summary = (d: TDecisionView['decisions'][number]): TDecisionSummary => ({
  id: d.id,
  kind: d.kind,
  status: d.status,
  justification: d.justification,
  impact: d.impact ? { ...d.impact, dependencies: d.impact.dependencies ?? [], order: d.impact.order ?? null } : null,
  scopeTenants: d.scopeTenants,
  scopeRings: d.scope?.rings ?? [],
  deferredUntil: d.deferredUntil,
  isEmergency: d.isEmergency,
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
  const { state, runs, decisions, pending } = view;
  const { patch } = state;
  const canTestIn = (tenantId: string) => can(actor, 'patch:test', tenantId);
  const canAuthorize = view.authorisableTenants.length > 0;
  const kinds = DECISION_KINDS.filter((k) => checkTransition(state.status, DECISION_TARGET[k], { needsReview: state.needsReview }).ok);
  const passedRuns = runs.filter((r) => r.isPassed && !r.isStale);
  const past = decisions.filter((d) => d.status !== 'requested');
  const isReadOnly = !can(actor, 'patch:test') && !canAuthorize;
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
            <PatchStatusBadge status={state.status} stored={state.stored} deferredUntil={state.deferredUntil} needsReview={state.needsReview} />
          </span>
        }
      />
      {/* The concurrency token this page was rendered with (forms send it back). */}
      <span hidden data-testid="decision-token" data-version={state.version} data-content-hash={patch.contentHash} />
      {state.needsReview ? (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
          The vendor revised this patch after it was authorised. Re-test it and re-authorise it, or revoke the authorisation.
        </p>
      ) : null}
      {isReadOnly ? (
        <p className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="read-only">
          Read only: the security team tests and decides patches. You can follow the evidence and decisions here.
        </p>
      ) : null}
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Status" value={STATUS_LABEL[state.status]} hint={`version ${state.version}${state.stored === 'deferred' && state.deferredUntil ? ` · deferred until ${state.deferredUntil}` : ''}`} />
        <Stat label="Passed test runs" value={passedRuns.length} hint={`${runs.length} run(s) in your tenants`} />
        <Stat label="CVSS" value={patch.cvssScore?.toFixed(1) ?? '—'} hint={patch.cves.slice(0, 3).join(', ') || 'no CVE'} />
        <Stat label="Vendor revision" value={patch.revised?.toISOString().slice(0, 10) ?? patch.published?.toISOString().slice(0, 10) ?? '—'} hint={`${view.revisions.length} version(s) recorded${patch.revision ? ` · ${patch.revision.slice(0, 24)}` : ''}`} />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Test runs" description="Results are entered by hand for now; a deployment connector will report them automatically later." />
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
          <Card>
            <CardHeader title="Decision" description="Four eyes: the requester cannot approve their own request." />
            <CardBody>
              {pending ? (
                <PendingDecision
                  decision={summary(pending)}
                  patchId={patch.id}
                  version={state.version}
                  contentHash={patch.contentHash}
                  canDecide={pending.canDecide}
                  isOwnRequest={pending.isOwnRequest}
                  isStale={pending.isStale}
                  approve={approveDecisionAction}
                  refuse={refuseDecisionAction}
                />
              ) : canAuthorize && kinds.length ? (
                <RequestDecisionForm
                  action={requestDecisionAction}
                  patchId={patch.id}
                  vendorId={patch.vendorId}
                  version={state.version}
                  contentHash={patch.contentHash}
                  kinds={kinds}
                  tenants={view.authorisableTenants}
                  rings={view.ringNames}
                  hasPassedRun={passedRuns.length > 0}
                  vendorIds={await findVendorIds(db)}
                  tomorrow={utcDate(new Date(now.getTime() + 86_400_000))}
                />
              ) : (
                <p className="text-sm text-slate-500">{canAuthorize ? 'No decision is possible from this status.' : 'No pending request. Security users request decisions here.'}</p>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Auto-approval" description="Tenant rules may authorise a tested patch after some days unless someone objects." />
            <CardBody>
              <Objections
                patchId={patch.id}
                objections={view.objections.map((o) => ({ tenantId: o.tenantId, tenant: o.tenant, reason: o.reason, byName: o.byName, objectedAt: o.objectedAt.toISOString() }))}
                tenants={view.authorisableTenants}
                canObject={canAuthorize}
                object={objectAction}
                withdraw={withdrawObjectionAction}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Revisions" description={`source: ${patch.source}`} />
            <SimpleTable
              label="Revisions"
              head={['Recorded', 'Revision', 'Content']}
              rows={view.revisions.map((r) => [formatDateTime(r.recordedAt), r.revision ?? '—', <span key="h" className="font-mono text-xs">{r.contentHash.slice(0, 10)}{r.contentHash === patch.contentHash ? ' (current)' : ''}</span>])}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
