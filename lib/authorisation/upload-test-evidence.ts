import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { testEvidence, testResults } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, requirePermission, type TActor } from '@/lib/auth/permissions';
import { AppError, parseInput } from '@/lib/errors';
import { loadRunForTest } from './record-test-result';

/** Evidence files are small (logs, screenshots) and live in the database: 5 MB each. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export const ZUploadTestEvidence = z.object({
  runId: z.string().uuid(),
  assetId: z.string().uuid(),
  filename: z
    .string()
    .trim()
    .min(1, 'The file needs a name.')
    .max(200)
    .transform((n) => n.replace(/[\\/\r\n"]/g, '_')),
  contentType: z.string().trim().max(120).default('application/octet-stream'),
  data: z.instanceof(Uint8Array),
});
export type TUploadTestEvidence = z.input<typeof ZUploadTestEvidence>;

/** Stores an evidence file for one asset's result in a test run (size-checked, sha256 recorded). */
export async function uploadTestEvidence(
  db: TDb,
  actor: TActor,
  raw: TUploadTestEvidence,
  now = new Date(),
): Promise<{ evidenceId: string; size: number; sha256: string }> {
  requirePermission(actor, 'patch:test');
  const input = parseInput(ZUploadTestEvidence, raw, 'Invalid evidence file.');
  if (input.data.byteLength === 0) throw new AppError('VALIDATION', 'The file is empty.', [{ field: 'file', message: 'Empty file' }]);
  if (input.data.byteLength > MAX_EVIDENCE_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', `${input.filename} is larger than 5 MB; attach a link to it instead.`, [
      { field: 'file', message: 'Larger than 5 MB' },
    ]);
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  return db.transaction(async (tx) => {
    const run = await loadRunForTest(tx, actor, input.runId);
    const [result] = await tx
      .select({ assetId: testResults.assetId })
      .from(testResults)
      .where(and(eq(testResults.runId, run.id), eq(testResults.assetId, input.assetId)));
    if (!result) throw new AppError('NOT_FOUND', 'That asset is not part of this test run.');
    const [row] = await tx
      .insert(testEvidence)
      .values({
        runId: run.id,
        assetId: input.assetId,
        tenantId: run.tenantId,
        filename: input.filename,
        contentType: input.contentType || 'application/octet-stream',
        size: input.data.byteLength,
        data: input.data,
        sha256,
        uploadedBy: actorUserId(actor),
        uploadedAt: now,
      })
      .returning({ id: testEvidence.id });
    await writeAudit(
      tx,
      actor,
      {
        tenantId: run.tenantId,
        action: 'patch.test.evidence',
        targetType: 'patch',
        targetId: run.patchId,
        after: { runId: run.id, assetId: input.assetId, evidenceId: row.id, filename: input.filename, size: input.data.byteLength, sha256 },
      },
      now,
    );
    return { evidenceId: row.id, size: input.data.byteLength, sha256 };
  });
}
