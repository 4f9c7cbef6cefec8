import { describe, expect, it } from 'vitest';
import { instantToLocal } from './time';
import { occurrences, scopeMatches, subtractBlackouts, validateWindow, ZWindowDef, type TWindowDef } from './windows';

const win = (over: Partial<TWindowDef> & Pick<TWindowDef, 'recurrence'>): TWindowDef =>
  ZWindowDef.parse({ name: 'w', start: '02:00', durationMinutes: 60, zone: 'UTC', ...over });

describe('occurrences', () => {
  it('a "Sunday 02:30 local" window in New York opens at 03:30 EDT on spring-forward day', () => {
    const def = win({ recurrence: { kind: 'weekly', days: ['SU'] }, start: '02:30', durationMinutes: 120, zone: 'America/New_York' });
    const occs = occurrences(def, 'UTC', '2026-02-28T00:00:00Z', '2026-03-20T00:00:00Z');
    expect(occs).toEqual([
      { start: '2026-03-01T07:30:00.000Z', end: '2026-03-01T09:30:00.000Z' }, // 02:30 EST
      { start: '2026-03-08T07:30:00.000Z', end: '2026-03-08T09:30:00.000Z' }, // gap → 03:30 EDT
      { start: '2026-03-15T06:30:00.000Z', end: '2026-03-15T08:30:00.000Z' }, // 02:30 EDT
    ]);
    expect(instantToLocal(occs[1].start, 'America/New_York')).toBe('2026-03-08T03:30');
  });

  it('a fall-back night opens at the first 01:30 and lasts elapsed time', () => {
    const def = win({ recurrence: { kind: 'weekly', days: ['SU'] }, start: '01:30', durationMinutes: 120, zone: 'America/New_York' });
    expect(occurrences(def, 'UTC', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      { start: '2026-11-01T05:30:00.000Z', end: '2026-11-01T07:30:00.000Z' },
    ]);
  });

  it('Patch Tuesday +3 in November 2026 is Friday the 13th (second Tuesday is the 10th)', () => {
    const def = win({ recurrence: { kind: 'patchTuesdayOffset', offsetDays: 3 }, start: '22:00', durationMinutes: 240, zone: 'asset' });
    const occs = occurrences(def, 'Europe/Berlin', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z');
    expect(occs).toEqual([{ start: '2026-11-13T21:00:00.000Z', end: '2026-11-14T01:00:00.000Z' }]);
    expect(new Date('2026-11-13T12:00:00Z').getUTCDay()).toBe(5);
    // Negative offsets cross into the previous month's calendar correctly: the Monday before.
    const before = win({ recurrence: { kind: 'patchTuesdayOffset', offsetDays: -1 }, zone: 'UTC' });
    expect(occurrences(before, 'UTC', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z').map((o) => o.start)).toEqual(['2026-11-09T02:00:00.000Z']);
  });

  it('monthlyNth: last Friday and 1st Monday', () => {
    const last = win({ recurrence: { kind: 'monthlyNth', nth: -1, weekday: 'FR' }, start: '23:00', zone: 'Asia/Kathmandu' });
    expect(occurrences(last, 'UTC', '2026-10-01T00:00:00Z', '2027-01-01T00:00:00Z').map((o) => o.start)).toEqual([
      '2026-10-30T17:15:00.000Z',
      '2026-11-27T17:15:00.000Z',
      '2026-12-25T17:15:00.000Z',
    ]);
    const first = win({ recurrence: { kind: 'monthlyNth', nth: 1, weekday: 'MO' }, zone: 'UTC' });
    expect(occurrences(first, 'UTC', '2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z').map((o) => o.start.slice(0, 10))).toEqual(['2026-02-02', '2026-03-02']);
  });

  it('everyNDays repeats both ways from its anchor, so a future anchor works', () => {
    const def = win({ recurrence: { kind: 'everyNDays', interval: 10, anchor: '2030-01-01' }, start: '00:00' });
    const days = occurrences(def, 'UTC', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z').map((o) => o.start.slice(0, 10));
    expect(days).toEqual(['2026-10-09', '2026-10-19', '2026-10-29']);
    for (const d of days) expect((Date.parse('2030-01-01') - Date.parse(d)) % (10 * 86_400_000)).toBe(0);
  });

  it('uses the asset zone only for "asset" windows, including 45-minute and 30-minute offsets', () => {
    const local = win({ recurrence: { kind: 'weekly', days: ['MO'] }, zone: 'asset' });
    const from = '2026-05-31T00:00:00Z';
    const to = '2026-06-02T12:00:00Z';
    expect(occurrences(local, 'Asia/Kathmandu', from, to)[0].start).toBe('2026-05-31T20:15:00.000Z');
    expect(occurrences(local, 'Pacific/Chatham', from, to)[0].start).toBe('2026-05-31T13:15:00.000Z'); // 02:00 at +12:45 (June is standard time)
    expect(occurrences(local, 'America/St_Johns', from, to)[0].start).toBe('2026-06-01T04:30:00.000Z');
    const fixed = win({ recurrence: { kind: 'weekly', days: ['MO'] }, zone: 'Europe/London' });
    expect(occurrences(fixed, 'Asia/Kathmandu', from, to)[0].start).toBe('2026-06-01T01:00:00.000Z');
  });

  it('returns occurrences overlapping the range, unclipped', () => {
    const def = win({ recurrence: { kind: 'weekly', days: ['SU'] }, start: '22:00', durationMinutes: 240 });
    expect(occurrences(def, 'UTC', '2026-03-02T01:00:00Z', '2026-03-02T02:00:00Z')).toEqual([
      { start: '2026-03-01T22:00:00.000Z', end: '2026-03-02T02:00:00.000Z' },
    ]);
  });
});

describe('subtractBlackouts', () => {
  const occ = [
    { start: '2026-03-01T00:00:00.000Z', end: '2026-03-01T04:00:00.000Z', windowId: 'a' },
    { start: '2026-03-08T00:00:00.000Z', end: '2026-03-08T04:00:00.000Z', windowId: 'a' },
  ];

  it('cuts the overlapping part, keeps the remainder, drops a fully covered occurrence', () => {
    const out = subtractBlackouts(occ, [
      { startsAt: '2026-03-01T01:00:00Z', endsAt: '2026-03-01T02:00:00Z' },
      { startsAt: '2026-03-07T00:00:00Z', endsAt: '2026-03-09T00:00:00Z' },
    ]);
    expect(out).toEqual([
      { start: '2026-03-01T00:00:00.000Z', end: '2026-03-01T01:00:00.000Z', windowId: 'a' },
      { start: '2026-03-01T02:00:00.000Z', end: '2026-03-01T04:00:00.000Z', windowId: 'a' },
    ]);
  });

  it('drops remainders shorter than the minimum', () => {
    const out = subtractBlackouts(occ.slice(0, 1), [{ startsAt: '2026-03-01T00:30:00Z', endsAt: '2026-03-01T03:00:00Z' }], 45);
    expect(out).toEqual([{ start: '2026-03-01T03:00:00.000Z', end: '2026-03-01T04:00:00.000Z', windowId: 'a' }]);
  });
});

describe('scopeMatches', () => {
  it('needs every given criterion; missing subject data matches', () => {
    expect(scopeMatches({}, { ring: 'prod' })).toBe(true);
    expect(scopeMatches({ rings: ['prod'] }, { ring: 'prod' })).toBe(true);
    expect(scopeMatches({ rings: ['prod'] }, { ring: 'test' })).toBe(false);
    expect(scopeMatches({ rings: ['prod'], assetTags: ['pci'] }, { ring: 'prod', tags: ['web'] })).toBe(false);
    expect(scopeMatches({ applicationIds: ['app1'] }, { ring: 'prod' })).toBe(true);
    expect(scopeMatches({ tenantId: 't1' }, { tenantId: 't2' })).toBe(false);
  });
});

describe('validateWindow', () => {
  const now = '2026-01-01T00:00:00Z';
  const base = { name: 'Sunday', recurrence: { kind: 'weekly', days: ['SU'] }, start: '02:00', durationMinutes: 60, zone: 'Europe/Paris' };
  const messages = (input: unknown) => {
    const r = validateWindow(input, now);
    return r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.message}`);
  };

  it('accepts a good window and reports its next occurrence', () => {
    const r = validateWindow(base, now);
    expect(r.ok && r.next).toEqual({ start: '2026-01-04T01:00:00.000Z', end: '2026-01-04T02:00:00.000Z' });
  });

  it('explains each problem in words a user can act on', () => {
    expect(messages({ ...base, zone: 'Europe/Pariss' })).toEqual([
      'zone: Unknown time zone "Europe/Pariss". Use an IANA name such as Europe/Paris, or "asset" for each asset\'s own zone.',
    ]);
    expect(messages({ ...base, durationMinutes: 0 })).toEqual(['durationMinutes: Duration must be longer than 0 minutes.']);
    expect(messages({ ...base, durationMinutes: 1441 })).toEqual(['durationMinutes: Duration cannot exceed 24 hours (1440 minutes).']);
    expect(messages({ ...base, recurrence: { kind: 'weekly', days: [] } })).toEqual(['recurrence.days: Pick at least one day of the week.']);
    expect(messages({ ...base, recurrence: { kind: 'monthlyNth', nth: 5, weekday: 'MO' } })).toEqual([
      'recurrence.nth: Pick the 1st, 2nd, 3rd, 4th or last weekday of the month (a 5th does not exist every month).',
    ]);
    expect(messages({ ...base, start: '2:00' })).toEqual(['start: Start time must be HH:mm (24-hour), e.g. 02:30.']);
    expect(messages({ ...base, recurrence: { kind: 'everyNDays', interval: 7, anchor: '2026-02-30' } })).toEqual([
      'recurrence.anchor: Anchor must be a date as YYYY-MM-DD.',
    ]);
  });

  it('accepts a far-future anchor and the asset zone', () => {
    expect(validateWindow({ ...base, recurrence: { kind: 'everyNDays', interval: 30, anchor: '2099-01-01' } }, now).ok).toBe(true);
    expect(validateWindow({ ...base, zone: 'asset' }, now).ok).toBe(true);
  });
});
