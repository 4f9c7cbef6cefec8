import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { applicabilityPairs, assets, notifications, patchRevisions, patches } from '@/db/schema';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import { createAgentToken } from '@/lib/agents/create-agent-token';
import { reportInventory } from '@/lib/agents/report-inventory';
import { createAsset } from '@/lib/assets/create-asset';
import { updateAsset } from '@/lib/assets/update-asset';
import type { TActor } from '@/lib/auth/permissions';
import type { TSoftwareItem } from '@/lib/domain/types';
import { replaceSoftware } from '@/lib/inventory/replace-software';
import { importDocuments } from './import-documents';

const system: TActor = { kind: 'system', label: 'test' };
const deb = (name: string, version: string, sourceName: string, sourceVersion = version): TSoftwareItem => ({
  ecosystem: 'deb',
  name,
  version,
  arch: 'amd64',
  sourceName,
  sourceVersion,
});
const rpm = (name: string, version: string): TSoftwareItem => ({ ecosystem: 'rpm', name, version, arch: 'x86_64', sourceName: null, sourceVersion: null });

/** Hand-written OSV records (our own test data). */
function osv(id: string, ecosystem: string, pkg: string, fixed: string, severity = 'CRITICAL', modified = '2026-01-01T00:00:00Z') {
  return JSON.stringify({
    schema_version: '1.6.0',
    id,
    modified,
    published: '2026-01-01T00:00:00Z',
    aliases: ['CVE-2024-0001'],
    summary: `${pkg} security update`,
    affected: [{ package: { ecosystem, name: pkg }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
    database_specific: { severity },
  });
}

describeDb('intake and applicability', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  let alma: { id: string; tenantId: string };
  const setSoftware = async (assetId: string, items: TSoftwareItem[]) => {
    const { db } = get();
    await db.transaction(async (tx) => {
      const [a] = await tx.select().from(assets).where(eq(assets.id, assetId));
      await replaceSoftware(tx, a, items); // re-assesses the asset itself
    });
  };
  const stateOf = async (vendorId: string, assetId: string) => {
    const [p] = await get().db.select().from(patches).where(eq(patches.vendorId, vendorId));
    const [row] = await get()
      .db.select()
      .from(applicabilityPairs)
      .where(and(eq(applicabilityPairs.patchId, p.id), eq(applicabilityPairs.assetId, assetId)));
    return row?.state ?? 'not affected';
  };

  beforeAll(async () => {
    fx = await seedFixture(get().db);
    const ops = await fx.actor('operator@t');
    alma = await createAsset(get().db, ops, {
      tenant: 'alpha',
      name: 'alpha-alma-01',
      kind: 'vm',
      ring: 'test',
      zone: 'UTC',
      osFamily: 'almalinux',
      osRelease: '9.2',
      application: 'shop',
    });
    // Debian: libssl3 from source openssl, one host behind, one fixed.
    await setSoftware(fx.assets.shopWeb.id, [deb('libssl3', '3.0.11-1~deb12u2', 'openssl'), deb('bash', '5.2.15-2+b2', 'bash', '5.2.15-2')]);
    await setSoftware(fx.assets.crmDb.id, [deb('libssl3', '3.0.15-1~deb12u1', 'openssl')]);
    // rpm -qa style versions without epochs, against an epoch-bearing fix.
    await setSoftware(alma.id, [rpm('openssl-libs', '3.0.7-18.el9_2'), rpm('tar', '1.34-7.el9')]);
  });

  it('imports advisories and decides missing / installed / not affected by source package and distro', async () => {
    const { db } = get();
    const res = await importDocuments(
      db,
      system,
      [
        { name: 'DSA-1.json', text: osv('DSA-0001-1', 'Debian:12', 'openssl', '3.0.13-1~deb12u1') },
        { name: 'DSA-2.json', text: osv('DSA-0002-1', 'Debian:11', 'openssl', '1.1.1w-0+deb11u1') },
      ],
      { trigger: 'test' },
    );
    expect(res).toMatchObject({ imported: 2, rejected: 0 });
    expect(await stateOf('DSA-0001-1', fx.assets.shopWeb.id)).toBe('missing');
    expect(await stateOf('DSA-0001-1', fx.assets.crmDb.id)).toBe('installed');
    expect(await stateOf('DSA-0002-1', fx.assets.shopWeb.id)).toBe('not affected'); // other distro release
    expect(await stateOf('DSA-0001-1', alma.id)).toBe('not affected');
  });

  it('compares rpm EVRs with unknown epochs against epoch-bearing fixes', async () => {
    const { db } = get();
    await importDocuments(
      db,
      system,
      [
        { name: 'ALSA-1.json', text: osv('ALSA-2026:0001', 'AlmaLinux:9', 'openssl-libs', '1:3.0.7-25.el9_3', 'HIGH') },
        { name: 'ALSA-2.json', text: osv('ALSA-2026:0002', 'AlmaLinux:9', 'tar', '2:1.34-6.el9_1', 'MODERATE') },
      ],
      { trigger: 'test' },
    );
    expect(await stateOf('ALSA-2026:0001', alma.id)).toBe('missing'); // 3.0.7-18 < 3.0.7-25
    expect(await stateOf('ALSA-2026:0002', alma.id)).toBe('installed'); // 1.34-7 >= 1.34-6
  });

  it('is idempotent, and a vendor revision updates in place with history and re-assessment', async () => {
    const { db } = get();
    const again = await importDocuments(db, system, [{ name: 'DSA-1.json', text: osv('DSA-0001-1', 'Debian:12', 'openssl', '3.0.13-1~deb12u1') }], {
      trigger: 'test',
    });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 1 });
    const revised = await importDocuments(
      db,
      system,
      [{ name: 'DSA-1.json', text: osv('DSA-0001-1', 'Debian:12', 'openssl', '3.0.16-1~deb12u1', 'CRITICAL', '2026-02-01T00:00:00Z') }],
      { trigger: 'test' },
    );
    expect(revised).toMatchObject({ updated: 1 });
    const [p] = await db.select().from(patches).where(eq(patches.vendorId, 'DSA-0001-1'));
    expect((await db.select().from(patchRevisions).where(eq(patchRevisions.patchId, p.id))).length).toBe(2);
    expect(await stateOf('DSA-0001-1', fx.assets.crmDb.id)).toBe('missing'); // 3.0.15 < 3.0.16 now
  });

  it('a new inventory report re-assesses only that asset', async () => {
    await setSoftware(fx.assets.shopWeb.id, [deb('libssl3', '3.0.16-1~deb12u1', 'openssl')]);
    expect(await stateOf('DSA-0001-1', fx.assets.shopWeb.id)).toBe('installed');
    expect(await stateOf('DSA-0001-1', fx.assets.crmDb.id)).toBe('missing');
  });

  it("an OS release change matches the same packages against the new release's advisories", async () => {
    const ops = await fx.actor('operator@t');
    expect(await stateOf('DSA-0001-1', fx.assets.crmDb.id)).toBe('missing');
    await updateAsset(get().db, ops, { assetId: fx.assets.crmDb.id, osRelease: '11.9' });
    expect(await stateOf('DSA-0001-1', fx.assets.crmDb.id)).toBe('not affected'); // a Debian 12 advisory
    expect(await stateOf('DSA-0002-1', fx.assets.crmDb.id)).toBe('installed'); // 3.0.15 ≥ 1.1.1w
    await updateAsset(get().db, ops, { assetId: fx.assets.crmDb.id, osRelease: '12.8' });
    expect(await stateOf('DSA-0001-1', fx.assets.crmDb.id)).toBe('missing');
    expect(await stateOf('DSA-0002-1', fx.assets.crmDb.id)).toBe('not affected');
  });

  it('an agent reporting a new OS release with the same packages gets them matched under the new release', async () => {
    const { db } = get();
    const { token } = await createAgentToken(db, await fx.actor('admin@t'), { assetId: fx.assets.crmDb.id });
    const packages = [deb('libssl3', '3.0.15-1~deb12u1', 'openssl')];
    const first = await reportInventory(db, token, { os: { family: 'debian', release: '11' }, packages });
    expect(first.outcome).toBe('unchanged');
    expect(await stateOf('DSA-0001-1', fx.assets.crmDb.id)).toBe('not affected');
    expect(await stateOf('DSA-0002-1', fx.assets.crmDb.id)).toBe('installed');
    await reportInventory(db, token, { os: { family: 'debian', release: '12' }, packages });
    expect(await stateOf('DSA-0001-1', fx.assets.crmDb.id)).toBe('missing');
  });

  it('reports unparsable installed versions as unknown, never as safe or vulnerable', async () => {
    await setSoftware(fx.assets.ledgerApp.id, [deb('libssl3', 'garbage version!', 'openssl')]);
    expect(await stateOf('DSA-0001-1', fx.assets.ledgerApp.id)).toBe('unknown');
  });

  it('rejects a malformed document with a reason and writes nothing for it', async () => {
    const { db } = get();
    const before = (await db.select().from(patches)).length;
    const res = await importDocuments(
      db,
      system,
      [
        { name: 'broken.json', text: '{"id": "X", "affected": "nope"' },
        { name: 'ok.json', text: osv('DSA-0003-1', 'Debian:12', 'bash', '5.2.15-3') },
      ],
      { trigger: 'test' },
    );
    expect(res.rejected).toBe(1);
    expect(res.results[0]).toMatchObject({ file: 'broken.json', outcome: 'rejected' });
    expect(res.results[0].reason).toBeTruthy();
    expect((await db.select().from(patches)).length).toBe(before + 1);
  });

  it('notifies security and the owner when a critical patch newly applies', async () => {
    const rows = await get().db.select().from(notifications).where(eq(notifications.kind, 'patch.applicable'));
    const recipients = new Set(rows.map((r) => r.recipientId));
    expect(recipients.has(fx.uid('security@t'))).toBe(true);
    expect(recipients.has(fx.uid('owner-a@t'))).toBe(true);
  });
});
