import Link from 'next/link';

/** Vendor id (linked) over its title: the first column of every patch list. */
export function AdvisoryCell({
  href,
  vendorId,
  title,
  className = 'max-w-md',
  testId,
  privateTo,
}: {
  href: string;
  vendorId: string;
  title: string;
  className?: string;
  testId?: string;
  privateTo?: string | null;
}) {
  return (
    <div className={className}>
      <Link href={href} className="font-medium text-brand-700 hover:underline" data-testid={testId}>
        {vendorId}
      </Link>
      {privateTo ? (
        <span
          className="ml-1.5 rounded bg-slate-100 px-1 text-[11px] text-slate-600"
          title={`A private advisory of ${privateTo}: it applies and shows in that tenant only`}
        >
          private · {privateTo}
        </span>
      ) : null}
      <div className="truncate text-xs text-slate-500" title={title}>
        {title}
      </div>
    </div>
  );
}
