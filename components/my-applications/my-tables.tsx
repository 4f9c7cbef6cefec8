'use client';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { OutcomeBadge } from '@/components/authorisation/status-badge';
import { SeverityCell } from '@/components/patches/severity-badge';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import { formatDateTime } from '@/components/ui/format';

type TSeverity = 'critical' | 'high' | 'medium' | 'low' | 'none';
type TList<T> = { rows: T[]; total: number; page: number; pageSize: number; sort: TSortState; filters: TFilterDef[] };

const link = 'font-medium text-brand-700 hover:underline';
const num = (n: number, tone?: 'red' | 'amber') =>
  n === 0 ? <span className="text-slate-400">0</span> : tone ? <Badge tone={tone}>{n}</Badge> : <span className="tabular-nums">{n}</span>;

export type TMyApplicationRow = {
  id: string;
  name: string;
  tenantName: string;
  criticality: string;
  assets: number;
  missing: number;
  critical: number;
  high: number;
  kev: number;
  overdue: number;
};

export function MyApplicationsTable(p: TList<TMyApplicationRow>) {
  const columns: ColumnDef<TMyApplicationRow, unknown>[] = [
    {
      id: 'name',
      header: 'Application',
      cell: ({ row }) => (
        <Link className={link} href={`/my?tab=assets&app=${row.original.id}`}>
          {row.original.name}
        </Link>
      ),
    },
    { id: 'tenant', header: 'Tenant', cell: ({ row }) => row.original.tenantName },
    { id: 'criticality', header: 'Criticality', cell: ({ row }) => <span className="font-mono text-xs">{row.original.criticality}</span> },
    { id: 'assets', header: 'Assets', cell: ({ row }) => num(row.original.assets) },
    { id: 'missing', header: 'Missing', cell: ({ row }) => num(row.original.missing) },
    { id: 'critical', header: 'Critical', cell: ({ row }) => num(row.original.critical, 'red') },
    { id: 'kev', header: 'KEV', cell: ({ row }) => num(row.original.kev, 'red') },
    { id: 'overdue', header: 'Past SLA', cell: ({ row }) => num(row.original.overdue, 'red') },
  ];
  return (
    <>
      <FilterBar filters={p.filters} searchPlaceholder="Search applications…" />
      <DataTable
        label="My applications"
        columns={columns}
        {...p}
        sortable={['name', 'tenant', 'assets', 'missing', 'critical', 'kev', 'overdue']}
        descendingFirst={['assets', 'missing', 'critical', 'kev', 'overdue']}
        getRowId={(r) => r.id}
        empty="No application of yours matches. Clear the search or the tenant filter."
      />
    </>
  );
}

export type TMyAssetRow = {
  id: string;
  name: string;
  tenantName: string;
  applicationName: string;
  ring: string;
  lifecycle: string;
  missing: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  kev: number;
  overdue: number;
  nextDue: Date | null;
};

export function MyAssetsTable(p: TList<TMyAssetRow>) {
  const columns: ColumnDef<TMyAssetRow, unknown>[] = [
    {
      id: 'name',
      header: 'Asset',
      cell: ({ row }) => (
        <Link className={link} href={`/assets/${row.original.id}`}>
          {row.original.name}
        </Link>
      ),
    },
    {
      id: 'application',
      header: 'Application',
      cell: ({ row }) => (
        <div>
          {row.original.applicationName}
          <div className="text-xs text-slate-500">{row.original.tenantName}</div>
        </div>
      ),
    },
    { id: 'ring', header: 'Ring', cell: ({ row }) => <span className="font-mono text-xs">{row.original.ring}</span> },
    { id: 'missing', header: 'Missing', cell: ({ row }) => num(row.original.missing) },
    { id: 'critical', header: 'Critical', cell: ({ row }) => num(row.original.critical, 'red') },
    { id: 'high', header: 'High', cell: ({ row }) => num(row.original.high, 'amber') },
    {
      id: 'medium_low',
      header: 'Med · low',
      cell: ({ row }) => (
        <span className="tabular-nums text-slate-600">
          {row.original.medium} · {row.original.low}
        </span>
      ),
    },
    { id: 'kev', header: 'KEV', cell: ({ row }) => num(row.original.kev, 'red') },
    { id: 'overdue', header: 'Past SLA', cell: ({ row }) => num(row.original.overdue, 'red') },
    // The day is what an owner plans by; the full instant is in the tooltip.
    {
      id: 'due',
      header: 'Next SLA due',
      cell: ({ row }) => (
        <span className="text-xs" title={formatDateTime(row.original.nextDue)}>
          {row.original.nextDue ? formatDateTime(row.original.nextDue).slice(0, 10) : '—'}
        </span>
      ),
    },
  ];
  return (
    <>
      <FilterBar filters={p.filters} searchPlaceholder="Search assets by name…" />
      <DataTable
        label="My assets"
        columns={columns}
        {...p}
        sortable={['name', 'application', 'ring', 'missing', 'critical', 'high', 'kev', 'overdue', 'due']}
        getRowId={(r) => r.id}
        empty="No asset of your applications matches these filters. Clear them; if none remain, ask an operator to assign your assets to your application."
      />
    </>
  );
}

