import Link from 'next/link';
import { Card } from '@/components/ui/card';

export const metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <Card className="mx-auto mt-12 max-w-lg p-8 text-center" data-testid="not-found">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-sm text-slate-500">This page or object does not exist, or it belongs to a tenant you are not a member of.</p>
      <Link href="/" className="mt-4 inline-block text-sm text-brand-600 hover:underline">
        Back to the overview
      </Link>
    </Card>
  );
}
