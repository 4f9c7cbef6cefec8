import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { applicability, intakeRuns } from '@/db/schema';
import { describeDb } from '@/db/test/harness';
import { seedDemoIfEmpty } from '@/db/seed/seed';
import { recomputeApplicability } from './recompute-applicability';

describeDb('full recompute', (get) => {
  it('reproduces the incremental result exactly and records progress', async () => {
    const { db } = get();
    await seedDemoIfEmpty(db);
    const before = await db.select().from(applicability).orderBy(applicability.patchId, applicability.assetId);
    const seen: number[] = [];
    const res = await recomputeApplicability(db, { kind: 'system', label: 'test' }, { batch: 5, onProgress: (d) => seen.push(d) });
    const after = await db.select().from(applicability).orderBy(applicability.patchId, applicability.assetId);
    expect(after.map((r) => [r.patchId, r.assetId, r.state])).toEqual(before.map((r) => [r.patchId, r.assetId, r.state]));
    expect(seen.at(-1)).toBe(res.patches);
    const [run] = await db.select().from(intakeRuns).where(eq(intakeRuns.id, res.runId));
    expect(run).toMatchObject({ status: 'done', processed: res.patches, total: res.patches });
    expect((await db.select({ n: count() }).from(applicability))[0].n).toBeGreaterThan(0);
  }, 180_000);
});
