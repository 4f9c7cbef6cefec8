'use client';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { cn } from '@/components/ui/cn';

/**
 * A sidebar link; active on its path and below. A link with a query (a saved filter such as
 * /testing?status=awaiting) is active only with that query, and its plain path then is not.
 */
export function NavLink({ href, children, exclusiveOf }: { href: string; children: React.ReactNode; exclusiveOf?: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const [path, query] = href.split('?');
  const wanted = new URLSearchParams(query ?? '');
  const hasQuery = [...wanted.keys()].length > 0;
  const matchesQuery = [...wanted.entries()].every(([k, v]) => params.get(k) === v);
  const onPath = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
  const isShadowed =
    !!exclusiveOf &&
    pathname === exclusiveOf.split('?')[0] &&
    [...new URLSearchParams(exclusiveOf.split('?')[1] ?? '').entries()].every(([k, v]) => params.get(k) === v);
  const active = onPath && (hasQuery ? pathname === path && matchesQuery : !isShadowed);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium [&_svg]:size-4',
        active ? 'bg-white/10 text-white' : 'text-slate-300 hover:bg-white/5 hover:text-white',
      )}
    >
      {children}
    </Link>
  );
}
