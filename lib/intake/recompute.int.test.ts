import { count, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { applicability, applicabilityPairs, intakeRuns, lineVerdicts, softwareLines } from '@/db/schema';
import { describeDb } from '@/db/test/harness';
import { seedDemoIfEmpty } from '@/db/seed/seed';
import { judgePendingLines } from './assess';
import { recomputeApplicability } from './recompute-applicability';

describeDb('full recompute', (get) => {
  it('reproduces the incremental result exactly and records progress', async () => {
    const { db } = get();
    await seedDemoIfEmpty(db);
    const before = await db.select().from(applicabilityPairs).orderBy(applicabilityPairs.patchId, applicabilityPairs.assetId);
    const seen: number[] = [];
    const res = await recomputeApplicability(db, { kind: 'system', label: 'test' }, { batch: 5, onProgress: (d) => seen.push(d) });
    const after = await db.select().from(applicabilityPairs).orderBy(applicabilityPairs.patchId, applicabilityPairs.assetId);
    expect(after.map((r) => [r.patchId, r.assetId, r.state])).toEqual(before.map((r) => [r.patchId, r.assetId, r.state]));
    expect(seen.at(-1)).toBe(res.patches);
    const [run] = await db.select().from(intakeRuns).where(eq(intakeRuns.id, res.runId));
    expect(run).toMatchObject({ status: 'done', processed: res.patches, total: res.patches });
    expect((await db.select({ n: count() }).from(applicabilityPairs))[0].n).toBeGreaterThan(0);
  }, 180_000);

  it('stores only the pairs needing attention; installed is derived from the line verdicts', async () => {
    const { db } = get();
    await seedDemoIfEmpty(db);
    const states = await db.select({ state: applicabilityPairs.state, n: count() }).from(applicabilityPairs).groupBy(applicabilityPairs.state);
    const byState = Object.fromEntries(states.map((s) => [s.state, s.n]));
    expect(byState.installed).toBeGreaterThan(0);
    expect(byState.missing).toBeGreaterThan(0);
    expect((await db.select({ n: count() }).from(applicability).where(eq(applicability.state, 'installed')))[0].n).toBe(0);
  }, 180_000);

  it('lines without verdicts (stored before verdicts were kept) are judged at start-up to the same result', async () => {
    const { db } = get();
    await seedDemoIfEmpty(db);
    const snapshot = async () => (await db.select().from(applicabilityPairs).orderBy(applicabilityPairs.patchId, applicabilityPairs.assetId)).map((r) => `${r.patchId}/${r.assetId}/${r.state}`);
    const before = await snapshot();
    await db.delete(lineVerdicts);
    await db.update(softwareLines).set({ judged: false });
    expect((await snapshot()).filter((r) => r.endsWith('/installed'))).toEqual([]);
    const judged = await db.transaction((tx) => judgePendingLines(tx));
    expect(judged).toBe((await db.select({ n: count() }).from(softwareLines))[0].n);
    expect(await snapshot()).toEqual(before);
    expect((await db.select({ n: count() }).from(softwareLines).where(sql`not judged`))[0].n).toBe(0);
  }, 180_000);
});
