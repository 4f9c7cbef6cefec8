import Link from 'next/link';
import type { ReactNode } from 'react';
import { SimpleTable } from '@/components/ui/simple-table';
import { formatDateTime } from '@/components/ui/format';
import type { TTrackingEvidence } from '@/lib/tracking/evidence-sql';

const changeNumber = (n: number) => `CHG-${String(n).padStart(6, '0')}`;

function Table({ label, head, rows, empty }: { label: string; head: ReactNode[]; rows: ReactNode[][]; empty?: string }) {
  return rows.length ? <SimpleTable label={label} head={head} rows={rows} /> : <p className="text-slate-500">{empty ?? 'None.'}</p>;
}

/** The evidence frozen when a tracking record closed: what, where, when, who decided and approved. */
export function EvidenceView({ evidence }: { evidence: TTrackingEvidence }) {
  return (
    <div className="space-y-4 text-sm" data-testid="evidence">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">Outcome</dt>
          <dd className="font-medium">{evidence.outcome}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Closed</dt>
          <dd>{formatDateTime(evidence.closedAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Due</dt>
          <dd>{formatDateTime(evidence.dueAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Within SLA</dt>
          <dd className={evidence.isWithinSla ? 'text-emerald-700' : 'font-medium text-red-700'}>{evidence.isWithinSla ? 'yes' : 'no'}</dd>
        </div>
      </dl>
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Verified installed ({evidence.verifiedAssetCount}
          {evidence.verifiedAssetCount > evidence.assets.length ? `, first ${evidence.assets.length} listed` : ''})
        </h3>
        <Table
          label="Verified assets"
          head={['Asset', 'Verified installed']}
          rows={evidence.assets.map((a) => [a.name, formatDateTime(a.verifiedInstalledAt)])}
          empty="No asset of this application has the fix installed: the affected assets left the record (decommissioned, moved or the package removed)."
        />
      </div>
      {evidence.exceptedAssets.length ? (
        <div>
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Covered by an exception</h3>
          <Table label="Excepted assets" head={['Asset', 'State']} rows={evidence.exceptedAssets.map((a) => [a.name, a.state])} />
        </div>
      ) : null}
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Authorisation</h3>
        <Table
          label="Decisions at closure"
          head={['Decision', 'Status', 'Requested', 'Decided']}
          rows={evidence.decisions.map((d) => [
            d.kind,
            d.status,
            `${d.requestedBy ?? '—'} · ${formatDateTime(d.requestedAt)}`,
            d.decidedAt ? `${d.byRule ? 'auto-approval rule' : (d.decidedBy ?? '—')} · ${formatDateTime(d.decidedAt)}` : '—',
          ])}
          empty="No authorisation decision existed for this patch in this tenant at closure."
        />
      </div>
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Changes</h3>
        <Table
          label="Changes at closure"
          head={['Change', 'State', 'Planned', 'Approvals']}
          rows={evidence.changes.map((c) => [
            <Link key="c" className="text-brand-700 hover:underline" href={`/changes/${c.id}`}>
              {changeNumber(c.number)} {c.title}
            </Link>,
            `${c.type} · ${c.state}${c.outcome ? ` (${c.outcome})` : ''}`,
            c.plannedStart ? `${formatDateTime(c.plannedStart)} → ${formatDateTime(c.plannedEnd)}` : '—',
            c.approvals.length ? c.approvals.map((a) => `${a.approver ?? 'external'}: ${a.decision} ${formatDateTime(a.decidedAt)}`).join('; ') : 'none',
          ])}
          empty="No change carried this patch to these assets: they were patched outside a change."
        />
      </div>
      {evidence.previous ? (
        <p className="text-xs text-slate-500">
          Reopened once before: the earlier closure ({formatDateTime(evidence.previous.closedAt)}) is kept in the record.
        </p>
      ) : null}
    </div>
  );
}
