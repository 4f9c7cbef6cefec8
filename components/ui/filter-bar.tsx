'use client';
import { Search, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from './button';
import { Input, Select } from './input';
import { useUrlState } from './use-url-state';

export type TFilterDef = { key: string; label: string; options: { value: string; label: string }[] };

/** Free-text search (debounced) plus select filters, all kept in the URL. */
export function FilterBar({ filters, searchPlaceholder = 'Search…' }: { filters: TFilterDef[]; searchPlaceholder?: string }) {
  const { params, set } = useUrlState();
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => {
    const current = params.get('q') ?? '';
    if (q === current) return;
    const t = setTimeout(() => set({ q }), 300);
    return () => clearTimeout(t);
  }, [q, params, set]);
  const active = filters.some((f) => params.get(f.key)) || !!params.get('q');

  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-4 py-3">
      <div className="relative min-w-56 flex-1">
        <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-slate-400" />
        <Input aria-label="Search" placeholder={searchPlaceholder} className="pl-8" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {filters.map((f) => (
        <Select
          key={f.key}
          aria-label={f.label}
          className="w-auto min-w-32"
          value={params.get(f.key) ?? ''}
          onChange={(e) => set({ [f.key]: e.target.value })}
          empty={`${f.label}: all`}
          options={f.options}
        />
      ))}
      {active ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setQ('');
            set(Object.fromEntries([...filters.map((f) => [f.key, null]), ['q', null]]));
          }}
        >
          <X /> Clear
        </Button>
      ) : null}
    </div>
  );
}
