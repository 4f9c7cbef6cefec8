'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { intakeRuns } from '@/db/schema';
import { getBoss } from '@/lib/runtime/jobs';
import { authedAction } from '@/lib/auth/authed-action';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { createSource, ZCreateSource } from '@/lib/intake/create-source';
import { importDocuments } from '@/lib/intake/import-documents';
import { QUEUES } from '@/lib/jobs/boss';

const MAX_FILE = 20 * 1024 * 1024;

const ZUpload = z.object({ files: z.array(z.instanceof(File)).min(1, 'Choose at least one file').max(200, 'At most 200 files at once') });

export const uploadAdvisoriesAction = authedAction('patch:import', ZUpload, async (db, actor, input) => {
  requirePermission(actor, 'patch:import');
  const big = input.files.find((f) => f.size > MAX_FILE);
  if (big) throw new AppError('PAYLOAD_TOO_LARGE', `${big.name} is larger than 20 MB.`);
  const docs = await Promise.all(input.files.map(async (f) => ({ name: f.name, text: await f.text() })));
  const summary = await importDocuments(db, actor, docs, { trigger: 'upload' });
  revalidatePath('/intake');
  revalidatePath('/patches');
  return summary;
});

export const createSourceAction = authedAction('patch:import', ZCreateSource, async (db, actor, input) => {
  const row = await createSource(db, actor, input);
  revalidatePath('/intake');
  return { id: row.id };
});

export const runSourceAction = authedAction('patch:import', z.object({ sourceId: z.string().uuid() }), async (_db, actor, input) => {
  requirePermission(actor, 'patch:import');
  await (await getBoss()).send(QUEUES.runSource, { sourceId: input.sourceId, trigger: 'manual' });
  return { queued: true };
});

export const recomputeAction = authedAction('patch:import', z.object({}), async (db, actor) => {
  const [run] = await db.insert(intakeRuns).values({ trigger: 'recompute', actorId: actor.kind === 'user' ? actor.userId : null }).returning({ id: intakeRuns.id });
  await (await getBoss()).send(QUEUES.recompute, { runId: run.id });
  revalidatePath('/intake');
  return { runId: run.id };
});
