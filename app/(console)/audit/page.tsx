import { forbidden } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { AuditTable } from '@/components/audit/audit-table';
import { formatDateTime } from '@/components/ui/format';
import { getDb } from '@/lib/runtime/db';
import { checkDayRange, PLATFORM_TENANT } from '@/lib/audit/audit-query';
import { describeChange } from '@/lib/audit/change';
import { findAudit, ZAuditQuery } from '@/lib/audit/queries';
import { assetFacets } from '@/lib/assets/queries';
import { can, tenantsWith } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { VerifyChain } from '@/components/audit/verify-chain';
import { verifyChainAction } from './actions';

export const metadata = { title: 'Audit log' };

/** The filters an export carries over; paging and sort are the page's own. */
const EXPORT_KEYS = ['tenant', 'action', 'actor', 'from', 'to', 'q'];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'audit:read')) forbidden();
  const raw = await searchParams;
  const query = ZAuditQuery.parse(raw);
  const { range, error: rangeError } = checkDayRange(query);
  const db = await getDb();
  const [page, facets] = await Promise.all([findAudit(db, actor, query, range), assetFacets(db, actor)]);
  const auditTenants = new Set(tenantsWith(actor, 'audit:read'));
  const exportParams = new URLSearchParams(Object.entries(raw).filter(([k, v]) => EXPORT_KEYS.includes(k) && typeof v === 'string' && v !== ''));
  const exportQuery = rangeError ? null : exportParams.size ? `?${exportParams}` : '';
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Append-only and hash-chained: each entry carries the hash of the one before, so any edit or deletion is detectable."
        actions={<VerifyChain action={verifyChainAction} />}
      />
      <Card>
        <AuditTable
          rows={page.rows.map(({ row, tenantName }) => ({
            seq: row.seq,
            at: formatDateTime(row.at),
            actorLabel: row.actorLabel,
            // Null only for platform entries; a tenant row always names its tenant.
            tenantName: row.tenantId ? (tenantName ?? row.tenantId) : null,
            action: row.action,
            targetType: row.targetType,
            targetId: row.targetId,
            changes: describeChange(row.before, row.after),
            hash: row.hash,
          }))}
          total={page.total}
          page={page.page}
          pageSize={page.size}
          sort={query.sort}
          exportQuery={exportQuery}
          rangeError={rangeError}
          filters={[
            {
              key: 'tenant',
              label: 'Tenant',
              options: [
                ...facets.tenants.filter((t) => auditTenants.has(t.id)).map((t) => ({ value: t.id, label: t.name })),
                { value: PLATFORM_TENANT, label: 'Platform (no tenant)' },
              ],
            },
            { key: 'action', label: 'Action', options: page.actions.map((a) => ({ value: a, label: a })) },
            { key: 'actor', label: 'Actor', options: page.actors.map((a) => ({ value: a, label: a })) },
          ]}
        />
      </Card>
    </>
  );
}
