import { ShieldAlert } from 'lucide-react';
import Link from 'next/link';
import { Card } from './card';

/**
 * The 403 page: rendered by app/(console)/forbidden.tsx when a page calls `forbidden()` from
 * next/navigation (HTTP 403), never returned by a page itself (that answered 200).
 */
export function Forbidden({ what = 'this page' }: { what?: string }) {
  return (
    <Card className="mx-auto mt-12 max-w-lg p-8 text-center" data-testid="forbidden">
      <ShieldAlert className="mx-auto mb-3 size-8 text-amber-500" />
      <h1 className="text-lg font-semibold">You do not have access to {what}</h1>
      <p className="mt-1 text-sm text-slate-500">Your roles do not include this permission. Ask an administrator if you need it.</p>
      <Link href="/" className="mt-4 inline-block text-sm text-brand-600 hover:underline">
        Back to the overview
      </Link>
    </Card>
  );
}
