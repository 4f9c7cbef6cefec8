'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { importTestResults, MAX_REPORT_BYTES } from '@/lib/authorisation/import-test-results';
import { recordTestResults, ZRecordTestResults } from '@/lib/authorisation/record-test-results';
import { assertUploadSize } from '@/lib/errors';

/** Several results of a run at once: marked by hand or imported from a test pipeline's report. */

const done = (patchId: string) => {
  revalidatePath(`/patches/${patchId}/decide`);
  revalidatePath('/testing');
  revalidatePath('/my');
};

export const recordTestResultsAction = authedAction(
  'patch:test',
  ZRecordTestResults.and(z.object({ patchId: z.string().uuid() })),
  async (db, actor, input) => {
    const res = await recordTestResults(db, actor, input);
    done(input.patchId);
    return res;
  },
);

const ZReportUpload = z.object({
  patchId: z.string().uuid(),
  runId: z.string().uuid(),
  file: z.instanceof(File, { message: 'Choose a JUnit XML or CSV report.' }).refine((f) => f.size > 0, 'The file is empty.'),
});

export const importTestResultsAction = authedAction('patch:test', ZReportUpload, async (db, actor, input) => {
  // Refuse before reading a large body into memory.
  assertUploadSize(input.file.size, MAX_REPORT_BYTES);
  const res = await importTestResults(db, actor, { runId: input.runId, filename: input.file.name, text: await input.file.text() });
  done(input.patchId);
  return res;
});
