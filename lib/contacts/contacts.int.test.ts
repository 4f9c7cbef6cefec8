import { createHmac } from 'node:crypto';
import http from 'node:http';
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { changeAssets, changeEvents, changeRequests, notifications, patches } from '@/db/schema';
import { createConnector } from '@/lib/changes/connector/create-connector';
import { deliverOne } from '@/lib/changes/connector/deliver-one';
import { enqueueChangeEventDeliveries } from '@/lib/changes/connector/enqueue-deliveries';
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

  it('queues e-mail with SMTP to each contact’s own address, contacts without an account included (e-mail only, never in-app)', async () => {
    const { db } = get();
    const res = await notifyApplicableContacts(db, [{ patchId: await patchIdOf('DSA-7001-1'), assetId: fx.assets.shopWeb.id, tenantId: fx.alpha.id }], {
      isEmailEnabled: true,
    });
    expect(res).toMatchObject({ notified: 2, skippedExternal: 0 });
    const queued = (await digests()).filter((r) => r.emailStatus === 'queued');
    expect(queued.map((r) => `${r.recipientId}/${r.recipientEmail}`).sort()).toEqual(
      [`${fx.uid('manager@t')}/mia@alpha.example`, 'null/olga@alpha.example'].sort(),
    );
    // Without SMTP the external contact has no channel: counted, not written.
    const without = await notifyApplicableContacts(db, [{ patchId: await patchIdOf('DSA-7001-1'), assetId: fx.assets.shopWeb.id, tenantId: fx.alpha.id }], {
      isEmailEnabled: false,
    });
    expect(without).toMatchObject({ notified: 1, skippedExternal: 1 });
  });

  it('sends each digest to the tenant’s change connector as a tenant event with no change', async () => {
    const { db } = get();
    const events = await db.select().from(changeEvents).where(eq(changeEvents.type, 'patches.applicable'));
    expect(events.length).toBeGreaterThan(0);
    const alpha = events.filter((e) => e.tenantId === fx.alpha.id);
    expect(alpha[0]).toMatchObject({ changeId: null, actor: 'system:intake' });
    expect(alpha[0].payload).toMatchObject({ assetCount: 2, applications: ['CRM', 'Shop'] });
    // A webhook connector of alpha gets it (delivered through the same path as change events); beta's digest stays beta's.
    const admin = await fx.actor('admin@t');
    const received: { body: string; sig: string | undefined; ts: string | undefined }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ body, sig: req.headers['x-patchward-signature'] as string, ts: req.headers['x-patchward-timestamp'] as string });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const { secret } = await createConnector(db, admin, { tenantId: fx.alpha.id, name: 'ITSM', url: `http://127.0.0.1:${port}/hook` });
      await notifyApplicableContacts(db, [{ patchId: await patchIdOf('DSA-7002-1'), assetId: fx.assets.crmDb.id, tenantId: fx.alpha.id }]);
      const ids = await enqueueChangeEventDeliveries(db, {});
      expect(ids).toHaveLength(1);
      expect(await deliverOne(db, ids[0])).toMatchObject({ status: 'delivered' });
      const body = JSON.parse(received[0].body);
      expect(body).toMatchObject({ event: 'patches.applicable', tenantId: fx.alpha.id, change: null, from: null, to: null });
      expect(body.payload.patches.map((p: { vendorId: string }) => p.vendorId)).toEqual(['DSA-7002-1']);
      const expected = createHmac('sha256', secret).update(`${received[0].ts}.${received[0].body}`).digest('hex');
      expect(received[0].sig).toBe(`sha256=${expected}`);
    } finally {
      await new Promise((r) => server.close(r));
    }
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
    // With SMTP the contact without an account is e-mailed too, once.
    expect(await notifyChangeContacts(db, change.id, 'started', { isEmailEnabled: true })).toMatchObject({ notified: 2, skippedExternal: 0 });
    expect(await notifyChangeContacts(db, change.id, 'started', { isEmailEnabled: true })).toMatchObject({ notified: 0 });
    const rows = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.changeId, change.id), like(notifications.kind, 'change.%')));
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.recipientId === null).map((r) => `${r.kind}/${r.recipientEmail}/${r.emailStatus}`)).toEqual([
      'change.started/olga@alpha.example/queued',
    ]);
    const approved = rows.find((r) => r.kind === 'change.approved')!;
    expect(approved).toMatchObject({ recipientId: fx.uid('manager@t'), tenantId: fx.alpha.id, emailStatus: null });
    expect(approved.subject).toMatch(/^CHG-\d{6} approved: it touches 2 of your systems$/);
    expect(approved.body).toContain('CRM, Shop');
    expect(approved.body).toContain('2026-03-01 20:00 UTC to 2026-03-01 23:00 UTC');
    expect(rows.find((r) => r.kind === 'change.started' && r.recipientId)!).toMatchObject({ emailStatus: 'queued', recipientEmail: 'mia@alpha.example' });
    await expect(notifyChangeContacts(db, '00000000-0000-4000-8000-000000000000', 'ended')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  async function patchIdOf(vendorId: string): Promise<string> {
    const [row] = await get().db.select({ id: patches.id }).from(patches).where(eq(patches.vendorId, vendorId));
    return row.id;
  }
});
