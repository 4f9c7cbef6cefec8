import { Badge } from '@/components/ui/badge';

const TONE = { open: 'amber', in_change: 'brand', remediated: 'green', excepted: 'purple', closed: 'green' } as const;
const LABEL: Record<string, string> = { open: 'open', in_change: 'in change', remediated: 'remediated', excepted: 'excepted', closed: 'closed' };

export function TrackingStateBadge({ state }: { state: string }) {
  return (
    <Badge tone={TONE[state as keyof typeof TONE] ?? 'neutral'} data-testid="tracking-state" data-state={state}>
      {LABEL[state] ?? state}
    </Badge>
  );
}
