import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

type TLink = { href: string; label: string };

/**
 * Header actions shared by the Schedule and Windows pages: the page's calendar export, the sibling
 * page, and Policy for those allowed to edit it (`policyHref` null otherwise).
 */
export function SchedulingLinks({ ics, sibling, policyHref }: { ics: TLink; sibling: TLink; policyHref: string | null }) {
  return (
    <>
      <a className={buttonVariants({ variant: 'secondary', size: 'sm' })} href={ics.href} download>
        {ics.label}
      </a>
      <Link className={buttonVariants({ variant: 'secondary', size: 'sm' })} href={sibling.href}>
        {sibling.label}
      </Link>
      {policyHref ? (
        <Link className={buttonVariants({ variant: 'ghost', size: 'sm' })} href={policyHref}>
          Policy
        </Link>
      ) : null}
    </>
  );
}
