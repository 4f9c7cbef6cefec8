import { Badge } from '@/components/ui/badge';
import { STATUS_LABEL, type TPatchStatus } from '@/lib/domain/patch-lifecycle';

const TONE = { new: 'brand', in_testing: 'purple', authorised: 'green', deferred: 'amber', rejected: 'red', revoked: 'red' } as const;

/**
 * A patch's authorisation status in each of the reader's tenants: one badge for one tenant; with
 * several, one badge per status with how many tenants are in it (tenant names on hover and for
 * screen readers), since each tenant decides for itself.
 */
export function TenantStatuses({ statuses }: { statuses: { tenant: string; status: TPatchStatus }[] }) {
  if (statuses.length === 0) return <span className="text-slate-400">—</span>;
  if (statuses.length === 1) {
    return (
      <Badge tone={TONE[statuses[0].status]} data-testid="auth-status" data-status={statuses[0].status}>
        {STATUS_LABEL[statuses[0].status]}
      </Badge>
    );
  }
  const groups = new Map<TPatchStatus, string[]>();
  for (const s of statuses) groups.set(s.status, [...(groups.get(s.status) ?? []), s.tenant]);
  return (
    <span className="flex flex-wrap gap-1">
      {[...groups].map(([status, tenants]) => (
        <Badge key={status} tone={TONE[status]} title={tenants.join(', ')} data-testid="auth-status" data-status={status}>
          {STATUS_LABEL[status]} · {tenants.length}
          <span className="sr-only"> ({tenants.join(', ')})</span>
        </Badge>
      ))}
    </span>
  );
}
