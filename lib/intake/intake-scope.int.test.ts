import { and, count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { advisorySources, applicability, applicabilityPairs, assets, auditLog, intakeRuns, memberships, notifications, patches, users } from '@/db/schema';
import { loadActorFromDb } from '@/lib/auth/load-actor';
import type { TActor } from '@/lib/auth/permissions';
import type { TSoftwareItem } from '@/lib/domain/types';
import { replaceSoftware } from '@/lib/inventory/replace-software';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import { createSource } from './create-source';
import { importDocuments } from './import-documents';
import { criticalOsv } from './test-advisory';
import { findIntakeRuns, findPatchAssets, findAssetPatches, findPatches, findSources, getPatch, ZAffectedQuery, ZPatchListQuery } from './queries';
import { requestSourceRun } from './run-source';

const deb = (name: string, version: string): TSoftwareItem => ({ ecosystem: 'deb', name, version, arch: 'amd64', sourceName: name, sourceVersion: version });

const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'none' }),
    (e: { code?: string }) => ({ code: e.code }),
  );

describeDb('advisory scope: tenant-private and global', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  let secA: TActor;
  let secB: TActor;
  let platform: TActor;
  const listQuery = ZPatchListQuery.parse({});

  beforeAll(async () => {
    const { db } = get();
    fx = await seedFixture(db);
    // Single-tenant security users: the fixture's staff accounts belong to both tenants and hide leaks.
    const [a, b, p] = await db
      .insert(users)
      .values([
        { email: 'sec-alpha@t', name: 'sec-alpha' },
        { email: 'sec-beta@t', name: 'sec-beta' },
        { email: 'platform@t', name: 'platform', platformRole: 'catalogue_admin' },
      ])
      .returning();
    await db.insert(memberships).values([
      { userId: a.id, tenantId: fx.alpha.id, role: 'security' },
      { userId: b.id, tenantId: fx.beta.id, role: 'security' },
      { userId: p.id, tenantId: fx.alpha.id, role: 'security' },
    ]);
    [secA, secB, platform] = await Promise.all([a, b, p].map((u) => loadActorFromDb(db, u.id)));
    for (const asset of [fx.assets.shopWeb, fx.assets.ledgerApp]) {
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(assets).where(eq(assets.id, asset.id));
        await replaceSoftware(tx, row, [deb('libfake', '1.0-1'), deb('libfixed', '2.0-1')]);
      });
    }
  });

  it("a tenant's private upload applies, notifies and shows in that tenant only", async () => {
    const { db } = get();
    const res = await importDocuments(
      db,
      secA,
      [
        { name: 'fake.json', text: criticalOsv('FAKE-1', 'libfake', '1.0-2', ['CVE-2026-4242']) },
        { name: 'fixed.json', text: criticalOsv('FAKE-2', 'libfixed', '1.5-1', ['CVE-2026-4242']) },
      ],
      { trigger: 'upload', tenantId: fx.alpha.id },
    );
    expect(res).toMatchObject({ imported: 2, rejected: 0 });
    const [fake] = await db.select().from(patches).where(eq(patches.vendorId, 'FAKE-1'));
    const [fixed] = await db.select().from(patches).where(eq(patches.vendorId, 'FAKE-2'));
    expect(fake.tenantId).toBe(fx.alpha.id);
    // Applies in alpha only; the derived `installed` pairs of beta's assets are not shown either.
    const pairs = await db.select().from(applicabilityPairs).where(eq(applicabilityPairs.patchId, fake.id));
    expect(pairs.map((p) => [p.assetId, p.state])).toEqual([[fx.assets.shopWeb.id, 'missing']]);
    const fixedPairs = await db.select().from(applicabilityPairs).where(eq(applicabilityPairs.patchId, fixed.id));
    expect(fixedPairs.map((p) => p.tenantId)).toEqual([fx.alpha.id]);
    const sent = await db.select().from(notifications).where(eq(notifications.patchId, fake.id));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((n) => n.tenantId === fx.alpha.id)).toBe(true);
    expect(sent.map((n) => n.recipientId)).not.toContain(fx.uid('owner-b@t'));
    // Beta's security user does not see it anywhere.
    expect((await findPatches(db, secB, listQuery)).rows.map((r) => r.vendorId)).not.toContain('FAKE-1');
    expect(await failure(getPatch(db, secB, fake.id))).toEqual({ code: 'NOT_FOUND' });
    expect((await findPatchAssets(db, secB, fake.id, ZAffectedQuery.parse({}))).rows).toEqual([]);
    expect((await findAssetPatches(db, secB, fx.assets.ledgerApp.id)).map((r) => r.vendorId)).not.toContain('FAKE-1');
    // Alpha's does.
    expect((await findPatches(db, secA, listQuery)).rows.find((r) => r.vendorId === 'FAKE-1')).toMatchObject({ affected: 1, tenantId: fx.alpha.id });
    expect((await getPatch(db, secA, fake.id)).patch.id).toBe(fake.id);
  });

  it('the global copy of the same advisory coexists with the private one and applies in every tenant', async () => {
    const { db } = get();
    const res = await importDocuments(db, platform, [{ name: 'fake.json', text: criticalOsv('FAKE-1', 'libfake', '1.0-2', ['CVE-2026-4242']) }], {
      trigger: 'upload',
      tenantId: null,
    });
    expect(res).toMatchObject({ imported: 1 });
    const copies = await db.select().from(patches).where(eq(patches.vendorId, 'FAKE-1'));
    expect(copies.map((c) => c.tenantId).sort()).toEqual([fx.alpha.id, null].sort());
    const global = copies.find((c) => c.tenantId === null)!;
    const tenants = await db.select({ tenantId: applicability.tenantId }).from(applicability).where(eq(applicability.patchId, global.id));
    expect(tenants.map((t) => t.tenantId).sort()).toEqual([fx.alpha.id, fx.beta.id].sort());
    expect((await findPatches(db, secB, listQuery)).rows.filter((r) => r.vendorId === 'FAKE-1').map((r) => r.tenantId)).toEqual([null]);
    // Re-importing the private copy leaves the global one alone (and vice versa): unchanged.
    expect(
      await importDocuments(db, secA, [{ name: 'fake.json', text: criticalOsv('FAKE-1', 'libfake', '1.0-2', ['CVE-2026-4242']) }], {
        trigger: 'upload',
        tenantId: fx.alpha.id,
      }),
    ).toMatchObject({ unchanged: 1 });
  });

  it('only platform users import globally; another tenant is not found; nothing is written', async () => {
    const { db } = get();
    const runsBefore = await db.select({ n: count() }).from(intakeRuns);
    expect(
      await failure(
        importDocuments(db, secA, [{ name: 'g.json', text: criticalOsv('FAKE-G', 'libfake', '1.0-3', ['CVE-2026-4242']) }], {
          trigger: 'upload',
          tenantId: null,
        }),
      ),
    ).toEqual({ code: 'FORBIDDEN' });
    expect(
      await failure(
        importDocuments(db, secA, [{ name: 'g.json', text: criticalOsv('FAKE-G', 'libfake', '1.0-3', ['CVE-2026-4242']) }], {
          trigger: 'upload',
          tenantId: fx.beta.id,
        }),
      ),
    ).toEqual({ code: 'NOT_FOUND' });
    expect(
      await failure(
        importDocuments(db, await fx.actor('manager@t'), [{ name: 'g.json', text: criticalOsv('FAKE-G', 'libfake', '1.0-3', ['CVE-2026-4242']) }], {
          trigger: 'upload',
          tenantId: fx.alpha.id,
        }),
      ),
    ).toEqual({ code: 'FORBIDDEN' });
    expect(await db.select({ n: count() }).from(intakeRuns)).toEqual(runsBefore);
    expect(await db.select().from(patches).where(eq(patches.vendorId, 'FAKE-G'))).toEqual([]);
    // KEV catalogues flag advisories in every tenant: refused in a tenant's scope.
    const kev = JSON.stringify({
      title: 'CISA KEV',
      catalogVersion: '2026.03.01',
      dateReleased: '2026-03-01T00:00:00Z',
      count: 1,
      vulnerabilities: [
        {
          cveID: 'CVE-2026-4242',
          vendorProject: 'x',
          product: 'y',
          vulnerabilityName: 'z',
          dateAdded: '2026-03-01',
          shortDescription: 'd',
          requiredAction: 'a',
          dueDate: '2026-03-22',
          knownRansomwareCampaignUse: 'Unknown',
          notes: '',
        },
      ],
    });
    const res = await importDocuments(db, secA, [{ name: 'kev.json', text: kev }], { trigger: 'upload', tenantId: fx.alpha.id });
    expect(res.results[0]).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining('platform') });
    expect((await db.select().from(patches).where(eq(patches.isKev, true))).length).toBe(0);
  });

  it('only a platform user creates a global source; tenant sources are seen and run in their tenant only', async () => {
    const { db } = get();
    const config = { source: 'url' as const, url: 'https://feeds.example.test/csaf/provider-metadata.json', pollMinutes: 60 };
    const audits = await db.select({ n: count() }).from(auditLog);
    expect(await failure(createSource(db, secA, { name: 'Global feed', scope: 'global', config }))).toEqual({ code: 'FORBIDDEN' });
    expect(await failure(createSource(db, secA, { name: 'Beta feed', scope: fx.beta.id, config }))).toEqual({ code: 'NOT_FOUND' });
    expect(await failure(createSource(db, secA, { name: 'No scope', scope: '', config }))).toEqual({ code: 'VALIDATION' });
    expect(await db.select().from(advisorySources)).toEqual([]);
    expect(await db.select({ n: count() }).from(auditLog)).toEqual(audits);

    const global = await createSource(db, platform, { name: 'Vendor feed', scope: 'global', config });
    const alphaFeed = await createSource(db, secA, { name: 'Vendor feed', scope: fx.alpha.id, config }); // same name, other scope
    expect(global.tenantId).toBeNull();
    expect(alphaFeed.tenantId).toBe(fx.alpha.id);
    expect(await failure(createSource(db, secA, { name: 'Vendor feed', scope: fx.alpha.id, config }))).toEqual({ code: 'CONFLICT' });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, alphaFeed.id), eq(auditLog.action, 'intake.source.create')));
    expect(audit.tenantId).toBe(fx.alpha.id);

    expect((await findSources(db, secA)).map((s) => s.id)).toEqual([alphaFeed.id]);
    expect(await findSources(db, secB)).toEqual([]);
    expect((await findSources(db, platform)).map((s) => s.id).sort()).toEqual([global.id, alphaFeed.id].sort());
    expect(await failure(requestSourceRun(db, secB, alphaFeed.id))).toEqual({ code: 'NOT_FOUND' });
    expect(await failure(requestSourceRun(db, secA, global.id))).toEqual({ code: 'NOT_FOUND' });
    expect((await requestSourceRun(db, secA, alphaFeed.id)).id).toBe(alphaFeed.id);
    const runAudits = await db.select().from(auditLog).where(eq(auditLog.action, 'intake.source.run'));
    expect(runAudits.map((r) => [r.targetId, r.tenantId])).toEqual([[alphaFeed.id, fx.alpha.id]]); // the refused ones wrote nothing
  });

  it('intake runs are seen in their tenant (patch:import there), global runs by platform users only', async () => {
    const { db } = get();
    const triggersOf = async (actor: TActor) => (await findIntakeRuns(db, actor, 50)).map((r) => r.tenantId);
    expect(await triggersOf(secB)).toEqual([]);
    const alphaRuns = await triggersOf(secA);
    expect(alphaRuns.length).toBeGreaterThan(0);
    expect(alphaRuns.every((t) => t === fx.alpha.id)).toBe(true);
    expect(await triggersOf(platform)).toContain(null);
    expect(await triggersOf(await fx.actor('manager@t'))).toEqual([]); // patch:read only
  });
});
