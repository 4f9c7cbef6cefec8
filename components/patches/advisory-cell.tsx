import Link from 'next/link';

/** Vendor id (linked) over its title: the first column of every patch list. */
export function AdvisoryCell({ href, vendorId, title, className = 'max-w-md', testId }: { href: string; vendorId: string; title: string; className?: string; testId?: string }) {
  return (
    <div className={className}>
      <Link href={href} className="font-medium text-brand-700 hover:underline" data-testid={testId}>
        {vendorId}
      </Link>
      <div className="truncate text-xs text-slate-500" title={title}>
        {title}
      </div>
    </div>
  );
}
