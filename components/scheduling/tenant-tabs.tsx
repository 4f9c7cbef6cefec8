import Link from 'next/link';

/** Tenant switcher for the scheduling pages; keeps the page's other parameters out on purpose (they are per tenant). */
export function TenantTabs({
  tenants,
  currentId,
  basePath,
}: {
  tenants: { id: string; slug: string; name: string }[];
  currentId: string | undefined;
  basePath: string;
}) {
  if (tenants.length < 2) return null;
  return (
    <nav className="mb-4 flex flex-wrap gap-2" aria-label="Tenants">
      {tenants.map((t) => (
        <Link
          key={t.id}
          href={`${basePath}?tenant=${t.slug}`}
          aria-current={t.id === currentId ? 'page' : undefined}
          className={`rounded-full px-3 py-1 text-sm ${t.id === currentId ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50'}`}
        >
          {t.name}
        </Link>
      ))}
    </nav>
  );
}
