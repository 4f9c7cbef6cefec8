import { RunsList } from '@/components/intake/runs-list';
import { NewSourceForm, RunButton } from '@/components/intake/source-forms';
import { UploadAdvisoriesForm } from '@/components/intake/upload-form';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { forbidden } from 'next/navigation';
import { formatRelative } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { getDb } from '@/lib/runtime/db';
import { can, canPlatform } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { findIntakeRuns, findSources } from '@/lib/intake/queries';
import { importScopeOptions } from '@/lib/intake/scope';
import { createSourceAction, recomputeAction, runSourceAction, uploadAdvisoriesAction } from './actions';

export const metadata = { title: 'Advisory intake' };

export default async function IntakePage() {
  const actor = (await getActor())!;
  if (!can(actor, 'patch:import')) forbidden();
  const db = await getDb();
  const [runs, sources] = await Promise.all([findIntakeRuns(db, actor, 20), findSources(db, actor)]);
  const isPlatform = canPlatform(actor, 'patch:import:global');
  const scopes = importScopeOptions(actor);
  return (
    <>
      <PageHeader
        title="Advisory intake"
        description="Vendor advisories become patches; re-importing is idempotent and vendor revisions update in place. Applicability is re-assessed for what changed."
        actions={isPlatform ? <RunButton action={recomputeAction} input={{}} label="Recompute applicability" icon="refresh" /> : null}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Upload" />
          <CardBody>
            <UploadAdvisoriesForm action={uploadAdvisoriesAction} scopes={scopes} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Sources" description="Folders and URLs polled by the background worker" />
          {sources.length ? (
            <SimpleTable
              label="Advisory sources"
              head={['Name', 'Scope', 'Where', 'Every', 'Last run', '']}
              rows={sources.map((s) => {
                const c = s.config as { source: string; url?: string; path?: string };
                return [
                  s.name,
                  s.tenant ?? 'Global',
                  <span key="w" className="block max-w-48 truncate font-mono text-xs" title={c.url ?? c.path}>
                    {c.url ?? c.path}
                  </span>,
                  s.pollMinutes ? `${s.pollMinutes} min` : '—',
                  <span key="l" className="text-xs">
                    {formatRelative(s.lastRunAt)}
                    {s.lastStatus ? ` · ${s.lastStatus}` : ''}
                  </span>,
                  <RunButton key="r" action={runSourceAction} input={{ sourceId: s.id }} label="Run now" />,
                ];
              })}
            />
          ) : null}
          <CardBody className="border-t border-slate-100">
            <NewSourceForm action={createSourceAction} scopes={scopes} />
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="Runs" description="Each run's result per document: imported, updated, unchanged or rejected with the reason" />
        <RunsList initial={JSON.parse(JSON.stringify(runs))} />
      </Card>
    </>
  );
}
