import { Forbidden } from '@/components/ui/forbidden';

export const metadata = { title: 'No access' };

/** `forbidden()` outside the console group (HTTP 403); console pages get app/(console)/forbidden.tsx. */
export default function RootForbidden() {
  return (
    <main className="px-6 py-6">
      <Forbidden />
    </main>
  );
}
