import type PgBoss from 'pg-boss';
import { z } from 'zod';
import type { TDbHandle } from '@/db/client';
import { runAutoApproval } from '@/lib/authorisation/run-auto-approval';
import type { TActor } from '@/lib/auth/permissions';
import { createNotifier } from '@/lib/connectors/notifiers/registry';
import { smtpSettings } from '@/lib/env';
import { recomputeApplicability } from '@/lib/intake/recompute-applicability';
import { dueSources, runSource } from '@/lib/intake/run-source';
import { deliverQueuedEmail } from '@/lib/notifications/deliver-email';
import { deliveryJobSender, runDeliveryJob, sweepChangeDeliveries } from '@/lib/changes/connector/delivery-jobs';
import { tenants } from '@/db/schema';
import { generateChanges } from '@/lib/changes/generate-changes';
import { createBoss, QUEUES } from './boss';

const ZRunSource = z.object({ sourceId: z.string().uuid(), trigger: z.enum(['manual', 'schedule']) });
const ZRecompute = z.object({ runId: z.string().uuid() });
const system = (label: string): TActor => ({ kind: 'system', label });

/** Starts the queue and registers every background job. Job payloads are validated like any input. */
export async function startWorker(handle: TDbHandle, databaseUrl: string | undefined): Promise<PgBoss> {
  const boss = createBoss(handle, databaseUrl);
  boss.on('error', (err) => console.error('[patchward] job queue error:', err));
  await boss.start();
  for (const q of Object.values(QUEUES)) await boss.createQueue(q);
  await boss.work(QUEUES.pollSources, async () => {
    for (const s of await dueSources(handle.db)) await boss.send(QUEUES.runSource, { sourceId: s.id, trigger: 'schedule' }, { singletonKey: s.id });
  });
  await boss.work(QUEUES.runSource, async ([job]) => {
    const data = ZRunSource.parse(job.data);
    await runSource(handle.db, system(`feed-${data.trigger}`), data.sourceId, data.trigger);
  });
  await boss.work(QUEUES.recompute, async ([job]) => {
    const data = ZRecompute.parse(job.data);
    await recomputeApplicability(handle.db, system('recompute'), { runId: data.runId });
  });
  await boss.work(QUEUES.autoApproval, async () => {
    const approved = await runAutoApproval(handle.db);
    if (approved.length) console.log(`[patchward] auto-approval: ${approved.map((a) => `${a.vendorId} by rule ${a.rule}`).join(', ')}`);
  });
  // Scheduled either way, so turning SMTP off leaves no stale schedule behind; without it the job is a no-op.
  const smtp = smtpSettings();
  const mailer = smtp ? createNotifier({ id: 'smtp', config: smtp }) : null;
  await boss.work(QUEUES.deliverEmail, async () => {
    if (!mailer) return;
    const counts = await deliverQueuedEmail(handle.db, mailer);
    if (counts.sent + counts.retrying + counts.failed)
      console.log(`[patchward] notification e-mail: ${counts.sent} sent, ${counts.retrying} to retry, ${counts.failed} failed`);
  });
  // A slow receiver holds a worker up to the send timeout: a few workers keep the others' events moving.
  for (let i = 0; i < 4; i++) await boss.work(QUEUES.deliverChangeEvent, async ([job]) => runDeliveryJob(handle.db, job.data));
  await boss.work(QUEUES.sweepChangeDeliveries, async () => {
    const swept = await sweepChangeDeliveries(handle.db, deliveryJobSender(boss));
    if (swept.created + swept.resent) console.log(`[patchward] change webhooks: ${swept.created} deliveries created, ${swept.resent} re-sent by the sweeper`);
  });
  await boss.work(QUEUES.generateChanges, async () => {
    for (const t of await handle.db.select({ id: tenants.id, slug: tenants.slug }).from(tenants)) {
      const out = await generateChanges(handle.db, system('change-generation'), { tenantId: t.id });
      if (out.created.length) console.log(`[patchward] changes generated for ${t.slug}: ${out.created.map((c) => `CHG-${c.number} (${c.type})`).join(', ')}`);
    }
  });
  await boss.schedule(QUEUES.pollSources, '* * * * *');
  await boss.schedule(QUEUES.autoApproval, '7 * * * *');
  await boss.schedule(QUEUES.deliverEmail, '* * * * *');
  await boss.schedule(QUEUES.sweepChangeDeliveries, '* * * * *');
  await boss.schedule(QUEUES.generateChanges, '17 * * * *');
  return boss;
}
