import { Badge } from '@/components/ui/badge';

const TONE = { critical: 'red', high: 'amber', medium: 'brand', low: 'neutral', none: 'neutral' } as const;

export function SeverityBadge({ severity }: { severity: keyof typeof TONE }) {
  return (
    <Badge tone={TONE[severity]} className="capitalize">
      {severity}
    </Badge>
  );
}

export function KevBadge() {
  return (
    <Badge tone="red" title="Listed in CISA's Known Exploited Vulnerabilities catalog">
      KEV
    </Badge>
  );
}
