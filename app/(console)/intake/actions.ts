'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { intakeRuns } from '@/db/schema';
import { getBoss } from '@/lib/runtime/jobs';
import { authedAction } from '@/lib/auth/authed-action';
import { canPlatform, requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { createSource, scopeOf, ZCreateSource, ZScopeField } from '@/lib/intake/create-source';
import { importDocuments } from '@/lib/intake/import-documents';
import { requestSourceRun } from '@/lib/intake/run-source';
import { QUEUES } from '@/lib/jobs/boss';

const MAX_FILE = 20 * 1024 * 1024;

const ZUpload = z.object({ scope: ZScopeField, files: z.array(z.instanceof(File)).min(1, 'Choose at least one file').max(200, 'At most 200 files at once') });

export const uploadAdvisoriesAction = authedAction('patch:import', ZUpload, async (db, actor, input) => {
  requirePermission(actor, 'patch:import');
  const big = input.files.find((f) => f.size > MAX_FILE);
  if (big) throw new AppError('PAYLOAD_TOO_LARGE', `${big.name} is larger than 20 MB.`);
  const docs = await Promise.all(input.files.map(async (f) => ({ name: f.name, text: await f.text() })));
  const summary = await importDocuments(db, actor, docs, { trigger: 'upload', tenantId: scopeOf(input.scope) });
  revalidatePath('/intake');
  revalidatePath('/patches');
  return summary;
});

export const createSourceAction = authedAction('patch:import', ZCreateSource, async (db, actor, input) => {
  const row = await createSource(db, actor, input);
  revalidatePath('/intake');
  return { id: row.id };
});

export const runSourceAction = authedAction('patch:import', z.object({ sourceId: z.string().uuid() }), async (db, actor, input) => {
  await requestSourceRun(db, actor, input.sourceId);
  await (await getBoss()).send(QUEUES.runSource, { sourceId: input.sourceId, trigger: 'manual' });
  return { queued: true };
});

export const recomputeAction = authedAction('patch:import', z.object({}), async (db, actor) => {
  // A recompute rewrites every tenant's applicability: platform work, recorded as a global run.
  if (!canPlatform(actor, 'patch:import:global')) throw new AppError('FORBIDDEN', 'Only platform users may recompute applicability for every tenant.');
  const [run] = await db
    .insert(intakeRuns)
    .values({ trigger: 'recompute', actorId: actor.kind === 'user' ? actor.userId : null })
    .returning({ id: intakeRuns.id });
  await (await getBoss()).send(QUEUES.recompute, { runId: run.id });
  revalidatePath('/intake');
  return { runId: run.id };
});
