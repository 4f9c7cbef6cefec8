'use client';
import { AdvisoryCell } from '@/components/patches/advisory-cell';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import { SeverityCell } from './severity-badge';
import { TenantStatuses } from '@/components/authorisation/tenant-statuses';
import type { TPatchStatus } from '@/lib/domain/patch-lifecycle';

export type TPatchRow = {
  id: string;
  vendorId: string;
  title: string;
  source: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'none';
  cvssScore: number | null;
  isKev: boolean;
  kevDueDate: string | null;
  epss: number | null;
  cves: string[];
  published: string | null;
  affected: number;
  /** Authorisation status per tenant of the reader's that the patch concerns. */
  statuses: { tenant: string; status: TPatchStatus }[];
  /** The tenant of a private advisory; null for the global catalogue. */
  privateTo: string | null;
};

const columns: ColumnDef<TPatchRow, unknown>[] = [
  {
    id: 'vendor_id',
    header: 'Advisory',
    cell: ({ row }) => (
      <AdvisoryCell href={`/patches/${row.original.id}`} vendorId={row.original.vendorId} title={row.original.title} privateTo={row.original.privateTo} />
    ),
  },
  {
    id: 'severity',
    header: 'Severity',
    cell: ({ row }) => <SeverityCell severity={row.original.severity} isKev={row.original.isKev} />,
  },
  { id: 'cvss', header: 'CVSS', cell: ({ row }) => <span className="tabular-nums">{row.original.cvssScore?.toFixed(1) ?? '—'}</span> },
  {
    id: 'epss',
    header: 'EPSS',
    cell: ({ row }) => <span className="tabular-nums">{row.original.epss !== null ? `${(row.original.epss * 100).toFixed(1)}%` : '—'}</span>,
  },
  {
    id: 'affected',
    header: 'Missing on',
    cell: ({ row }) =>
      row.original.affected > 0 ? (
        <Link className="font-medium tabular-nums text-red-700 hover:underline" href={`/patches/${row.original.id}?state=missing`}>
          {row.original.affected} assets
        </Link>
      ) : (
        <span className="text-slate-400">0</span>
      ),
  },
  { id: 'status', header: 'Authorisation', cell: ({ row }) => <TenantStatuses statuses={row.original.statuses} /> },
  {
    id: 'cves',
    header: 'CVEs',
    cell: ({ row }) => (
      <span className="text-xs">
        {row.original.cves.slice(0, 2).join(', ')}
        {row.original.cves.length > 2 ? ` +${row.original.cves.length - 2}` : ''}
      </span>
    ),
  },
  { id: 'published', header: 'Published', cell: ({ row }) => <span className="text-xs">{row.original.published?.slice(0, 10) ?? '—'}</span> },
  { id: 'source', header: 'Source', cell: ({ row }) => <span className="font-mono text-xs uppercase">{row.original.source}</span> },
];

export function PatchesTable(props: { rows: TPatchRow[]; total: number; page: number; pageSize: number; sort: TSortState; filters: TFilterDef[] }) {
  return (
    <>
      <FilterBar filters={props.filters} searchPlaceholder="Search advisory id, title or CVE…" />
      <DataTable
        label="Patches"
        columns={columns}
        sortable={['vendor_id', 'severity', 'cvss', 'epss', 'affected', 'published']}
        descendingFirst={['cvss', 'epss', 'affected', 'published']}
        getRowId={(r) => r.id}
        empty="No advisory matches. Import advisories (CSAF, OSV, CVRF) on the Intake page, or clear the filters."
        {...props}
      />
    </>
  );
}
