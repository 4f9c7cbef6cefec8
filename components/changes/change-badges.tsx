import { Badge } from '@/components/ui/badge';
import { CHANGE_STATE_LABEL, toChangeState } from '@/lib/domain/change';

type TTone = 'neutral' | 'brand' | 'green' | 'amber' | 'red' | 'purple';

export const STATE_TONE: Record<string, TTone> = {
  draft: 'neutral',
  submitted: 'amber',
  approved: 'brand',
  rejected: 'red',
  scheduled: 'purple',
  implementing: 'brand',
  completed: 'green',
  failed: 'red',
  cancelled: 'neutral',
  closed: 'neutral',
};

/** A change's state in words (submitted reads "awaiting approval"); `data-state` carries the raw state for tests. */
export function ChangeStateBadge({ state }: { state: string }) {
  return (
    <Badge tone={STATE_TONE[state] ?? 'neutral'} data-testid="change-state" data-state={state}>
      {CHANGE_STATE_LABEL[toChangeState(state)]}
    </Badge>
  );
}

const TYPE_TONE: Record<string, TTone> = { standard: 'green', normal: 'neutral', emergency: 'red' };
const TYPE_TITLE: Record<string, string> = {
  standard: 'Pre-approved by a standard rule the tenant agreed to',
  normal: 'Approved by the owners of the affected applications and the CAB',
  emergency: 'Expedited: approved after the fact, within the policy deadline',
};

export function ChangeTypeBadge({ type }: { type: string }) {
  return (
    <Badge tone={TYPE_TONE[type] ?? 'neutral'} title={TYPE_TITLE[type]} data-testid="change-type">
      {type}
    </Badge>
  );
}

const RISK_TONE: Record<string, TTone> = { low: 'green', medium: 'amber', high: 'red' };

/** Risk as score and level: the score explains the colour. */
export function RiskBadge({ score, level }: { score: number; level: string }) {
  return (
    <Badge tone={RISK_TONE[level] ?? 'neutral'} title={`Risk score ${score} of 100`} data-testid="change-risk" data-level={level}>
      <span className="tabular-nums">{score}</span> · {level}
    </Badge>
  );
}