export type TMyMissingRow = {
  patchId: string;
  vendorId: string;
  title: string;
  severity: TSeverity;
  isKev: boolean;
  assetId: string;
  assetName: string;
  applicationName: string;
  tenantName: string;
  detectedAt: Date;
  due: Date | null;
  isOverdue: boolean;
};

export function MyMissingTable(p: TList<TMyMissingRow> & { label: string; empty: string }) {
  const columns: ColumnDef<TMyMissingRow, unknown>[] = [
    {
      id: 'patch',
      header: 'Patch',
      cell: ({ row }) => (
        <div>
          <Link className={link} href={`/patches/${row.original.patchId}`}>
            {row.original.vendorId}
          </Link>
          <div className="max-w-xs truncate text-xs text-slate-500">{row.original.title}</div>
        </div>
      ),
    },
    { id: 'severity', header: 'Severity', cell: ({ row }) => <SeverityCell severity={row.original.severity} isKev={row.original.isKev} /> },
    {
      id: 'asset',
      header: 'Asset',
      cell: ({ row }) => (
        <div>
          <Link className={link} href={`/assets/${row.original.assetId}`}>
            {row.original.assetName}
          </Link>
          <div className="text-xs text-slate-500">
            {row.original.applicationName} · {row.original.tenantName}
          </div>
        </div>
      ),
    },
    { id: 'detected', header: 'Detected', cell: ({ row }) => <span className="text-xs">{formatDateTime(row.original.detectedAt)}</span> },
    {
      id: 'due',
      header: 'SLA due',
      cell: ({ row }) => (
        <span className="flex items-center gap-1 text-xs">
          {formatDateTime(row.original.due)}
          {row.original.isOverdue ? <Badge tone="red">past SLA</Badge> : null}
        </span>
      ),
    },
  ];
  return (
    <>
      <FilterBar filters={p.filters} searchPlaceholder="Search by patch, title or asset…" />
      <DataTable
        label={p.label}
        columns={columns}
        rows={p.rows}
        total={p.total}
        page={p.page}
        pageSize={p.pageSize}
        sort={p.sort}
        sortable={['patch', 'severity', 'asset', 'detected', 'due']}
        getRowId={(r) => `${r.patchId}:${r.assetId}`}
        empty={p.empty}
      />
    </>
  );
}

export type TMyTestRow = {
  runId: string;
  target: string;
  startedAt: Date;
  patchId: string;
  vendorId: string;
  title: string;
  severity: TSeverity;
  isKev: boolean;
  assetId: string;
  assetName: string;
  applicationName: string;
  tenantName: string;
  outcome: string;
};

const targetLabel = (t: string) => (t.startsWith('ring:') ? `ring ${t.slice(5)}` : t.startsWith('tag:') ? `environment ${t.slice(4)}` : t);

export function MyTestRunsTable(p: TList<TMyTestRow>) {
  const columns: ColumnDef<TMyTestRow, unknown>[] = [
    {
      id: 'patch',
      header: 'Patch',
      cell: ({ row }) => (
        <div>
          <Link className={link} href={`/patches/${row.original.patchId}/decide`}>
            {row.original.vendorId}
          </Link>
          <div className="max-w-xs truncate text-xs text-slate-500">{row.original.title}</div>
        </div>
      ),
    },
    { id: 'severity', header: 'Severity', cell: ({ row }) => <SeverityCell severity={row.original.severity} isKev={row.original.isKev} /> },
    {
      id: 'asset',
      header: 'Asset',
      cell: ({ row }) => (
        <div>
          <Link className={link} href={`/assets/${row.original.assetId}`}>
            {row.original.assetName}
          </Link>
          <div className="text-xs text-slate-500">
            {row.original.applicationName} · {row.original.tenantName}
          </div>
        </div>
      ),
    },
    { id: 'target', header: 'Run on', cell: ({ row }) => <span className="text-xs">{targetLabel(row.original.target)}</span> },
    { id: 'outcome', header: 'Result', cell: ({ row }) => <OutcomeBadge outcome={row.original.outcome} /> },
    { id: 'started', header: 'Started', cell: ({ row }) => <span className="text-xs">{formatDateTime(row.original.startedAt)}</span> },
  ];
  return (
    <>
      <FilterBar filters={p.filters} searchPlaceholder="Search by patch, title or asset…" />
      <DataTable
        label="My assets in testing"
        columns={columns}
        {...p}
        sortable={['patch', 'asset', 'outcome', 'started']}
        getRowId={(r) => `${r.runId}:${r.assetId}`}
        empty="None of your assets is in an open test run. The security team starts runs on test rings; results they record appear here."
      />
    </>
  );
}
