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

/** Severity with the KEV flag beside it, as every patch list shows it. */
export function SeverityCell({ severity, isKev }: { severity: keyof typeof TONE; isKev: boolean }) {
  return (
    <span className="flex items-center gap-1">
      {isKev ? <KevBadge /> : null}
      <SeverityBadge severity={severity} />
    </span>
  );
}
