import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { applications, auditLog, assets } from '@/db/schema';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import { AppError } from '@/lib/errors';
import { bulkSetRing } from './bulk-set-ring';
import { createAsset } from './create-asset';
import { findAssets, getAsset, ZAssetListQuery } from './queries';
import { updateAsset } from './update-asset';

const auditCount = async (db: Parameters<typeof updateAsset>[0]) => (await db.select({ n: count() }).from(auditLog))[0].n;
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : `unexpected: ${e}`),
  );

describeDb('assets: tenancy, ownership and edits', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  beforeAll(async () => {
    fx = await seedFixture(get().db);
  });

  it('lists only the actor’s tenants', async () => {
    const { db } = get();
    const ownerA = await fx.actor('owner-a@t');
    const list = await findAssets(db, ownerA, ZAssetListQuery.parse({}));
    expect(list.rows.map((r) => r.name).sort()).toEqual(['alpha-crm-db-01', 'alpha-shop-web-01']);
    const ops = await findAssets(db, await fx.actor('operator@t'), ZAssetListQuery.parse({ sort: 'name:desc' }));
    expect(ops.rows.map((r) => r.name)).toEqual(['beta-ledger-01', 'alpha-shop-web-01', 'alpha-crm-db-01']);
  });

  it('filters by ring, zone and free text in SQL', async () => {
    const { db } = get();
    const ops = await fx.actor('operator@t');
    expect((await findAssets(db, ops, ZAssetListQuery.parse({ ring: 'prod' }))).total).toBe(2);
    expect((await findAssets(db, ops, ZAssetListQuery.parse({ zone: 'Asia/Kathmandu' }))).rows[0].name).toBe('beta-ledger-01');
    expect((await findAssets(db, ops, ZAssetListQuery.parse({ q: 'crm' }))).total).toBe(1);
  });

  it('hides another tenant’s asset as NOT_FOUND', async () => {
    expect(await code(getAsset(get().db, await fx.actor('owner-a@t'), fx.assets.ledgerApp.id))).toBe('NOT_FOUND');
  });

  it('lets an app owner edit their own application’s asset, with an audit row', async () => {
    const { db } = get();
    const before = await auditCount(db);
    const res = await updateAsset(db, await fx.actor('owner-a@t'), { assetId: fx.assets.shopWeb.id, zone: 'Europe/London', tags: ['pci'] });
    expect(res.changed).toBe(true);
    expect(await auditCount(db)).toBe(before + 1);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.targetId, fx.assets.shopWeb.id));
    expect(row).toMatchObject({
      action: 'asset.update',
      actorLabel: 'owner-a@t',
      before: { zone: 'Europe/Berlin', tags: [] },
      after: { zone: 'Europe/London', tags: ['pci'] },
    });
  });

  it('refuses an app owner editing another owner’s asset, and changes nothing', async () => {
    const { db } = get();
    const before = await auditCount(db);
    expect(await code(updateAsset(db, await fx.actor('owner-a@t'), { assetId: fx.assets.crmDb.id, zone: 'Europe/London' }))).toBe('FORBIDDEN');
    const [a] = await db.select().from(assets).where(eq(assets.id, fx.assets.crmDb.id));
    expect(a.zone).toBe('America/New_York');
    expect(await auditCount(db)).toBe(before);
  });

  it('refuses an app owner moving their asset into an application they do not own', async () => {
    expect(await code(updateAsset(get().db, await fx.actor('owner-a@t'), { assetId: fx.assets.shopWeb.id, applicationId: fx.apps.crm.id }))).toBe('FORBIDDEN');
  });

  it('lets an app owner move an asset only between applications they own, never to none', async () => {
    const { db } = get();
    const owner = await fx.actor('owner-a@t');
    const [shopApi] = await db
      .insert(applications)
      .values({ tenantId: fx.alpha.id, slug: 'shop-api', name: 'Shop API', ownerId: fx.uid('owner-a@t') })
      .returning();
    const [asset] = await db
      .insert(assets)
      .values({
        tenantId: fx.alpha.id,
        applicationId: fx.apps.shop.id,
        name: 'alpha-shop-worker-01',
        kind: 'vm',
        osFamily: 'debian',
        osRelease: '12',
        ringId: fx.ring(fx.alpha, 'dev'),
        zone: 'UTC',
      })
      .returning();
    const appOf = async () => (await db.select({ applicationId: assets.applicationId }).from(assets).where(eq(assets.id, asset.id)))[0].applicationId;

    expect(await updateAsset(db, owner, { assetId: asset.id, applicationId: shopApi.id })).toEqual({ changed: true });
    expect(await appOf()).toBe(shopApi.id);
    const before = await auditCount(db);
    expect(await code(updateAsset(db, owner, { assetId: asset.id, applicationId: null }))).toBe('FORBIDDEN');
    expect(await code(updateAsset(db, owner, { assetId: asset.id, applicationId: fx.apps.crm.id }))).toBe('FORBIDDEN');
    expect(await appOf()).toBe(shopApi.id);
    expect(await auditCount(db)).toBe(before);
    // The owner can still edit it; an operator may leave it without an application.
    expect(await updateAsset(db, owner, { assetId: asset.id, zone: 'Europe/Paris' })).toEqual({ changed: true });
    expect(await updateAsset(db, await fx.actor('operator@t'), { assetId: asset.id, applicationId: null })).toEqual({ changed: true });
    expect(await appOf()).toBeNull();
  });

  it('refuses read-only roles', async () => {
    expect(await code(updateAsset(get().db, await fx.actor('manager@t'), { assetId: fx.assets.shopWeb.id, zone: 'UTC' }))).toBe('FORBIDDEN');
    expect(await code(updateAsset(get().db, await fx.actor('auditor@t'), { assetId: fx.assets.shopWeb.id, zone: 'UTC' }))).toBe('FORBIDDEN');
  });

  it('refuses a ring of another tenant and a duplicate name', async () => {
    const { db } = get();
    const ops = await fx.actor('operator@t');
    expect(await code(updateAsset(db, ops, { assetId: fx.assets.shopWeb.id, ringId: fx.ring(fx.beta, 'dev') }))).toBe('VALIDATION');
    expect(await code(updateAsset(db, ops, { assetId: fx.assets.shopWeb.id, name: 'alpha-crm-db-01' }))).toBe('CONFLICT');
  });

  it('bulk-moves assets across tenants to the same-named ring, all or nothing', async () => {
    const { db } = get();
    const ops = await fx.actor('operator@t');
    const res = await bulkSetRing(db, ops, { assetIds: [fx.assets.shopWeb.id, fx.assets.ledgerApp.id], ring: 'test' });
    expect(res).toEqual({ moved: 2, unchanged: 0 });
    const rows = await db.select({ ringId: assets.ringId, tenantId: assets.tenantId }).from(assets).where(eq(assets.id, fx.assets.ledgerApp.id));
    expect(rows[0].ringId).toBe(fx.ring(fx.beta, 'test'));
    expect(await code(bulkSetRing(db, ops, { assetIds: [fx.assets.shopWeb.id], ring: 'staging' }))).toBe('VALIDATION');
    // an app owner lacks asset:bulk altogether
    expect(await code(bulkSetRing(db, await fx.actor('owner-a@t'), { assetIds: [fx.assets.shopWeb.id], ring: 'prod' }))).toBe('FORBIDDEN');
  });

  it('creates assets with clear refusals for unknown tenant, unknown zone and duplicate name', async () => {
    const { db } = get();
    const ops = await fx.actor('operator@t');
    const ok = await createAsset(db, ops, {
      tenant: 'alpha',
      name: 'alpha-new-01',
      kind: 'vm',
      ring: 'dev',
      zone: 'Pacific/Chatham',
      osFamily: 'almalinux',
      osRelease: '9.2',
    });
    expect(ok.zone).toBe('Pacific/Chatham');
    expect(
      await code(createAsset(db, ops, { tenant: 'alpha', name: 'alpha-new-01', kind: 'vm', ring: 'dev', zone: 'UTC', osFamily: 'debian', osRelease: '12' })),
    ).toBe('CONFLICT');
    expect(await code(createAsset(db, ops, { tenant: 'nope', name: 'x', kind: 'vm', ring: 'dev', zone: 'UTC', osFamily: 'debian', osRelease: '12' }))).toBe(
      'NOT_FOUND',
    );
    await expect(
      createAsset(db, ops, { tenant: 'alpha', name: 'y', kind: 'vm', ring: 'dev', zone: 'Mars/Base', osFamily: 'debian', osRelease: '12' }),
    ).rejects.toThrow(/Unknown time zone/);
    // owner-b may not see tenant alpha at all
    expect(
      await code(
        createAsset(db, await fx.actor('owner-b@t'), { tenant: 'alpha', name: 'z', kind: 'vm', ring: 'dev', zone: 'UTC', osFamily: 'debian', osRelease: '12' }),
      ),
    ).toBe('NOT_FOUND');
  });
});
