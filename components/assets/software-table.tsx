'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { EmptyState } from '@/components/ui/page-header';

type TRow = { id: number; ecosystem: string; name: string; version: string; arch: string | null; sourceName: string | null; sourceVersion: string | null };
type TPage = { rows: TRow[]; total: number; page: number; size: number };

const SORTS = [
  ['name', 'Package'],
  ['version', 'Version'],
  ['arch', 'Arch'],
  ['source', 'Source package'],
] as const;

/** The asset's software, fetched page by page from the API with react-query (lists can hold thousands). */
export function SoftwareTable({ assetId, initialTotal }: { assetId: string; initialTotal: number }) {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ id: string; desc: boolean }>({ id: 'name', desc: false });
  const size = 50;
  useEffect(() => {
    const t = setTimeout(() => {
      setDebounced(q);
      setPage(1);
    }, 250);
    return () => clearTimeout(t);
  }, [q]);
  const { data, isFetching, error } = useQuery({
    queryKey: ['software', assetId, debounced, page, sort, initialTotal],
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<TPage> => {
      const sp = new URLSearchParams({ page: String(page), size: String(size), sort: `${sort.id}:${sort.desc ? 'desc' : 'asc'}` });
      if (debounced) sp.set('q', debounced);
      const res = await fetch(`/api/v1/assets/${assetId}/software?${sp}`);
      if (!res.ok) throw new Error((await res.json()).error?.message ?? 'Could not load software');
      return res.json();
    },
  });
  const total = data?.total ?? initialTotal;
  const pages = Math.max(1, Math.ceil(total / size));
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-4 py-3">
        <div className="relative min-w-56 flex-1">
          <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-slate-400" />
          <Input
            aria-label="Filter packages"
            placeholder="Filter by package, source or version…"
            className="pl-8"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <Select
          aria-label="Sort packages"
          className="w-auto"
          value={`${sort.id}:${sort.desc ? 'desc' : 'asc'}`}
          onChange={(e) => {
            const [id, dir] = e.target.value.split(':');
            setSort({ id, desc: dir === 'desc' });
            setPage(1);
          }}
        >
          {SORTS.flatMap(([id, label]) => [
            <option key={`${id}:asc`} value={`${id}:asc`}>
              {label} ↑
            </option>,
            <option key={`${id}:desc`} value={`${id}:desc`}>
              {label} ↓
            </option>,
          ])}
        </Select>
      </div>
      {error ? (
        <p role="alert" className="px-4 py-3 text-sm text-red-700">
          {(error as Error).message}
        </p>
      ) : null}
      <div className={isFetching ? 'opacity-60' : undefined}>
        <table className="w-full text-left text-sm" aria-label="Installed software">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Package</th>
              <th className="px-4 py-2 font-medium">Version</th>
              <th className="px-4 py-2 font-medium">Arch</th>
              <th className="px-4 py-2 font-medium">Source</th>
              <th className="px-4 py-2 font-medium">Type</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 font-mono text-xs">
            {data?.rows.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50">
                <td className="px-4 py-1.5 font-sans text-sm font-medium text-slate-800">{r.name}</td>
                <td className="px-4 py-1.5">{r.version}</td>
                <td className="px-4 py-1.5">{r.arch ?? '—'}</td>
                <td className="px-4 py-1.5">
                  {r.sourceName ? `${r.sourceName}${r.sourceVersion && r.sourceVersion !== r.version ? ` ${r.sourceVersion}` : ''}` : '—'}
                </td>
                <td className="px-4 py-1.5">{r.ecosystem}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.rows.length === 0 ? (
          <EmptyState title={debounced ? 'No package matches' : 'No software reported yet'}>
            {debounced ? 'Try another filter.' : 'Upload a dpkg, rpm, CycloneDX, SPDX or CSV listing, or install the agent with a token from this page.'}
          </EmptyState>
        ) : null}
      </div>
      <nav className="flex items-center justify-between border-t border-slate-100 px-4 py-3 text-sm text-slate-600" aria-label="Software pagination">
        <span data-testid="software-total">{total.toLocaleString('en-US')} packages</span>
        <div className="flex items-center gap-2">
          <Button variant="secondary" size="icon" aria-label="Previous page" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            <ChevronLeft />
          </Button>
          <span className="tabular-nums">
            Page {page} of {pages}
          </span>
          <Button variant="secondary" size="icon" aria-label="Next page" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            <ChevronRight />
          </Button>
        </div>
      </nav>
    </div>
  );
}
