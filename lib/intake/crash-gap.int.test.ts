import { desc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { applicabilityPairs, assets, intakeRuns, notifications, patches } from '@/db/schema';
import type { TActor } from '@/lib/auth/permissions';
import type { TSoftwareItem } from '@/lib/domain/types';
import { replaceSoftware } from '@/lib/inventory/replace-software';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import { assessPendingPatches, failInterruptedRuns } from './assess-pending';
import { importDocuments, startIntakeRun } from './import-documents';
import { criticalOsv } from './test-advisory';

const system: TActor = { kind: 'system', label: 'test' };

/** The assessment step fails once, as a crash between storing the documents and assessing them would. */
const crash = async () => {
  throw new Error('simulated crash before assessment');
};

describeDb('intake crash gap: stored but not assessed', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  const stateOf = async (vendorId: string) => {
    const [p] = await get().db.select().from(patches).where(eq(patches.vendorId, vendorId));
    const rows = await get().db.select().from(applicabilityPairs).where(eq(applicabilityPairs.patchId, p.id));
    return { needsAssessment: p.needsAssessment, states: rows.map((r) => r.state) };
  };

  beforeAll(async () => {
    const { db } = get();
    fx = await seedFixture(db);
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(assets).where(eq(assets.id, fx.assets.shopWeb.id));
      await replaceSoftware(tx, row, [{ ecosystem: 'deb', name: 'libgap', version: '1.0-1', arch: 'amd64', sourceName: 'libgap', sourceVersion: '1.0-1' }]);
    });
  });

  it('a re-import reports unchanged yet assesses the patch a crash left pending', async () => {
    const { db } = get();
    const doc = { name: 'gap.json', text: criticalOsv('GAP-1', 'libgap', '1.0-2') };
    await expect(importDocuments(db, system, [doc], { trigger: 'test', beforeAssessment: crash })).rejects.toThrow('simulated crash');
    expect(await stateOf('GAP-1')).toEqual({ needsAssessment: true, states: [] });
    const [failed] = await db.select().from(intakeRuns).orderBy(desc(intakeRuns.startedAt)).limit(1);
    expect(failed).toMatchObject({ status: 'failed', imported: 1, error: expect.stringContaining('assessed at the next start or import') });
    const again = await importDocuments(db, system, [doc], { trigger: 'test' });
    expect(again).toMatchObject({ unchanged: 1, imported: 0 });
    expect(await stateOf('GAP-1')).toEqual({ needsAssessment: false, states: ['missing'] });
  });

  it('start-up assesses pending patches and sends the notifications the import would have sent', async () => {
    const { db } = get();
    await expect(
      importDocuments(db, system, [{ name: 'gap2.json', text: criticalOsv('GAP-2', 'libgap', '1.0-3') }], { trigger: 'test', beforeAssessment: crash }),
    ).rejects.toThrow();
    expect(await stateOf('GAP-2')).toEqual({ needsAssessment: true, states: [] });
    expect(await assessPendingPatches(db)).toBe(1);
    expect(await stateOf('GAP-2')).toEqual({ needsAssessment: false, states: ['missing'] });
    const [p] = await db.select().from(patches).where(eq(patches.vendorId, 'GAP-2'));
    const sent = await db.select().from(notifications).where(eq(notifications.patchId, p.id));
    expect(sent.map((n) => n.recipientId)).toContain(fx.uid('owner-a@t'));
    expect(await assessPendingPatches(db)).toBe(0); // nothing left
  });

  it('a run a stopped process left running is marked failed at an embedded start-up', async () => {
    const { db } = get();
    const runId = await startIntakeRun(db, system, 'test', 3);
    expect(await failInterruptedRuns(db)).toBe(1);
    const [run] = await db.select().from(intakeRuns).where(eq(intakeRuns.id, runId));
    expect(run).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') });
  });
});
