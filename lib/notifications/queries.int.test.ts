import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, notifications } from '@/db/schema';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import type { TDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { markNotificationsRead } from './mark-read';
import { countUnreadNotifications, findNotifications, ZNotificationListQuery } from './queries';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : `unexpected: ${e}`),
  );
const q = (input: Record<string, string> = {}) => ZNotificationListQuery.parse(input);
const auditCount = async (db: TDb) => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'notification.read')))[0].n;
const EMAIL = [null, 'queued', 'sent', 'failed'] as const;

describeDb('notifications: list and mark read', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  /** Ids by label, e.g. `security/alpha/7`. */
  const ids = new Map<string, string>();
  const id = (label: string) => ids.get(label) as string;

  beforeAll(async () => {
    const { db } = get();
    fx = await seedFixture(db);
    const minute = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i));
    type TSpec = { label: string; email: string; tenant: { id: string }; subject: string; body: string; at: Date; emailStatus: (typeof EMAIL)[number] };
    const specs: TSpec[] = [
      // security@t: 30 in Alpha Corp and 5 in Beta Ltd, one a minute, Alpha first.
      ...Array.from({ length: 30 }, (_, i) => ({
        label: `security/alpha/${i}`,
        email: 'security@t',
        tenant: fx.alpha,
        subject: `PW-${String(i).padStart(2, '0')} applies to 1 asset(s)`,
        body: `alpha advisory ${i}\n\nNewly affected: alpha-shop-web-01.`,
        at: minute(i),
        emailStatus: EMAIL[i % 4],
      })),
      ...Array.from({ length: 5 }, (_, i) => ({
        label: `security/beta/${i}`,
        email: 'security@t',
        tenant: fx.beta,
        subject: `PW-B${i} applies to 1 asset(s)`,
        body: `beta advisory ${i}\n\nNewly affected: beta-ledger-01.`,
        at: minute(30 + i),
        emailStatus: null,
      })),
      {
        label: 'owner-a/alpha/0',
        email: 'owner-a@t',
        tenant: fx.alpha,
        subject: 'PW-00 applies to 1 asset(s)',
        body: 'owner copy',
        at: minute(0),
        emailStatus: null,
      },
      {
        label: 'owner-a/alpha/1',
        email: 'owner-a@t',
        tenant: fx.alpha,
        subject: 'PW-01 applies to 1 asset(s)',
        body: 'owner copy',
        at: minute(1),
        emailStatus: null,
      },
      {
        label: 'owner-b/beta/0',
        email: 'owner-b@t',
        tenant: fx.beta,
        subject: 'PW-B0 applies to 1 asset(s)',
        body: 'owner copy',
        at: minute(30),
        emailStatus: null,
      },
      // owner-b is not (or no longer) a member of Alpha Corp: this one must stay hidden and untouchable.
      {
        label: 'owner-b/alpha/0',
        email: 'owner-b@t',
        tenant: fx.alpha,
        subject: 'PW-99 applies to 1 asset(s)',
        body: 'left tenant',
        at: minute(40),
        emailStatus: null,
      },
    ];
    const rows = await db
      .insert(notifications)
      .values(
        specs.map((s) => ({
          tenantId: s.tenant.id,
          recipientId: fx.uid(s.email),
          kind: 'patch.applicable',
          subject: s.subject,
          body: s.body,
          emailStatus: s.emailStatus,
          createdAt: s.at,
        })),
      )
      .returning({ id: notifications.id });
    specs.forEach((s, i) => ids.set(s.label, rows[i].id));
  });

  it('pages newest first with the tenant named, and counts all and unread apart from the filters', async () => {
    const { db } = get();
    const sec = await fx.actor('security@t');
    const first = await findNotifications(db, sec, q({ size: '25' }));
    expect(first).toMatchObject({ total: 35, all: 35, unread: 35, page: 1, size: 25 });
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]).toMatchObject({ subject: 'PW-B4 applies to 1 asset(s)', tenantName: 'Beta Ltd', readAt: null });
    expect(first.rows[5]).toMatchObject({ subject: 'PW-29 applies to 1 asset(s)', tenantName: 'Alpha Corp' });
    const second = await findNotifications(db, sec, q({ size: '25', page: '2' }));
    expect(second.rows.map((r) => r.subject)).toEqual(Array.from({ length: 10 }, (_, i) => `PW-${String(9 - i).padStart(2, '0')} applies to 1 asset(s)`));
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(35);
    expect(first.tenants).toEqual([
      { id: fx.alpha.id, name: 'Alpha Corp' },
      { id: fx.beta.id, name: 'Beta Ltd' },
    ]);
    // The filtered total changes; the overall counts do not.
    expect(await findNotifications(db, sec, q({ tenant: fx.beta.id }))).toMatchObject({ total: 5, all: 35, unread: 35 });
  });

  it('sorts by subject and by created time either way', async () => {
    const { db } = get();
    const sec = await fx.actor('security@t');
    const asc = await findNotifications(db, sec, q({ sort: 'subject:asc', size: '25' }));
    expect(asc.rows.slice(0, 2).map((r) => r.subject)).toEqual(['PW-00 applies to 1 asset(s)', 'PW-01 applies to 1 asset(s)']);
    const desc = await findNotifications(db, sec, q({ sort: 'subject:desc', size: '25' }));
    expect(desc.rows[0].subject).toBe('PW-B4 applies to 1 asset(s)');
    const oldest = await findNotifications(db, sec, q({ sort: 'created:asc', size: '25' }));
    expect(oldest.rows[0].subject).toBe('PW-00 applies to 1 asset(s)');
    // No sort, or a column that cannot be sorted by: newest first.
    expect(q({}).sort).toEqual({ id: 'created', desc: true });
    expect(q({ sort: 'recipient:asc' }).sort).toEqual({ id: 'created', desc: true });
  });

  it('filters by tenant, e-mail status and free text on subject or body', async () => {
    const { db } = get();
    const sec = await fx.actor('security@t');
    const beta = await findNotifications(db, sec, q({ tenant: fx.beta.id }));
    expect(beta.rows.every((r) => r.tenantName === 'Beta Ltd')).toBe(true);
    expect(beta.total).toBe(5);
    // Alpha rows cycle in-app / queued / sent / failed; all of Beta's are in-app only.
    expect((await findNotifications(db, sec, q({ email: 'in-app' }))).total).toBe(8 + 5);
    expect((await findNotifications(db, sec, q({ email: 'failed' }))).rows.map((r) => r.emailStatus)).toEqual(Array(7).fill('failed'));
    expect((await findNotifications(db, sec, q({ email: 'sending' }))).total).toBe(0);
    expect((await findNotifications(db, sec, q({ email: 'bogus' }))).total).toBe(35);
    expect((await findNotifications(db, sec, q({ q: 'beta-ledger' }))).total).toBe(5);
    expect((await findNotifications(db, sec, q({ q: 'PW-1' }))).total).toBe(10);
    expect((await findNotifications(db, sec, q({ q: '100%_' }))).total).toBe(0);
    expect((await findNotifications(db, sec, q({ tenant: fx.beta.id, email: 'in-app', q: 'advisory 3' }))).rows.map((r) => r.subject)).toEqual([
      'PW-B3 applies to 1 asset(s)',
    ]);
  });

  it('lists only the actor’s own notifications, in tenants they are a member of', async () => {
    const { db } = get();
    const ownerA = await findNotifications(db, await fx.actor('owner-a@t'), q());
    expect(ownerA.rows.map((r) => r.id).sort()).toEqual([id('owner-a/alpha/0'), id('owner-a/alpha/1')].sort());
    expect(ownerA.tenants).toEqual([{ id: fx.alpha.id, name: 'Alpha Corp' }]);
    const ownerB = await fx.actor('owner-b@t');
    expect((await findNotifications(db, ownerB, q())).rows.map((r) => r.id)).toEqual([id('owner-b/beta/0')]);
    // Naming a tenant they are not a member of shows nothing, not that tenant's rows.
    expect((await findNotifications(db, ownerB, q({ tenant: fx.alpha.id }))).total).toBe(0);
    expect(await countUnreadNotifications(db, ownerB)).toBe(1);
    // The admin is a member of both tenants but the recipient of none of these.
    expect(await findNotifications(db, await fx.actor('admin@t'), q())).toMatchObject({ total: 0, all: 0, unread: 0 });
    expect(await findNotifications(db, { kind: 'system', label: 'test' }, q())).toMatchObject({ total: 0, all: 0 });
  });

  it('marks named notifications read once, with an audit row per tenant, and filters by read state', async () => {
    const { db } = get();
    const sec = await fx.actor('security@t');
    const before = await auditCount(db);
    const at = new Date('2026-02-01T10:00:00Z');
    const res = await markNotificationsRead(db, sec, { ids: [id('security/alpha/0'), id('security/alpha/1'), id('security/beta/0')] }, at);
    expect(res).toEqual({ marked: 3 });
    expect(await auditCount(db)).toBe(before + 2);
    const [alphaAudit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'notification.read'), eq(auditLog.tenantId, fx.alpha.id)));
    expect(alphaAudit).toMatchObject({ actorLabel: 'security@t', targetType: 'notification', targetId: null, after: { count: 2 } });
    expect(await countUnreadNotifications(db, sec)).toBe(32);
    const read = await findNotifications(db, sec, q({ state: 'read' }));
    expect(read.rows.map((r) => r.id).sort()).toEqual([id('security/alpha/0'), id('security/alpha/1'), id('security/beta/0')].sort());
    expect(read.rows.every((r) => r.readAt?.toISOString() === at.toISOString())).toBe(true);
    expect((await findNotifications(db, sec, q({ state: 'unread', tenant: fx.alpha.id }))).total).toBe(28);
    // Again: nothing changes, the first read time stays, no audit row.
    expect(await markNotificationsRead(db, sec, { ids: [id('security/alpha/0')] }, new Date('2026-03-01T00:00:00Z'))).toEqual({ marked: 0 });
    const [again] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.id, id('security/alpha/0')));
    expect(again.readAt?.toISOString()).toBe(at.toISOString());
    expect(await auditCount(db)).toBe(before + 2);
  });

  it('refuses someone else’s notification as NOT_FOUND and writes nothing, even next to the actor’s own', async () => {
    const { db } = get();
    const sec = await fx.actor('security@t');
    const before = await auditCount(db);
    expect(await code(markNotificationsRead(db, sec, { ids: [id('owner-a/alpha/0')] }))).toBe('NOT_FOUND');
    expect(await code(markNotificationsRead(db, sec, { ids: [id('security/alpha/5'), id('owner-a/alpha/1')] }))).toBe('NOT_FOUND');
    // An id that does not exist at all answers the same.
    expect(await code(markNotificationsRead(db, sec, { ids: ['00000000-0000-4000-8000-000000000000'] }))).toBe('NOT_FOUND');
    // Their own row in a tenant they are not a member of is out of reach too.
    expect(await code(markNotificationsRead(db, await fx.actor('owner-b@t'), { ids: [id('owner-b/alpha/0')] }))).toBe('NOT_FOUND');
    const untouched = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          inArray(notifications.id, [id('owner-a/alpha/0'), id('owner-a/alpha/1'), id('security/alpha/5'), id('owner-b/alpha/0')]),
          isNull(notifications.readAt),
        ),
      );
    expect(untouched).toHaveLength(4);
    expect(await auditCount(db)).toBe(before);
  });

  it('marks all of the actor’s unread notifications and no one else’s', async () => {
    const { db } = get();
    const ownerA = await fx.actor('owner-a@t');
    expect(await markNotificationsRead(db, ownerA, { all: true })).toEqual({ marked: 2 });
    expect(await countUnreadNotifications(db, ownerA)).toBe(0);
    expect(await markNotificationsRead(db, ownerA, { all: true })).toEqual({ marked: 0 });
    expect(await countUnreadNotifications(db, await fx.actor('security@t'))).toBe(32);
    const sec = await fx.actor('security@t');
    expect(await markNotificationsRead(db, sec, { all: true })).toEqual({ marked: 32 });
    expect(await findNotifications(db, sec, q({ state: 'unread' }))).toMatchObject({ total: 0, unread: 0, all: 35 });
    // owner-b's notifications (one in a tenant they left) were never touched.
    const [{ n }] = await db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.recipientId, fx.uid('owner-b@t')), isNull(notifications.readAt)));
    expect(n).toBe(2);
  });
});
