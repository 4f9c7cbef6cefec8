import Link from 'next/link';
import { PatchesTable } from '@/components/patches/patches-table';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/runtime/db';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { SEVERITIES } from '@/lib/domain/types';
import { PATCH_STATUSES, STATUS_LABEL } from '@/lib/domain/patch-lifecycle';
import { findPatches, ZPatchListQuery } from '@/lib/intake/queries';

export const metadata = { title: 'Patches' };

export default async function PatchesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'patch:read')) forbidden();
  const query = ZPatchListQuery.parse(await searchParams);
  const page = await findPatches(await getDb(), actor, query);
  return (
    <>
      <PageHeader
        title="Patches"
        description="Vendor advisories normalised to patches, with the number of your assets each is still missing on."
        actions={
          can(actor, 'patch:import') ? (
            <Link href="/intake" className={buttonVariants({ variant: 'secondary' })}>
              Import advisories
            </Link>
          ) : null
        }
      />
      <Card>
        <PatchesTable
          rows={page.rows.map((r) => ({ ...r, published: r.published ? r.published.toISOString() : null, kevDueDate: r.kevDueDate ?? null }))}
          total={page.total}
          page={page.page}
          pageSize={page.size}
          sort={query.sort}
          filters={[
            { key: 'severity', label: 'Severity', options: SEVERITIES.map((s) => ({ value: s, label: s })) },
            {
              key: 'kev',
              label: 'KEV',
              options: [
                { value: 'yes', label: 'KEV only' },
                { value: 'no', label: 'not KEV' },
              ],
            },
            {
              key: 'applicable',
              label: 'Applicable',
              options: [
                { value: 'yes', label: 'missing somewhere' },
                { value: 'no', label: 'nowhere missing' },
              ],
            },
            { key: 'status', label: 'Authorisation', options: PATCH_STATUSES.map((s) => ({ value: s, label: `${STATUS_LABEL[s]} (in a tenant of yours)` })) },
            { key: 'source', label: 'Source', options: page.sources.map((s) => ({ value: s, label: s })) },
          ]}
        />
      </Card>
    </>
  );
}
