import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';

const TONE = { queued: 'amber', sending: 'brand', sent: 'green', failed: 'red' } as const;

/** A notification's e-mail delivery; the last SMTP error (or when it was sent) is the tooltip. */
export function EmailStatusBadge({
  status,
  attempts,
  error,
  sentAt,
}: {
  status: string | null;
  attempts: number;
  error: string | null;
  sentAt: Date | string | null;
}) {
  if (status === null) {
    return (
      <Badge data-testid="email-status" data-status="in-app">
        in-app only
      </Badge>
    );
  }
  const tried = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  const title =
    status === 'sent'
      ? `E-mailed ${formatDateTime(sentAt)}`
      : status === 'sending'
        ? `Being e-mailed (attempt ${attempts})${error ? `; last error: ${error}` : ''}`
        : error
          ? `${error} (${tried})`
          : 'Waiting to be e-mailed';
  return (
    <Badge tone={TONE[status as keyof typeof TONE] ?? 'neutral'} title={title} data-testid="email-status" data-status={status}>
      e-mail {status}
    </Badge>
  );
}
