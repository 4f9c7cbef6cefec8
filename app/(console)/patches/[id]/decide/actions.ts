'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { approveDecision } from '@/lib/authorisation/approve-decision';
import { ZDecide } from '@/lib/authorisation/load-decision';
import { objectToAutoApproval, ZObjectToAutoApproval } from '@/lib/authorisation/object-to-auto-approval';
import { recordTestResult, ZRecordTestResult } from '@/lib/authorisation/record-test-result';
import { refuseDecision } from '@/lib/authorisation/refuse-decision';
import { requestDecision, ZRequestDecision } from '@/lib/authorisation/request-decision';
import { startTestRun, ZStartTestRun } from '@/lib/authorisation/start-test-run';
import { MAX_EVIDENCE_BYTES, uploadTestEvidence } from '@/lib/authorisation/upload-test-evidence';
import { withdrawObjection, ZWithdrawObjection } from '@/lib/authorisation/withdraw-objection';
import { AppError } from '@/lib/errors';

const done = (patchId: string) => {
  revalidatePath(`/patches/${patchId}/decide`);
  revalidatePath('/testing');
  revalidatePath('/history');
};

export const startTestRunAction = authedAction('patch:test', ZStartTestRun, async (db, actor, input) => {
  const res = await startTestRun(db, actor, input);
  done(input.patchId);
  return res;
});

export const recordTestResultAction = authedAction('patch:test', ZRecordTestResult.and(z.object({ patchId: z.string().uuid() })), async (db, actor, input) => {
  const res = await recordTestResult(db, actor, input);
  done(input.patchId);
  return res;
});

const ZEvidenceUpload = z.object({
  patchId: z.string().uuid(),
  runId: z.string().uuid(),
  assetId: z.string().uuid(),
  file: z.instanceof(File, { message: 'Choose a file to attach.' }).refine((f) => f.size > 0, 'The file is empty.'),
});

export const uploadEvidenceAction = authedAction('patch:test', ZEvidenceUpload, async (db, actor, input) => {
  // Refuse before reading a large body into memory.
  if (input.file.size > MAX_EVIDENCE_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', `${input.file.name} is larger than 5 MB; attach a link to it instead.`, [
      { field: 'file', message: 'Larger than 5 MB' },
    ]);
  const res = await uploadTestEvidence(db, actor, {
    runId: input.runId,
    assetId: input.assetId,
    filename: input.file.name,
    contentType: input.file.type,
    data: new Uint8Array(await input.file.arrayBuffer()),
  });
  done(input.patchId);
  return res;
});

export const requestDecisionAction = authedAction('patch:authorize', ZRequestDecision, async (db, actor, input) => {
  const res = await requestDecision(db, actor, input);
  done(input.patchId);
  return res;
});

const ZDecideOnPatch = ZDecide.extend({ patchId: z.string().uuid() });

export const approveDecisionAction = authedAction('patch:authorize', ZDecideOnPatch, async (db, actor, input) => {
  const res = await approveDecision(db, actor, input);
  done(input.patchId);
  return res;
});

export const refuseDecisionAction = authedAction('patch:authorize', ZDecideOnPatch, async (db, actor, input) => {
  const res = await refuseDecision(db, actor, input);
  done(input.patchId);
  return res;
});

export const objectAction = authedAction('patch:authorize', ZObjectToAutoApproval, async (db, actor, input) => {
  const res = await objectToAutoApproval(db, actor, input);
  done(input.patchId);
  return res;
});

export const withdrawObjectionAction = authedAction('patch:authorize', ZWithdrawObjection, async (db, actor, input) => {
  const res = await withdrawObjection(db, actor, input);
  done(input.patchId);
  return res;
});
