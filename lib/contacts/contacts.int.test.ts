import { and, eq, like } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { changeAssets, changeRequests, notifications, patches } from '@/db/schema';
import { createAgentToken } from '@/lib/agents/create-agent-token';
import { reportInventory } from '@/lib/agents/report-inventory';
import type { TActor } from '@/lib/auth/permissions';
import { importDocuments } from '@/lib/intake/import-documents';
import { describeDb } from '@/lib/testing/db-harness';
import { seedFixture } from '@/lib/testing/fixtures';
import { notifyApplicableContacts } from './notify-applicable';
import { notifyChangeContacts } from './notify-change';
import { addContact } from './save-contact';

const system: TActor = { kind: 'system', label: 'test' };
const pkg = (name: string, source: string, version: string) => ({
  ecosystem: 'deb' as const,
  name,
  version,
  arch: 'amd64',
  sourceName: source,
  sourceVersion: version,
});

function osv(id: string, pkgName: string, fixed: string) {
  return JSON.stringify({
    schema_version: '1.6.0',
    id,
    modified: '2026-01-01T00:00:00Z',
    published: '2026-01-01T00:00:00Z',
    aliases: [],
    summary: `${pkgName} security update`,
    affected: [{ package: { ecosystem: 'Debian:12', name: pkgName }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
    database_specific: { severity: 'MEDIUM' },
  });
}

describeDb('customer contacts are told once per tenant per run', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  const digests = () => get().db.select().from(notifications).where(eq(notifications.kind, 'contact.applicable'));

  beforeAll(async () => {
    const { db } = get();
    fx = await seedFixture(db, { singleTenantSecurity: true });
    const admin = await fx.actor('admin@t');
    const contact = (tenantId: string, name: string, email: string, userId: string | null, over = {}) =>
      addContact(db, admin, { tenantId, name, email, userId, ...over });
    await contact(fx.alpha.id, 'Mia Manager', 'mia@alpha.example', fx.uid('manager@t'));
    await contact(fx.alpha.id, 'Mia at home', 'mia@home.example', fx.uid('manager@t')); // the same user twice: told once
    await contact(fx.alpha.id, 'Outside Olga', 'olga@alpha.example', null);
    await contact(fx.alpha.id, 'Quiet Quinn', 'quinn@alpha.example', fx.uid('auditor@t'), { notifyApplicable: false, notifyChanges: false });
    await contact(fx.beta.id, 'Bea Beta', 'bea@beta.example', fx.uid('owner-b@t'));
    const list = [pkg('libssl3', 'openssl', '3.0.11-1~deb12u2'), pkg('bash', 'bash', '5.2.15-1')];
    for (const id of [fx.assets.shopWeb.id, fx.assets.crmDb.id, fx.assets.ledgerApp.id]) {
      const { token } = await createAgentToken(db, admin, { assetId: id });
      await reportInventory(db, token, { packages: list });
    }
  });

  it('one intake run with two patches on three assets in two tenants: one digest per contact user per tenant', async () => {
    await importDocuments(
      get().db,
      system,
      [
        { name: 'a.json', text: osv('DSA-7001-1', 'openssl', '3.0.13-1~deb12u1') },
        { name: 'b.json', text: osv('DSA-7002-1', 'bash', '5.2.15-2') },
      ],
      { trigger: 'test' },
    );
    const rows = await digests();
    expect(rows.map((r) => `${r.tenantId}/${r.recipientId}`).sort()).toEqual(
      [`${fx.alpha.id}/${fx.uid('manager@t')}`, `${fx.beta.id}/${fx.uid('owner-b@t')}`].sort(),
    );
    const alpha = rows.find((r) => r.tenantId === fx.alpha.id)!;
    expect(alpha.subject).toBe('2 patches apply to 2 of your systems');
    expect(alpha.body).toContain('DSA-7001-1');
    expect(alpha.body).toContain('CRM, Shop');
    expect(alpha.emailStatus).toBeNull(); // no SMTP in tests
    // Nothing new applies on a re-import: no second digest.
    await importDocuments(get().db, system, [{ name: 'a.json', text: osv('DSA-7001-1', 'openssl', '3.0.13-1~deb12u1') }], { trigger: 'test' });
    expect(await digests()).toHaveLength(2);
  });

  it('queues e-mail with SMTP, and counts contacts without an account instead of telling them', async () => {
    const res = await notifyApplicableContacts(get().db, [{ patchId: await patchIdOf('DSA-7001-1'), assetId: fx.assets.shopWeb.id, tenantId: fx.alpha.id }], {
      isEmailEnabled: true,
    });
    expect(res).toMatchObject({ notified: 1, skippedExternal: 1 });
    const queued = (await digests()).filter((r) => r.emailStatus === 'queued');
    expect(queued.map((r) => r.recipientId)).toEqual([fx.uid('manager@t')]);
  });

  it('tells change contacts which of their systems a change touches, once per change and kind', async () => {
    const { db } = get();
    const start = new Date('2026-03-01T22:00:00Z');
    const [change] = await db
      .insert(changeRequests)
      .values({
        tenantId: fx.alpha.id,
        title: 'March openssl',
        type: 'normal',
        state: 'approved',
        grouping: 'ring_window',
        groupKey: 'prod',
        releaseAt: start,
        timeMode: 'local',
        riskScore: 20,
        riskLevel: 'low',
        risk: {},
        backoutPlan: 'downgrade',
        scopeHash: 'h',
      })
      .returning();
    await db.insert(changeAssets).values([
      {
        changeId: change.id,
        assetId: fx.assets.shopWeb.id,
        tenantId: fx.alpha.id,
        ring: 'prod',
        plannedStart: start,
        plannedEnd: new Date('2026-03-01T23:00:00Z'),
      },
      {
        changeId: change.id,
        assetId: fx.assets.crmDb.id,
        tenantId: fx.alpha.id,
        ring: 'dev',
        plannedStart: new Date('2026-03-01T20:00:00Z'),
        plannedEnd: start,
      },
    ]);
    expect(await notifyChangeContacts(db, change.id, 'approved')).toMatchObject({ notified: 1, skippedExternal: 1, assetCount: 2 });
    expect(await notifyChangeContacts(db, change.id, 'approved')).toMatchObject({ notified: 0 });
    expect(await notifyChangeContacts(db, change.id, 'started', { isEmailEnabled: true })).toMatchObject({ notified: 1 });
    const rows = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.changeId, change.id), like(notifications.kind, 'change.%')));
    expect(rows).toHaveLength(2);
    const approved = rows.find((r) => r.kind === 'change.approved')!;
    expect(approved).toMatchObject({ recipientId: fx.uid('manager@t'), tenantId: fx.alpha.id, emailStatus: null });
    expect(approved.subject).toMatch(/^CHG-\d{6} approved: it touches 2 of your systems$/);
    expect(approved.body).toContain('CRM, Shop');
    expect(approved.body).toContain('2026-03-01 20:00 UTC to 2026-03-01 23:00 UTC');
    expect(rows.find((r) => r.kind === 'change.started')!.emailStatus).toBe('queued');
    await expect(notifyChangeContacts(db, '00000000-0000-4000-8000-000000000000', 'ended')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  async function patchIdOf(vendorId: string): Promise<string> {
    const [row] = await get().db.select({ id: patches.id }).from(patches).where(eq(patches.vendorId, vendorId));
    return row.id;
  }
});
