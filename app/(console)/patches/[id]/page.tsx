import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { AffectedTable } from '@/components/patches/affected-table';
import { KevBadge, SeverityBadge } from '@/components/patches/severity-badge';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardBody, CardHeader, Stat } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { getDb } from '@/lib/runtime/db';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { findPatchAssets, getPatch, ZAffectedQuery } from '@/lib/intake/queries';
import { findTenantStatuses } from '@/lib/authorisation/status-sql';
import { PatchStatusBadge } from '@/components/authorisation/status-badge';

export const metadata = { title: 'Patch' };

export default async function PatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'patch:read')) forbidden();
  const { id } = await params;
  const db = await getDb();
  const detail = await getPatch(db, actor, id).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const query = ZAffectedQuery.parse(await searchParams);
  const affected = await findPatchAssets(db, actor, id, query);
  const { patch, fixes, revisions, perTenant } = detail;
  const tenants = [...new Map(perTenant.map((p) => [p.tenantId, p.tenant]))];
  const statuses =
    (
      await findTenantStatuses(
        db,
        [patch.id],
        tenants.map(([t]) => t),
        new Date(),
      )
    ).get(patch.id) ?? [];
  const statusOf = (tenantId: string) => statuses.find((s) => s.tenantId === tenantId);
  const count = (tenant: string, state: string) => perTenant.find((p) => p.tenant === tenant && p.state === state)?.n ?? 0;
  const missing = perTenant.filter((p) => p.state === 'missing').reduce((s, p) => s + p.n, 0);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/patches" className="hover:underline">
            Patches
          </Link>
        }
        title={<span data-testid="patch-id">{patch.vendorId}</span>}
        description={patch.title}
        actions={
          <span className="flex items-center gap-2">
            <SeverityBadge severity={patch.severity} />
            {patch.isKev ? <KevBadge /> : null}
            <Link href={`/patches/${patch.id}/decide`} className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
              {can(actor, 'patch:test') ? 'Test and decide' : 'Tests and decisions'} →
            </Link>
          </span>
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Missing on" value={missing} hint="assets in your tenants" />
        <Stat label="CVSS" value={patch.cvssScore?.toFixed(1) ?? '—'} hint={patch.vendorSeverity ? `vendor: ${patch.vendorSeverity}` : undefined} />
        <Stat label="KEV due" value={patch.kevDueDate ?? '—'} hint={patch.isKev ? `added ${patch.kevDateAdded}` : 'not in the KEV catalog'} />
        <Stat
          label="Published"
          value={patch.published ? patch.published.toISOString().slice(0, 10) : '—'}
          hint={patch.revision ? `revision ${patch.revision}` : undefined}
        />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Assets" description="Missing = an affected version is installed; installed = the fixed version or later is present" />
            <AffectedTable
              rows={affected.rows.map((r) => ({ ...r, packages: r.packages ?? [] }))}
              total={affected.total}
              page={affected.page}
              pageSize={affected.size}
              sort={query.sort}
            />
          </Card>
          <Card>
            <CardHeader title="Fixes" description={`${fixes.length} package fixes`} />
            <div className="max-h-96 overflow-y-auto">
              <SimpleTable
                label="Fixes"
                head={['Distro', 'Package', 'Affected from', 'Fixed in', 'Arch']}
                rows={fixes.map((f) => [
                  f.distro ?? f.ecosystem,
                  <span key="p" className="font-mono text-xs">
                    {f.packageName}
                    {f.nameKind === 'source' ? ' (source)' : ''}
                  </span>,
                  <span key="i" className="font-mono text-xs">
                    {f.introduced ?? '—'}
                  </span>,
                  <span key="f" className="font-mono text-xs">
                    {f.fixedVersion ?? (f.lastAffected ? `≤ ${f.lastAffected} affected` : 'no fix yet')}
                    {f.versionError ? ' ⚠' : ''}
                  </span>,
                  f.arch ?? 'any',
                ])}
              />
            </div>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Per tenant" />
            <SimpleTable
              label="Per tenant"
              head={['Tenant', 'Authorisation', 'Missing', 'Installed', 'Unknown']}
              rows={tenants.map(([id, t]) => [
                t,
                <PatchStatusBadge
                  key="s"
                  status={statusOf(id)?.status ?? 'new'}
                  deferredUntil={statusOf(id)?.deferredUntil}
                  needsReview={statusOf(id)?.needsReview}
                />,
                count(t, 'missing'),
                count(t, 'installed'),
                count(t, 'unknown'),
              ])}
            />
          </Card>
          <Card>
            <CardHeader title="CVEs and references" />
            <CardBody className="space-y-2 text-sm">
              <p className="font-mono text-xs">{patch.cves.join(', ') || 'no CVE'}</p>
              {patch.cvss.map((c) => (
                <p key={c.vector} className="break-all font-mono text-xs text-slate-500">
                  CVSS {c.version} {c.score}: {c.vector}
                </p>
              ))}
              <ul className="space-y-1">
                {patch.references.slice(0, 12).map((r) => (
                  <li key={r.url} className="truncate">
                    <a className="text-brand-600 hover:underline" href={r.url} rel="noreferrer noopener" target="_blank">
                      {r.label ?? r.url}
                    </a>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Revision history" description={`source: ${patch.source}`} />
            <SimpleTable
              label="Revisions"
              head={['Recorded', 'Revision', 'Vendor date']}
              rows={revisions.map((r) => [formatDateTime(r.recordedAt), r.revision ?? '—', r.revised ? r.revised.toISOString().slice(0, 10) : '—'])}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
