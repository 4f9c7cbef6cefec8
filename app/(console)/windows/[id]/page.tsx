import Link from 'next/link';
import { notFound } from 'next/navigation';
import { describeDuration, describeRecurrence, describeScope, describeZone } from '@/components/scheduling/format';
import { OccurrenceList } from '@/components/scheduling/occurrence-list';
import { WindowActions } from '@/components/scheduling/window-actions';
import { WindowForm } from '@/components/scheduling/window-form';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/runtime/db';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { findBlackouts, getWindow, scheduleFormOptions } from '@/lib/scheduling/queries';
import { previewWindow } from '@/lib/scheduling/window-preview';
import { deleteWindowAction, setWindowEnabledAction, updateWindowAction } from '../actions';

export const metadata = { title: 'Maintenance window' };

export default async function WindowPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = (await getActor())!;
  const db = await getDb();
  const w = await getWindow(db, actor, id).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const [options, blackouts] = await Promise.all([scheduleFormOptions(db, actor, w.tenantId), findBlackouts(db, actor, w.tenantId)]);
  const canWrite = can(actor, 'window:write', w.tenantId);
  const now = new Date().toISOString();
  const zones = options.zones.map((z) => z.zone);
  const appName = (appId: string) => options.applications.find((a) => a.id === appId)?.name ?? 'unknown application';
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/windows?tenant=${w.tenant.slug}`} className="hover:underline">
            Maintenance windows · {w.tenant.name}
          </Link>
        }
        title={w.name}
        description={`${describeRecurrence(w.def.recurrence)}, opens ${w.def.start} for ${describeDuration(w.def.durationMinutes)} in ${describeZone(w.def)}. Applies to: ${describeScope(w.def.scope, appName)}.`}
        actions={
          <>
            <Badge tone={w.isEnabled ? 'green' : 'neutral'}>{w.isEnabled ? 'enabled' : 'disabled'}</Badge>
            {canWrite ? (
              <WindowActions
                windowId={w.id}
                name={w.name}
                isEnabled={w.isEnabled}
                setEnabled={setWindowEnabledAction}
                remove={deleteWindowAction}
                afterDeleteHref={`/windows?tenant=${w.tenant.slug}`}
              />
            ) : null}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader
            title="Next openings"
            description={
              w.def.zone === 'asset' ? `On each asset's clock: shown for the tenant's most common zones, and in UTC.` : `In ${w.def.zone} and in UTC.`
            }
          />
          <CardBody>
            <OccurrenceList previews={previewWindow(w.def, { now, count: w.def.zone === 'asset' ? 4 : 10, sampleZones: zones, blackouts })} />
          </CardBody>
        </Card>
        {canWrite ? (
          <Card className="lg:col-span-2">
            <CardHeader title="Edit window" description="Every change is written to the audit log." />
            <CardBody>
              <WindowForm
                action={updateWindowAction}
                target={{ windowId: w.id }}
                initial={w.def}
                now={now}
                rings={options.rings}
                applications={options.applications}
                zones={zones}
              />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
