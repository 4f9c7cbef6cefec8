import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SeverityCell } from '@/components/patches/severity-badge';
import { EvidenceView } from '@/components/tracking/evidence-view';
import { RecordAssetsTable } from '@/components/tracking/record-assets-table';
import { TrackingStateBadge } from '@/components/tracking/state-badge';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { getActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { getDb } from '@/lib/runtime/db';
import type { TTrackingEvidence } from '@/lib/tracking/evidence-sql';
import { getTrackingRecord } from '@/lib/tracking/queries';
import { findRecordAssets, findRecordAssignees, findRecordChanges, findRecordDecisions, ZRecordAssetsQuery } from '@/lib/tracking/record-details';
import { AFFECTED_STATES } from '@/lib/tracking/coverage';

export const metadata = { title: 'Tracking record' };

type TSeverity = 'critical' | 'high' | 'medium' | 'low' | 'none';
const changeNumber = (n: number) => `CHG-${String(n).padStart(6, '0')}`;

/** One tracking record: the assets it waits for (live), its due date and state, its authorisation and changes, and its evidence once closed. */
export default async function TrackingRecordPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const { id } = await params;
  const actor = (await getActor())!;
  const db = await getDb();
  const view = await getTrackingRecord(db, actor, id).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const query = ZRecordAssetsQuery.parse(await searchParams);
  const [assets, decisions, changes, assignees] = await Promise.all([
    findRecordAssets(db, view, query),
    findRecordDecisions(db, view),
    findRecordChanges(db, view),
    findRecordAssignees(db, view),
  ]);
  const r = view.record;
  const isOverdue = r.state !== 'closed' && r.dueAt.getTime() < Date.now();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/queue" className="hover:underline">
            ← My queue
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/patches/${view.patch.id}`} className="hover:underline">
              {view.patch.vendorId}
            </Link>
            <span className="text-slate-400">on</span>
            {view.application?.name ?? 'assets with no application'}
            <TrackingStateBadge state={r.state} />
            {isOverdue ? <Badge tone="red">overdue</Badge> : null}
          </span>
        }
        description={`${view.patch.title} · ${view.tenantName}`}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-3">
          <CardBody>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
              <div>
                <dt className="text-xs text-slate-500">Severity</dt>
                <dd>
                  <SeverityCell severity={view.patch.severity as TSeverity} isKev={view.patch.isKev} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Due</dt>
                <dd className={isOverdue ? 'font-semibold text-red-700' : undefined} data-testid="record-due">
                  {formatDateTime(r.dueAt)}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Affected assets</dt>
                <dd className="tabular-nums">{assets.total}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Opened</dt>
                <dd>{formatDateTime(r.openedAt)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Closed</dt>
                <dd>{formatDateTime(r.closedAt)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Worked by</dt>
                <dd>
                  {view.groupName ? `${view.groupName}: ` : view.application ? 'the owner: ' : 'security of the tenant'}
                  {assignees.map((a) => a.name).join(', ')}
                </dd>
              </div>
            </dl>
            {view.patch.cves.length ? <p className="mt-3 text-xs text-slate-500">CVEs: {view.patch.cves.join(', ')}</p> : null}
          </CardBody>
        </Card>
        {r.state === 'closed' && r.evidence ? (
          <Card className="lg:col-span-3">
            <CardHeader title="Evidence" description="Frozen when the record closed: what, where, when, who decided and approved." />
            <CardBody>
              <EvidenceView evidence={r.evidence as TTrackingEvidence} />
            </CardBody>
          </Card>
        ) : null}
        <Card className="lg:col-span-2">
          <CardHeader title="Affected assets" description="Live from applicability: the assets of this application still waiting for the patch." />
          <RecordAssetsTable
            rows={assets.rows.map((a) => ({ ...a, detectedAt: a.detectedAt.toISOString() }))}
            total={assets.total}
            page={assets.page}
            pageSize={assets.size}
            sort={query.sort}
            filters={[{ key: 'state', label: 'State', options: AFFECTED_STATES.map((s) => ({ value: s, label: s })) }]}
          />
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader
              title="Authorisation"
              actions={
                <Link className="text-xs text-brand-600 hover:underline" href={`/patches/${view.patch.id}`}>
                  Patch and decisions →
                </Link>
              }
            />
            {decisions.length ? (
              <SimpleTable
                label="Decisions"
                head={['Decision', 'Requested', 'Decided']}
                rows={decisions.map((d) => [
                  `${d.kind} · ${d.status}`,
                  `${d.requestedBy ?? '—'}, ${formatDateTime(d.requestedAt)}`,
                  d.decidedAt ? `${d.isByRule ? 'rule' : (d.decidedBy ?? '—')}, ${formatDateTime(d.decidedAt)}` : '—',
                ])}
              />
            ) : (
              <CardBody className="text-sm text-slate-500">No authorisation yet. Security requests and approves it on the patch page.</CardBody>
            )}
          </Card>
          <Card>
            <CardHeader title="Changes" />
            {changes.length ? (
              <SimpleTable
                label="Changes"
                head={['Change', 'State', 'Planned']}
                rows={changes.map((c) => [
                  <Link key="c" className="text-brand-700 hover:underline" href={`/changes/${c.id}`}>
                    {changeNumber(c.number)}
                  </Link>,
                  `${c.type} · ${c.state}`,
                  formatDateTime(c.plannedStart),
                ])}
              />
            ) : (
              <CardBody className="text-sm text-slate-500">
                No change carries this patch to these assets yet. Once it is authorised, a change is created per the tenant policy.
              </CardBody>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
