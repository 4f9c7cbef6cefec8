import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { TDb } from '@/db/client';
import { auditLog, blackouts, maintenanceWindows } from '@/db/schema';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import { AppError } from '@/lib/errors';
import { createBlackout } from './create-blackout';
import { createWindow, type TCreateWindow } from './create-window';
import { deleteBlackout } from './delete-blackout';
import { deleteWindow } from './delete-window';
import { findBlackouts, findWindows, getWindow } from './queries';
import { setWindowEnabled } from './set-window-enabled';
import { updateWindow } from './update-window';

const NOW = new Date('2026-11-23T12:00:00Z');
const counts = async (db: TDb) => ({
  audit: (await db.select({ n: count() }).from(auditLog))[0].n,
  windows: (await db.select({ n: count() }).from(maintenanceWindows))[0].n,
  blackouts: (await db.select({ n: count() }).from(blackouts))[0].n,
});
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'ok', message: '', fields: [] as (string | undefined)[] }),
    (e) =>
      e instanceof AppError
        ? { code: e.code, message: e.message, fields: e.issues.map((i) => i.field) }
        : { code: `unexpected: ${e}`, message: '', fields: [] },
  );
const sundayLocal: TCreateWindow['window'] = {
  name: 'Sunday 02:30 local',
  recurrence: { kind: 'weekly', days: ['SU'] },
  start: '02:30',
  durationMinutes: 180,
  zone: 'asset',
};

