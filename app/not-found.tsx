import Link from 'next/link';

export const metadata = { title: 'Not found' };

/** Unmatched URLs land in the console (app/(console)/[...missing]); this covers notFound() outside it. */
export default function RootNotFound() {
  return (
    <main className="mx-auto mt-24 max-w-lg px-6 text-center" data-testid="not-found">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-sm text-slate-500">This page does not exist.</p>
      <Link href="/" className="mt-4 inline-block text-sm text-brand-600 hover:underline">
        Back to Patchward
      </Link>
    </main>
  );
}
