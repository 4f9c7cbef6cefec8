import { Card } from '@/components/ui/card';
import { Forbidden } from '@/components/ui/forbidden';
import { PageHeader } from '@/components/ui/page-header';
import { AuditTable } from '@/components/audit/audit-table';
import { formatDateTime } from '@/components/ui/format';
import { getDb } from '@/lib/runtime/db';
import { findAudit, ZAuditQuery } from '@/lib/audit/queries';
import { assetFacets } from '@/lib/assets/queries';
import { can, tenantsWith } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { VerifyChain } from '@/components/audit/verify-chain';
import { verifyChainAction } from './actions';

export const metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'audit:read')) return <Forbidden what="the audit log" />;
  const query = ZAuditQuery.parse(await searchParams);
  const db = await getDb();
  const [page, facets] = await Promise.all([findAudit(db, actor, query), assetFacets(db, actor)]);
  const auditTenants = new Set(tenantsWith(actor, 'audit:read'));
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
            tenantName,
            action: row.action,
            targetType: row.targetType,
            targetId: row.targetId,
            change: JSON.stringify({ before: row.before, after: row.after }),
            hash: row.hash,
          }))}
          total={page.total}
          page={page.page}
          pageSize={page.size}
          sort={query.sort.id === 'seq' && !query.sort.desc ? { id: 'seq', desc: true } : query.sort}
          filters={[
            ...(auditTenants.size > 1 ? [{ key: 'tenant', label: 'Tenant', options: facets.tenants.filter((t) => auditTenants.has(t.id)).map((t) => ({ value: t.id, label: t.name })) }] : []),
            { key: 'action', label: 'Action', options: page.actions.map((a) => ({ value: a, label: a })) },
          ]}
        />
      </Card>
    </>
  );
}