describeDb('scheduling: maintenance windows and blackouts', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  beforeAll(async () => {
    fx = await seedFixture(get().db);
  });

  it('an operator creates a window in every recurrence kind, each with an audit row', async () => {
    const { db } = get();
    const ops = await fx.actor('operator@t');
    const before = await counts(db);
    const defs: TCreateWindow['window'][] = [
      sundayLocal,
      {
        name: 'Last Friday 23:00 Berlin',
        recurrence: { kind: 'monthlyNth', nth: -1, weekday: 'FR' },
        start: '23:00',
        durationMinutes: 120,
        zone: 'Europe/Berlin',
        scope: { rings: ['prod'] },
      },
      {
        name: 'Patch Tuesday + 3',
        recurrence: { kind: 'patchTuesdayOffset', offsetDays: 3 },
        start: '22:00',
        durationMinutes: 240,
        zone: 'asset',
        scope: { applicationIds: [fx.apps.shop.id] },
      },
      {
        name: 'Every 14 days',
        recurrence: { kind: 'everyNDays', interval: 14, anchor: '2026-01-04' },
        start: '00:00',
        durationMinutes: 1440,
        zone: 'Asia/Kathmandu',
        scope: { assetTags: ['pci'] },
      },
    ];
    const ids = [];
    for (const window of defs) ids.push((await createWindow(db, ops, { tenantId: fx.alpha.id, window }, NOW)).id);
    const after = await counts(db);
    expect(after.windows).toBe(before.windows + 4);
    expect(after.audit).toBe(before.audit + 4);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.targetId, ids[1]));
    expect(audit).toMatchObject({
      action: 'window.create',
      actorLabel: 'operator@t',
      tenantId: fx.alpha.id,
      after: { def: { name: 'Last Friday 23:00 Berlin', zone: 'Europe/Berlin' }, isEnabled: true },
    });
    const list = await findWindows(db, await fx.actor('manager@t'), fx.alpha.id);
    expect(list.map((w) => w.name)).toEqual(['Every 14 days', 'Last Friday 23:00 Berlin', 'Patch Tuesday + 3', 'Sunday 02:30 local']);
    expect(list[0].def.scope).toEqual({ assetTags: ['pci'] });
  });

  it('refuses a window that never opens, a zero or over-24-hour duration and an unknown zone; nothing is written', async () => {
    const { db } = get();
    const ops = await fx.actor('operator@t');
    const before = await counts(db);
    const create = (window: Partial<TCreateWindow['window']>) =>
      failure(createWindow(db, ops, { tenantId: fx.alpha.id, window: { ...sundayLocal, name: 'Refused', ...window } as TCreateWindow['window'] }, NOW));

    expect(await create({ recurrence: { kind: 'weekly', days: [] } })).toMatchObject({
      code: 'VALIDATION',
      message: 'Pick at least one day of the week.',
      fields: ['window.recurrence.days'],
    });
    const fifth = await create({ recurrence: { kind: 'monthlyNth', nth: 5 as 1, weekday: 'MO' } });
    expect(fifth).toMatchObject({ code: 'VALIDATION', fields: ['window.recurrence.nth'] });
    expect(fifth.message).toMatch(/5th does not exist/);
    expect(await create({ durationMinutes: 0 })).toMatchObject({
      code: 'VALIDATION',
      message: 'Duration must be longer than 0 minutes.',
      fields: ['window.durationMinutes'],
    });
    expect(await create({ durationMinutes: 1441 })).toMatchObject({ code: 'VALIDATION', fields: ['window.durationMinutes'] });
    const zone = await create({ zone: 'Mars/Olympus_Mons' });
    expect(zone).toMatchObject({ code: 'VALIDATION', fields: ['window.zone'] });
    expect(zone.message).toContain('Unknown time zone "Mars/Olympus_Mons"');
    expect(await create({ start: '24:00' })).toMatchObject({ code: 'VALIDATION', fields: ['window.start'] });
    expect(await create({ scope: { rings: ['staging'] } })).toMatchObject({ code: 'VALIDATION', fields: ['window.scope.rings'] });
    expect(await create({ scope: { applicationIds: [fx.apps.ledger.id] } })).toMatchObject({ code: 'VALIDATION', fields: ['window.scope.applicationIds'] });
    expect(await create({ name: 'Sunday 02:30 local' })).toMatchObject({ code: 'CONFLICT', fields: ['window.name'] });
    expect(await counts(db)).toEqual(before);
  });

  it('refuses read-only roles, and another tenant reads as not found', async () => {
    const { db } = get();
    const before = await counts(db);
    for (const who of ['manager@t', 'auditor@t', 'owner-a@t', 'security@t']) {
      expect((await failure(createWindow(db, await fx.actor(who), { tenantId: fx.alpha.id, window: { ...sundayLocal, name: who } }, NOW))).code, who).toBe(
        'FORBIDDEN',
      );
    }
    expect((await failure(createWindow(db, await fx.actor('owner-b@t'), { tenantId: fx.alpha.id, window: { ...sundayLocal, name: 'x' } }, NOW))).code).toBe(
      'NOT_FOUND',
    );
    expect((await failure(findWindows(db, await fx.actor('owner-b@t'), fx.alpha.id))).code).toBe('NOT_FOUND');
    expect(await counts(db)).toEqual(before);
  });

  it('edits, disables and deletes a window with audit rows; other tenants cannot touch it', async () => {
    const { db } = get();
    const ops = await fx.actor('operator@t');
    const { id } = await createWindow(db, ops, { tenantId: fx.alpha.id, window: { ...sundayLocal, name: 'To edit' } }, NOW);
    expect((await failure(getWindow(db, await fx.actor('owner-b@t'), id))).code).toBe('NOT_FOUND');
    expect((await failure(deleteWindow(db, await fx.actor('owner-b@t'), { windowId: id }))).code).toBe('NOT_FOUND');
    expect((await failure(setWindowEnabled(db, await fx.actor('manager@t'), { windowId: id, isEnabled: false }))).code).toBe('FORBIDDEN');
    expect((await failure(updateWindow(db, ops, { windowId: id, window: { ...sundayLocal, name: 'To edit', durationMinutes: 0 } }, NOW))).code).toBe(
      'VALIDATION',
    );

    expect(await updateWindow(db, ops, { windowId: id, window: { ...sundayLocal, name: 'Edited', start: '03:00' } }, NOW)).toEqual({ changed: true });
    expect(await updateWindow(db, ops, { windowId: id, window: { ...sundayLocal, name: 'Edited', start: '03:00' } }, NOW)).toEqual({ changed: false });
    expect(await setWindowEnabled(db, ops, { windowId: id, isEnabled: false })).toEqual({ changed: true });
    const w = await getWindow(db, await fx.actor('owner-a@t'), id);
    expect(w).toMatchObject({ name: 'Edited', isEnabled: false, def: { start: '03:00' }, tenant: { slug: 'alpha' } });
    expect(await deleteWindow(db, ops, { windowId: id })).toEqual({ deleted: true });
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(auditLog.seq)).map((a) => a.action);
    expect(actions).toEqual(['window.create', 'window.update', 'window.disable', 'window.delete']);
    expect((await failure(getWindow(db, ops, id))).code).toBe('NOT_FOUND');
  });

  it('blackouts: must end after they start; wall-clock input is read in its zone; audited', async () => {
    const { db } = get();
    const ops = await fx.actor('operator@t');
    const before = await counts(db);
    const base = { tenantId: fx.alpha.id, name: 'Freeze' };
    expect(await failure(createBlackout(db, ops, { ...base, startsAt: '2026-12-20T00:00:00Z', endsAt: '2026-12-19T00:00:00Z' }))).toMatchObject({
      code: 'VALIDATION',
      message: 'A blackout must end after it starts.',
      fields: ['endsAt'],
    });
    expect(await failure(createBlackout(db, ops, { ...base, startsAt: '2026-12-20T00:00', endsAt: '2026-12-20T00:00' }))).toMatchObject({
      code: 'VALIDATION',
      fields: ['endsAt'],
    });
    expect(await failure(createBlackout(db, ops, { ...base, startsAt: '', endsAt: '2026-12-20T00:00' }))).toMatchObject({
      code: 'VALIDATION',
      fields: ['startsAt'],
    });
    expect(await failure(createBlackout(db, ops, { ...base, startsAt: '2026-02-30T00:00', endsAt: '2026-03-02T00:00' }))).toMatchObject({
      code: 'VALIDATION',
      fields: ['startsAt'],
    });
    expect(await failure(createBlackout(db, ops, { ...base, startsAt: '2026-12-20T00:00', endsAt: '2026-12-21T00:00', zone: 'Nowhere/City' }))).toMatchObject({
      code: 'VALIDATION',
      fields: ['zone'],
    });
    expect(await failure(createBlackout(db, ops, { ...base, name: ' ', startsAt: '2026-12-20T00:00', endsAt: '2026-12-21T00:00' }))).toMatchObject({
      code: 'VALIDATION',
      fields: ['name'],
    });
    expect(await failure(createBlackout(db, await fx.actor('manager@t'), { ...base, startsAt: '2026-12-20T00:00', endsAt: '2026-12-21T00:00' }))).toMatchObject(
      { code: 'FORBIDDEN' },
    );
    expect(await failure(createBlackout(db, await fx.actor('owner-b@t'), { ...base, startsAt: '2026-12-20T00:00', endsAt: '2026-12-21T00:00' }))).toMatchObject(
      { code: 'NOT_FOUND' },
    );
    expect(await counts(db)).toEqual(before);

    const { id } = await createBlackout(db, ops, {
      ...base,
      startsAt: '2026-12-20T00:00',
      endsAt: '2027-01-05T00:00',
      zone: 'Europe/Berlin',
      reason: 'Year end',
      scope: { rings: ['prod'] },
    });
    const [row] = await findBlackouts(db, await fx.actor('manager@t'), fx.alpha.id);
    expect(row).toEqual({
      id,
      name: 'Freeze',
      startsAt: '2026-12-19T23:00:00.000Z',
      endsAt: '2027-01-04T23:00:00.000Z',
      scope: { rings: ['prod'] },
      reason: 'Year end',
    });
    expect(await findBlackouts(db, await fx.actor('owner-b@t'), fx.beta.id)).toEqual([]);
    expect((await failure(deleteBlackout(db, await fx.actor('owner-b@t'), { blackoutId: id }))).code).toBe('NOT_FOUND');
    expect((await failure(deleteBlackout(db, await fx.actor('owner-a@t'), { blackoutId: id }))).code).toBe('FORBIDDEN');
    await deleteBlackout(db, ops, { blackoutId: id });
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(auditLog.seq)).map((a) => a.action);
    expect(actions).toEqual(['blackout.create', 'blackout.delete']);
    expect(await findBlackouts(db, ops, fx.alpha.id)).toEqual([]);
  });
});
