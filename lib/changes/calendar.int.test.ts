import { and, count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, calendarTokens, memberships } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { describeDb } from '@/lib/testing/db-harness';
import { seedFixture } from '@/lib/testing/fixtures';
import { calendarRange, changesCalendar, findCalendarChanges } from './calendar';
import { actorForCalendarToken, createCalendarToken, findCalendarTokens, hashCalendarToken, revokeCalendarToken } from './calendar-tokens';
import { insertTestChange } from './test-changes';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : `unexpected: ${e}`),
  );
const NOW = new Date('2026-12-08T00:00:00Z');

describeDb('change calendar, ICS feed and calendar tokens', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;

  beforeAll(async () => {
    const { db } = get();
    fx = await seedFixture(db);
    await insertTestChange(db, {
      tenantId: fx.alpha.id,
      title: 'Alpha monthly patching',
      state: 'scheduled',
      plannedStart: '2026-12-10T01:00:00Z',
      plannedEnd: '2026-12-12T03:00:00Z',
      slots: [
        { assetId: fx.assets.crmDb.id, ring: 'dev', wave: 0, start: '2026-12-10T01:00:00Z', end: '2026-12-10T02:00:00Z' },
        { assetId: fx.assets.shopWeb.id, ring: 'prod', wave: 1, start: '2026-12-12T01:00:00Z', end: '2026-12-12T03:00:00Z' },
      ],
    });
    await insertTestChange(db, {
      tenantId: fx.beta.id,
      title: 'Beta ledger patching',
      state: 'submitted',
      plannedStart: '2026-12-11T01:00:00Z',
      plannedEnd: '2026-12-11T02:00:00Z',
      slots: [{ assetId: fx.assets.ledgerApp.id, ring: 'prod', start: '2026-12-11T01:00:00Z', end: '2026-12-11T02:00:00Z' }],
    });
    // No slots: shows on every day of its planned span.
    await insertTestChange(db, {
      tenantId: fx.alpha.id,
      title: 'Alpha span only',
      state: 'approved',
      plannedStart: '2026-12-20T22:00:00Z',
      plannedEnd: '2026-12-22T01:00:00Z',
    });
  });

  it('lays out month and week views on whole Monday–Sunday weeks', () => {
    const m = calendarRange('month', '2026-12-15');
    expect([m.from, m.to, m.month, m.prev, m.next]).toEqual(['2026-11-30', '2027-01-04', '2026-12', '2026-11-01', '2027-01-01']);
    expect(m.days).toHaveLength(35);
    const w = calendarRange('week', '2026-12-10');
    expect([w.from, w.to, w.days.length, w.prev, w.next]).toEqual(['2026-12-07', '2026-12-14', 7, '2026-12-03', '2026-12-17']);
  });

  it('puts each change on the days of its slots, in the reader’s tenants only', async () => {
    const db = get().db;
    const range = calendarRange('month', '2026-12-01');
    const security = await fx.actor('security@t');
    const all = await findCalendarChanges(db, security, range);
    expect(all.map((c) => [c.title, c.days])).toEqual([
      ['Alpha monthly patching', { '2026-12-10': 1, '2026-12-12': 1 }],
      ['Beta ledger patching', { '2026-12-11': 1 }],
      ['Alpha span only', { '2026-12-20': 0, '2026-12-21': 0, '2026-12-22': 0 }],
    ]);
    expect((await findCalendarChanges(db, security, range, 'beta')).map((c) => c.title)).toEqual(['Beta ledger patching']);
    const manager = await fx.actor('manager@t'); // Alpha only
    expect((await findCalendarChanges(db, manager, range)).map((c) => c.title)).toEqual(['Alpha monthly patching', 'Alpha span only']);
    expect(await findCalendarChanges(db, manager, range, 'beta')).toEqual([]);
    expect(await findCalendarChanges(db, manager, calendarRange('week', '2026-12-01'))).toEqual([]);
  });

  it('serves the reader’s waves as iCalendar', async () => {
    const manager = await fx.actor('manager@t');
    const ics = await changesCalendar(get().db, manager, { now: NOW, baseUrl: 'https://pw.example' });
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2); // two waves of the Alpha change; the span-only change has no slots
    expect(ics).toContain('DTSTART:20261210T010000Z');
    expect(ics).toContain('(dev): Alpha monthly patching');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('https://pw.example/changes/');
    expect(ics).not.toContain('Beta');
  });

  it('creates a token shown once, serves it without a session for the user’s current tenants, and refuses it once revoked', async () => {
    const db = get().db;
    const ownerB = await fx.actor('owner-b@t');
    const created = await createCalendarToken(db, ownerB, NOW);
    expect(created.token).toMatch(/^pwc_/);
    const [stored] = await db.select().from(calendarTokens).where(eq(calendarTokens.id, created.id));
    expect(stored.tokenHash).toBe(hashCalendarToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect((await findCalendarTokens(db, ownerB)).map((t) => t.prefix)).toEqual([created.token.slice(0, 10)]);

    const actor = await actorForCalendarToken(db, created.token, NOW);
    const ics = await changesCalendar(db, actor, { now: NOW });
    expect(ics).toContain('Beta ledger patching');
    expect(ics).not.toContain('Alpha');

    // Memberships are read at each use: a role lost is a tenant gone from the feed.
    await db.delete(memberships).where(and(eq(memberships.userId, fx.uid('owner-b@t')), eq(memberships.tenantId, fx.beta.id)));
    expect(await changesCalendar(db, await actorForCalendarToken(db, created.token, NOW), { now: NOW })).not.toContain('BEGIN:VEVENT');
    await db.insert(memberships).values({ userId: fx.uid('owner-b@t'), tenantId: fx.beta.id, role: 'app_owner' });

    // Only the owner revokes; then the token is refused, and revoking twice is a conflict.
    expect(await code(revokeCalendarToken(db, await fx.actor('security@t'), { tokenId: created.id }))).toBe('NOT_FOUND');
    await revokeCalendarToken(db, ownerB, { tokenId: created.id }, NOW);
    expect(await code(actorForCalendarToken(db, created.token))).toBe('UNAUTHENTICATED');
    expect(await code(revokeCalendarToken(db, ownerB, { tokenId: created.id }))).toBe('CONFLICT');
    expect(await code(actorForCalendarToken(db, `pwc_${'A'.repeat(43)}`))).toBe('UNAUTHENTICATED');
    expect(await code(actorForCalendarToken(db, 'garbage'))).toBe('NOT_FOUND');
    const audits = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(audits[0].n).toBe(2);
  });
});
