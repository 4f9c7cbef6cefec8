import { CalendarDays } from 'lucide-react';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { ChangesTable, type TChangeRowView } from '@/components/changes/changes-table';
import { GenerateChangesForm } from '@/components/changes/generate-form';
import { buttonVariants } from '@/components/ui/button';
import { Card, Stat } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { findChangeIdsAwaitingMe } from '@/lib/changes/approvers';
import { changeNumber, changeTenants, findChanges, ZChangeListQuery, type TChangeListRow } from '@/lib/changes/queries';
import { CHANGE_STATE_LABEL, CHANGE_STATES, CHANGE_TYPES, RISK_LEVELS } from '@/lib/domain/change';
import { getDb } from '@/lib/runtime/db';
import { generateChangesAction } from './actions';

export const metadata = { title: 'Changes' };

const DESCRIPTION = 'Change requests grouped from authorised patches: their scope, plan, risk and conflicts, who must approve them, and how they went.';

const toView = (r: TChangeListRow): TChangeRowView => ({
  id: r.id,
  number: changeNumber(r.number),
  title: r.title,
  type: r.type,
  state: r.state,
  tenantName: r.tenantName,
  ring: r.ring,
  applicationName: r.applicationName,
  plannedStart: r.plannedStart?.toISOString() ?? null,
  plannedEnd: r.plannedEnd?.toISOString() ?? null,
  riskScore: r.riskScore,
  riskLevel: r.riskLevel,
  approvalDueAt: r.approvalDueAt?.toISOString() ?? null,
  assetCount: r.assetCount,
  patchCount: r.patchCount,
  conflictCount: r.conflictCount,
});

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'change:read')) forbidden();
  const params = await searchParams;
  const isInbox = params.view === 'awaiting';
  const query = ZChangeListQuery.parse(params);
  const db = await getDb();
  const awaitingIds = await findChangeIdsAwaitingMe(db, actor);
  const page = await findChanges(db, actor, query, isInbox ? { onlyIds: awaitingIds } : {});
  const requestTenants = changeTenants(actor, 'change:request');
  const n = (...states: string[]) => states.reduce((s, x) => s + (page.byState[x] ?? 0), 0);
  const filters = [
    ...(page.tenants.length > 1 ? [{ key: 'tenant', label: 'Tenant', options: page.tenants.map((t) => ({ value: t.slug, label: t.name })) }] : []),
    ...(isInbox ? [] : [{ key: 'state', label: 'State', options: CHANGE_STATES.map((s) => ({ value: s, label: CHANGE_STATE_LABEL[s] })) }]),
    { key: 'type', label: 'Type', options: CHANGE_TYPES.map((t) => ({ value: t, label: t })) },
    { key: 'risk', label: 'Risk', options: RISK_LEVELS.map((r) => ({ value: r, label: `${r} risk` })) },
  ];
  const tab = (active: boolean) =>
    `inline-flex items-center gap-2 border-b-2 px-1 pb-2 text-sm font-medium ${active ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:text-slate-800'}`;

  return (
    <>
      <PageHeader
        title={isInbox ? 'Changes waiting for me' : 'Changes'}
        description={
          isInbox
            ? 'Changes that need your vote: as owner of an application they touch, as a CAB member or as security, until the policy’s quorum is met. Oldest first.'
            : DESCRIPTION
        }
        actions={
          <>
            <Link href="/changes/calendar" className={buttonVariants({ variant: 'secondary' })}>
              <CalendarDays /> Calendar
            </Link>
            {requestTenants.length ? <GenerateChangesForm tenants={requestTenants} generate={generateChangesAction} /> : null}
          </>
        }
      />
      <nav className="mb-4 flex gap-6 border-b border-slate-200" aria-label="Change views">
        <Link href="/changes" className={tab(!isInbox)} aria-current={!isInbox ? 'page' : undefined}>
          All changes <span className="rounded-full bg-slate-100 px-1.5 text-xs tabular-nums text-slate-600">{page.all}</span>
        </Link>
        <Link href="/changes?view=awaiting&sort=number:asc" className={tab(isInbox)} aria-current={isInbox ? 'page' : undefined}>
          Waiting for me
          <span
            className={`rounded-full px-1.5 text-xs tabular-nums ${awaitingIds.length ? 'bg-purple-600 text-white' : 'bg-slate-100 text-slate-600'}`}
            data-testid="awaiting-count"
            data-count={awaitingIds.length}
          >
            {awaitingIds.length}
          </span>
        </Link>
      </nav>
      {!isInbox && page.all > 0 ? (
        <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-5">
          <Stat label="Awaiting approval" value={n('submitted')} hint={`${awaitingIds.length} need your vote`} />
          <Stat label="Approved / scheduled" value={n('approved', 'scheduled')} hint="planned in their windows" />
          <Stat label="Implementing" value={n('implementing')} />
          <Stat label="Completed" value={n('completed', 'closed')} hint="incl. closed" />
          <Stat label="Failed / rejected" value={n('failed', 'rejected')} hint={`${n('cancelled')} cancelled`} />
        </div>
      ) : null}
      <Card>
        {page.tenants.length === 0 ? (
          <EmptyState title="No tenant to show">Ask an administrator to grant you a role in a tenant.</EmptyState>
        ) : !isInbox && page.all === 0 ? (
          <EmptyState
            title="No change requests yet"
            action={
              requestTenants.length ? null : (
                <Link href="/history" className={buttonVariants({ variant: 'secondary' })}>
                  See authorised patches
                </Link>
              )
            }
          >
            {requestTenants.length
              ? 'Changes are made from authorised patches: choose a tenant and press “Generate changes” above. Authorise patches under Testing first if there are none.'
              : 'Security or operations generate changes from authorised patches; they will show here for review and approval.'}
          </EmptyState>
        ) : isInbox && awaitingIds.length === 0 ? (
          <EmptyState
            title="Nothing is waiting for your approval"
            action={
              <Link href="/changes" className={buttonVariants({ variant: 'secondary' })}>
                See all changes
              </Link>
            }
          >
            When a change touches an application you own — or needs the CAB or security while its quorum is not met — it shows here.
          </EmptyState>
        ) : (
          <ChangesTable
            label={isInbox ? 'Changes waiting for me' : 'Changes'}
            rows={page.rows.map(toView)}
            total={page.total}
            page={page.page}
            pageSize={page.size}
            sort={query.sort}
            filters={filters}
            empty="No change matches these filters. Clear them to see every change."
          />
        )}
      </Card>
    </>
  );
}
