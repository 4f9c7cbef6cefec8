'use client';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowSelectionState } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { cn } from './cn';
import { EmptyState } from './page-header';
import { useUrlState } from './use-url-state';

export type TSortState = { id: string; desc: boolean } | null;

type Props<T> = {
  columns: ColumnDef<T, unknown>[];
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  sort: TSortState;
  /** Column ids the server can sort by. */
  sortable: string[];
  /**
   * Sortable columns whose natural order is descending (dates, counts): the server reads their
   * `:asc` as newest/most first, so the arrow shows the inverse of the URL's direction.
   */
  descendingFirst?: string[];
  getRowId: (row: T) => string;
  empty: ReactNode;
  /** Enables checkboxes; the bulk bar receives the selected ids. */
  bulk?: (selectedIds: string[], clear: () => void) => ReactNode;
  /** Extra classes for a row, e.g. to set unread rows apart. */
  rowClassName?: (row: T) => string | undefined;
  label: string;
};

/**
 * Server-side paged, sorted table: @tanstack/react-table renders, the URL holds the state and the
 * server component behind the page runs the query, so 100k rows never reach the browser.
 */
export function DataTable<T>({
  columns,
  rows,
  total,
  page,
  pageSize,
  sort,
  sortable,
  descendingFirst = [],
  getRowId,
  empty,
  bulk,
  rowClassName,
  label,
}: Props<T>) {
  const { set, isPending } = useUrlState();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const table = useReactTable({
    data: rows,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    enableRowSelection: !!bulk,
    state: { rowSelection: selection },
    onRowSelectionChange: setSelection,
  });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const selectedIds = Object.keys(selection).filter((k) => selection[k]);
  const toggleSort = (id: string) => {
    const desc = sort?.id === id ? !sort.desc : false;
    set({ sort: `${id}:${desc ? 'desc' : 'asc'}` });
  };

  return (
    <div className={cn('transition-opacity', isPending && 'opacity-60')}>
      {bulk && selectedIds.length > 0 ? (
        <div className="flex items-center gap-3 border-b border-brand-100 bg-brand-50 px-4 py-2 text-sm">
          <span className="font-medium text-brand-900">{selectedIds.length} selected</span>
          {bulk(selectedIds, () => setSelection({}))}
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label={label}>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {bulk ? (
                <th className="w-10 px-4 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select all on this page"
                    checked={table.getIsAllRowsSelected()}
                    onChange={table.getToggleAllRowsSelectedHandler()}
                  />
                </th>
              ) : null}
              {table.getHeaderGroups()[0].headers.map((h) => {
                const id = h.column.id;
                const canSort = sortable.includes(id);
                const active = sort?.id === id;
                // The direction the rows are really in, which is what the arrow and aria-sort must say.
                const isShownDesc = active && sort.desc !== descendingFirst.includes(id);
                return (
                  <th
                    key={h.id}
                    className="whitespace-nowrap px-4 py-2 font-medium"
                    aria-sort={active ? (isShownDesc ? 'descending' : 'ascending') : undefined}
                  >
                    {canSort ? (
                      <button type="button" className="inline-flex items-center gap-1 uppercase hover:text-slate-800" onClick={() => toggleSort(id)}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        {active ? (
                          isShownDesc ? (
                            <ArrowDown className="size-3" />
                          ) : (
                            <ArrowUp className="size-3" />
                          )
                        ) : (
                          <ArrowUpDown className="size-3 opacity-40" />
                        )}
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={cn('hover:bg-slate-50', rowClassName?.(row.original), row.getIsSelected() && 'bg-brand-50/50')}>
                {bulk ? (
                  <td className="px-4 py-2">
                    <input type="checkbox" aria-label={`Select row ${row.id}`} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
                  </td>
                ) : null}
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="whitespace-nowrap px-4 py-2 align-middle">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <EmptyState title="Nothing here yet">{empty}</EmptyState> : null}
      <nav className="flex items-center justify-between border-t border-slate-100 px-4 py-3 text-sm text-slate-600" aria-label="Pagination">
        <span data-testid="table-total">
          {total === 0 ? '0 results' : `${(page - 1) * pageSize + 1}–${Math.min(page * pageSize, total)} of ${total.toLocaleString('en-US')}`}
        </span>
        <div className="flex items-center gap-2">
          <select
            aria-label="Rows per page"
            className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
            value={pageSize}
            onChange={(e) => set({ size: e.target.value })}
          >
            {[10, 25, 50, 100, 200].map((n) => (
              <option key={n} value={n}>
                {n} / page
              </option>
            ))}
          </select>
          <Button
            variant="secondary"
            size="icon"
            aria-label="Previous page"
            disabled={page <= 1}
            onClick={() => set({ page: String(page - 1) }, { resetPage: false })}
          >
            <ChevronLeft />
          </Button>
          <span className="tabular-nums">
            Page {page} of {pages}
          </span>
          <Button
            variant="secondary"
            size="icon"
            aria-label="Next page"
            disabled={page >= pages}
            onClick={() => set({ page: String(page + 1) }, { resetPage: false })}
          >
            <ChevronRight />
          </Button>
        </div>
      </nav>
    </div>
  );
}
