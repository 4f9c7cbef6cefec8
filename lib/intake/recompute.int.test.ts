import { count, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { applicability, applicabilityCounts, applicabilityPairs, assets, intakeRuns, lineVerdicts, patches, softwareLines } from '@/db/schema';
import { describeDb } from '@/lib/testing/db-harness';
import { seedDemoIfEmpty } from '@/lib/seed/seed';
import { replaceSoftware } from '@/lib/inventory/replace-software';
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
    const snapshot = async () =>
      (await db.select().from(applicabilityPairs).orderBy(applicabilityPairs.patchId, applicabilityPairs.assetId)).map(
        (r) => `${r.patchId}/${r.assetId}/${r.state}`,
      );
    const before = await snapshot();
    await db.delete(lineVerdicts);
    await db.update(softwareLines).set({ judged: false });
    expect((await snapshot()).filter((r) => r.endsWith('/installed'))).toEqual([]);
    const judged = await db.transaction((tx) => judgePendingLines(tx));
    expect(judged).toBe((await db.select({ n: count() }).from(softwareLines))[0].n);
    expect(await snapshot()).toEqual(before);
    expect(
      (
        await db
          .select({ n: count() })
          .from(softwareLines)
          .where(sql`not judged`)
      )[0].n,
    ).toBe(0);
  }, 180_000);

  it('keeps per patch × tenant × state counts equal to the stored rows through inserts, updates and deletes', async () => {
    const { db } = get();
    await seedDemoIfEmpty(db);
    const counted = async () =>
      (
        await db
          .select()
          .from(applicabilityCounts)
          .where(sql`n <> 0`)
      )
        .map((c) => `${c.patchId}/${c.tenantId}/${c.state}=${c.n}`)
        .sort();
    const actual = async () =>
      (
        await db
          .select({ p: applicability.patchId, t: applicability.tenantId, s: applicability.state, n: count() })
          .from(applicability)
          .groupBy(applicability.patchId, applicability.tenantId, applicability.state)
      )
        .map((r) => `${r.p}/${r.t}/${r.s}=${r.n}`)
        .sort();
    expect((await actual()).length).toBeGreaterThan(0);
    expect(await counted()).toEqual(await actual());
    // An asset whose software goes away: its missing rows are deleted.
    const [missingRow] = await db.select().from(applicability).where(eq(applicability.state, 'missing')).limit(1);
    await db.transaction(async (tx) => {
      const [a] = await tx.select().from(assets).where(eq(assets.id, missingRow.assetId));
      await replaceSoftware(tx, a, []);
    });
    // A state flip (update) and a patch deleted with its rows (cascade).
    await db.update(applicability).set({ state: 'unknown' }).where(eq(applicability.patchId, missingRow.patchId));
    const [other] = await db
      .select()
      .from(applicability)
      .where(sql`${applicability.patchId} <> ${missingRow.patchId}`)
      .limit(1);
    await db.delete(patches).where(eq(patches.id, other.patchId));
    expect(await counted()).toEqual(await actual());
  }, 180_000);
});
