import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AgentTokenButton } from '@/components/assets/agent-token';
import { AssetEditForm } from '@/components/assets/asset-edit-form';
import { ImportForm } from '@/components/assets/import-form';
import { SoftwareTable } from '@/components/assets/software-table';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { formatDateTime, formatRelative } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { getDb } from '@/lib/runtime/db';
import { canTouchAsset } from '@/lib/assets/asset-access';
import { assetFacets, getAsset } from '@/lib/assets/queries';
import { findAuditForTarget } from '@/lib/audit/queries';
import { findAssetPatches } from '@/lib/intake/queries';
import { KevBadge, SeverityBadge } from '@/components/patches/severity-badge';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { INVENTORY_FORMATS } from '@/lib/domain/inventory-formats/detect';
import { CRITICALITY_TIERS, LIFECYCLE_STATES } from '@/lib/domain/types';
import { maxUploadBytes } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { createAgentTokenAction, importSoftwareAction, updateAssetAction } from '../actions';

export const metadata = { title: 'Asset' };

export default async function AssetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = (await getActor())!;
  const db = await getDb();
  const detail = await getAsset(db, actor, id).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const { asset } = detail;
  const owned = { tenantId: asset.tenantId, applicationOwnerId: detail.applicationOwnerId };
  const canEdit = canTouchAsset(actor, 'asset:write', owned);
  const canImport = canTouchAsset(actor, 'inventory:import', owned);
  const canAgents = canTouchAsset(actor, 'agent:manage', owned);
  const [facets, audit, assetPatches] = await Promise.all([
    assetFacets(db, actor),
    can(actor, 'audit:read', asset.tenantId) ? findAuditForTarget(db, actor, 'asset', asset.id) : Promise.resolve(null),
    findAssetPatches(db, actor, asset.id),
  ]);
  const missing = assetPatches.filter((p) => p.state === 'missing');
  const assignableApps = facets.applications.filter(
    (a) => a.tenantId === asset.tenantId && canTouchAsset(actor, 'asset:write', { tenantId: a.tenantId, applicationOwnerId: a.ownerId }),
  );

  const attrs: [string, React.ReactNode][] = [
    ['Tenant', detail.tenantName],
    ['Application', detail.applicationName ? `${detail.applicationName}${detail.ownerName ? ` · owner ${detail.ownerName}` : ''}` : '—'],
    [
      'Ring',
      <span key="r" className="font-mono">
        {detail.ring}
      </span>,
    ],
    ['Time zone', asset.zone],
    ['OS', `${asset.osFamily} ${asset.osRelease}`],
    ['Criticality', asset.criticality],
    ['Lifecycle', asset.lifecycle],
    ...(asset.kind === 'host' ? ([['Cluster', asset.cluster ?? '—']] as [string, React.ReactNode][]) : []),
    ...(asset.kind === 'image' ? ([['Image version', asset.imageVersion ?? '—']] as [string, React.ReactNode][]) : []),
    ...(asset.kind === 'vm'
      ? ([
          ['Parent host', detail.parentName ?? '—'],
          ['Source image', detail.imageName ? `${detail.imageName} ${detail.imageVersion ?? ''}` : '—'],
        ] as [string, React.ReactNode][])
      : []),
    [
      'Tags',
      asset.tags.length
        ? asset.tags.map((t) => (
            <Badge key={t} className="mr-1">
              {t}
            </Badge>
          ))
        : '—',
    ],
    ['Last seen', `${formatRelative(asset.lastSeenAt)} (${formatDateTime(asset.lastSeenAt)})`],
  ];

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/assets" className="hover:underline">
            Inventory
          </Link>
        }
        title={<span data-testid="asset-name">{asset.name}</span>}
        description={`${asset.kind === 'vm' ? 'Virtual machine' : asset.kind === 'host' ? `Hypervisor host · ${detail.dependents} VM(s)` : `Golden image · ${detail.dependents} VM(s) born from it`} in ${detail.tenantName}`}
        actions={<Badge tone={asset.lifecycle === 'active' ? 'green' : 'amber'}>{asset.lifecycle}</Badge>}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Patches" description={`${missing.length} missing · ${assetPatches.length - missing.length} installed or unknown`} />
            {assetPatches.length ? (
              <div className="max-h-80 overflow-y-auto">
                <SimpleTable
                  label="Patches for this asset"
                  head={['Advisory', 'Severity', 'State', 'Installed → fixed']}
                  rows={assetPatches.map((p) => [
                    <Link key="v" className="text-brand-700 hover:underline" href={`/patches/${p.patchId}`}>
                      {p.vendorId}
                    </Link>,
                    <span key="s" className="flex gap-1">
                      <SeverityBadge severity={p.severity} />
                      {p.isKev ? <KevBadge /> : null}
                    </span>,
                    <Badge key="st" tone={p.state === 'missing' ? 'red' : p.state === 'installed' ? 'green' : 'amber'}>
                      {p.state}
                    </Badge>,
                    <span key="pk" className="font-mono text-xs">
                      {(p.packages ?? [])
                        .slice(0, 2)
                        .map((x) => `${x.name} ${x.installed} → ${x.fixed ?? 'no fix'}`)
                        .join('; ')}
                    </span>,
                  ])}
                />
              </div>
            ) : (
              <p className="px-5 py-4 text-sm text-slate-500">No imported advisory applies to this asset's software.</p>
            )}
          </Card>
          <Card>
            <CardHeader title="Installed software" description={`${asset.softwareCount} packages`} />
            <SoftwareTable assetId={asset.id} initialTotal={asset.softwareCount} />
          </Card>
          {canEdit ? (
            <Card>
              <CardHeader title="Edit attributes" description="Every change is written to the audit log." />
              <CardBody>
                <AssetEditForm
                  assetId={asset.id}
                  values={{
                    ringId: asset.ringId,
                    zone: asset.zone,
                    criticality: asset.criticality,
                    lifecycle: asset.lifecycle,
                    applicationId: asset.applicationId,
                    osRelease: asset.osRelease,
                    tags: asset.tags,
                  }}
                  rings={detail.tenantRings}
                  applications={assignableApps}
                  canUnassign={canTouchAsset(actor, 'asset:write', { tenantId: asset.tenantId, applicationOwnerId: null })}
                  criticalities={CRITICALITY_TIERS}
                  lifecycles={LIFECYCLE_STATES}
                  zones={facets.zones}
                  action={updateAssetAction}
                />
              </CardBody>
            </Card>
          ) : null}
          {audit ? (
            <Card>
              <CardHeader title="History" description="Audit log entries for this asset" />
              <SimpleTable
                label="Asset history"
                head={['When', 'Who', 'Action', 'Change']}
                rows={audit.map((a) => [
                  formatDateTime(a.at),
                  a.actorLabel,
                  <code key="a" className="text-xs">
                    {a.action}
                  </code>,
                  <code key="c" className="text-xs text-slate-600">
                    {JSON.stringify(a.after)}
                  </code>,
                ])}
              />
            </Card>
          ) : null}
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Attributes" />
            <dl className="divide-y divide-slate-100 text-sm">
              {attrs.map(([k, v]) => (
                <div key={k} className="flex justify-between gap-4 px-5 py-2">
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="text-right text-slate-800">{v}</dd>
                </div>
              ))}
            </dl>
          </Card>
          {canImport ? (
            <Card>
              <CardHeader title="Import software" description="Replaces the whole list atomically" />
              <CardBody>
                <ImportForm assetId={asset.id} formats={INVENTORY_FORMATS} maxMb={Math.round(maxUploadBytes() / 1048576)} action={importSoftwareAction} />
              </CardBody>
            </Card>
          ) : null}
          {detail.imports.length ? (
            <Card>
              <CardHeader title="Recent imports" />
              <SimpleTable
                label="Recent imports"
                head={['When', 'Source', 'Format', 'Packages', 'Outcome']}
                rows={detail.imports.map((i) => [formatRelative(i.createdAt), i.source, i.format, i.itemCount, i.outcome])}
              />
            </Card>
          ) : null}
          {canAgents ? (
            <Card>
              <CardHeader title="Agents" description="Tokens that may report this asset's inventory" />
              <CardBody className="space-y-3">
                {detail.agents.length ? (
                  <SimpleTable
                    label="Agent tokens"
                    head={['Token', 'Created', 'Last report']}
                    rows={detail.agents.map((a) => [<code key="t">{a.tokenPrefix}…</code>, formatRelative(a.createdAt), formatRelative(a.lastReportAt)])}
                  />
                ) : (
                  <p className="text-sm text-slate-500">No agent reports for this asset yet.</p>
                )}
                <AgentTokenButton assetId={asset.id} action={createAgentTokenAction} />
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
