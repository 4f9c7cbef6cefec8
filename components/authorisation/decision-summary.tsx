import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';

export type TDecisionSummary = {
  id: string;
  kind: string;
  status: string;
  justification: string;
  impact: { downtimeMinutes: number; rebootRequired: boolean; dependencies: string[]; order: number | null } | null;
  tenantId: string;
  tenant: string;
  scopeRings: string[];
  deferredUntil: string | null;
  isEmergency: boolean;
  /** 'local' | 'absolute'; null = the tenant policy's default. */
  timeMode: string | null;
  emergencyReason: string | null;
  requestedByName: string | null;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  ruleName: string | null;
};

const STATUS_TONE = { requested: 'purple', approved: 'green', refused: 'red' } as const;

/** What was asked and decided, in words: kind, justification, impact, scope, who and when. */
export function DecisionSummary({ d }: { d: TDecisionSummary }) {
  return (
    <div className="space-y-1.5 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold capitalize">{d.kind}</span>
        <Badge tone={STATUS_TONE[d.status as keyof typeof STATUS_TONE] ?? 'neutral'}>{d.status}</Badge>
        {d.isEmergency ? <Badge tone="red">emergency</Badge> : null}
        {d.deferredUntil ? <span className="text-xs text-slate-500">until {d.deferredUntil}</span> : null}
      </p>
      <p className="whitespace-pre-wrap text-slate-700">{d.justification}</p>
      {d.isEmergency && d.emergencyReason ? <p className="text-xs text-red-800">Emergency: {d.emergencyReason}</p> : null}
      {d.impact ? (
        <p className="text-xs text-slate-600">
          Impact: {d.impact.downtimeMinutes} min downtime · {d.impact.rebootRequired ? 'reboot required' : 'no reboot'}
          {d.impact.dependencies.length ? ` · after ${d.impact.dependencies.join(' → ')}` : ''}
          {d.impact.order ? ` · order ${d.impact.order}` : ''}
          {d.kind === 'authorise' ? ` · ${d.timeMode ? `${d.timeMode} time` : 'tenant default time mode'}` : ''}
        </p>
      ) : null}
      <p className="text-xs text-slate-600">
        Scope: {d.tenant || '—'} · {d.scopeRings.length ? `rings ${d.scopeRings.join(', ')}` : 'every ring'}
      </p>
      <p className="text-xs text-slate-500">
        {d.ruleName ? `Decided by rule "${d.ruleName}"` : `Requested by ${d.requestedByName ?? 'unknown'}`} · {formatDateTime(d.requestedAt)}
        {d.decidedAt && !d.ruleName ? ` · ${d.status} by ${d.decidedByName ?? 'unknown'} ${formatDateTime(d.decidedAt)}` : ''}
      </p>
      {d.decisionNote && !d.ruleName ? <p className="text-xs text-slate-600">Note: {d.decisionNote}</p> : null}
    </div>
  );
}
