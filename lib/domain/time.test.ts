import { describe, expect, it } from 'vitest';
import { addDaysInZone, addLocalDays, instantToLocal, isValidZone, localToInstant, zoneOffsetMinutes } from './time';

/** Offset (minutes) just before and just after an instant: proves a transition is where we think. */
const around = (iso: string, zone: string) => [zoneOffsetMinutes(zone, Date.parse(iso) - 1), zoneOffsetMinutes(zone, Date.parse(iso))];

describe('localToInstant', () => {
  // [zone, local, instant, what the zone's clock shows at that instant]
  it.each([
    ['America/New_York', '2026-03-08T01:30', '2026-03-08T06:30:00.000Z', '2026-03-08T01:30'],
    ['America/New_York', '2026-03-08T02:00', '2026-03-08T07:00:00.000Z', '2026-03-08T03:00'],
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z', '2026-03-08T03:30'],
    ['America/New_York', '2026-03-08T03:30', '2026-03-08T07:30:00.000Z', '2026-03-08T03:30'],
    ['America/New_York', '2026-11-01T00:30', '2026-11-01T04:30:00.000Z', '2026-11-01T00:30'],
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z', '2026-11-01T01:30'],
    ['America/New_York', '2026-11-01T02:30', '2026-11-01T07:30:00.000Z', '2026-11-01T02:30'],
    // Lord Howe: +10:30 ↔ +11:00, a 30-minute gap and overlap.
    ['Australia/Lord_Howe', '2026-10-04T02:15', '2026-10-03T15:45:00.000Z', '2026-10-04T02:45'],
    ['Australia/Lord_Howe', '2026-04-05T01:45', '2026-04-04T14:45:00.000Z', '2026-04-05T01:45'],
    ['Australia/Lord_Howe', '2026-04-05T02:15', '2026-04-04T15:45:00.000Z', '2026-04-05T02:15'],
    // Chatham: +12:45 ↔ +13:45 at 02:45 standard time.
    ['Pacific/Chatham', '2026-09-27T03:00', '2026-09-26T14:15:00.000Z', '2026-09-27T04:00'],
    ['Pacific/Chatham', '2026-04-05T03:00', '2026-04-04T13:15:00.000Z', '2026-04-05T03:00'],
    ['Asia/Kathmandu', '2026-06-01T00:00', '2026-05-31T18:15:00.000Z', '2026-06-01T00:00'],
    ['Asia/Kathmandu', '2026-12-31T23:59', '2026-12-31T18:14:00.000Z', '2026-12-31T23:59'],
    // St John's: -3:30 ↔ -2:30.
    ['America/St_Johns', '2026-03-08T02:30', '2026-03-08T06:00:00.000Z', '2026-03-08T03:30'],
    ['America/St_Johns', '2026-11-01T01:30', '2026-11-01T04:00:00.000Z', '2026-11-01T01:30'],
    ['Europe/London', '2026-03-29T01:30', '2026-03-29T01:30:00.000Z', '2026-03-29T02:30'],
    ['Europe/London', '2026-10-25T01:30', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30'],
    ['Europe/London', '2026-07-01T12:00', '2026-07-01T11:00:00.000Z', '2026-07-01T12:00'],
    ['UTC', '2026-03-08T02:30', '2026-03-08T02:30:00.000Z', '2026-03-08T02:30'],
  ])('%s %s → %s (shows %s)', (zone, local, instant, shown) => {
    expect(localToInstant(local, zone)).toBe(instant);
    expect(instantToLocal(instant, zone)).toBe(shown);
  });

  it('sees the transitions where the tests assume them (offset before → after)', () => {
    expect(around('2026-03-08T07:00:00Z', 'America/New_York')).toEqual([-300, -240]);
    expect(around('2026-11-01T06:00:00Z', 'America/New_York')).toEqual([-240, -300]);
    expect(around('2026-10-03T15:30:00Z', 'Australia/Lord_Howe')).toEqual([630, 660]);
    expect(around('2026-04-04T15:00:00Z', 'Australia/Lord_Howe')).toEqual([660, 630]);
    expect(around('2026-09-26T14:00:00Z', 'Pacific/Chatham')).toEqual([765, 825]);
    expect(around('2026-03-08T05:30:00Z', 'America/St_Johns')).toEqual([-210, -150]);
    expect(around('2026-03-29T01:00:00Z', 'Europe/London')).toEqual([0, 60]);
  });

  it('moves a gap time forward by exactly the gap, and an overlap time to its first occurrence', () => {
    for (const [zone, gapLocal, gapMinutes] of [
      ['America/New_York', '2026-03-08T02:10', 60],
      ['Australia/Lord_Howe', '2026-10-04T02:10', 30],
      ['Pacific/Chatham', '2026-09-27T02:55', 60],
    ] as const) {
      const shown = instantToLocal(localToInstant(gapLocal, zone), zone);
      expect(shown).toBe(addMinutes(gapLocal, gapMinutes));
    }
    // First occurrence: one minute earlier in wall-clock is one minute earlier in UTC (same offset).
    const a = Date.parse(localToInstant('2026-11-01T01:59', 'America/New_York'));
    const b = Date.parse(localToInstant('2026-11-01T01:00', 'America/New_York'));
    expect(a - b).toBe(59 * 60_000);
  });

  it('rejects malformed local times and unknown zones', () => {
    expect(() => localToInstant('2026-02-30T01:00', 'UTC')).toThrow(RangeError);
    expect(() => localToInstant('2026-03-08 02:30', 'UTC')).toThrow(RangeError);
    expect(() => localToInstant('2026-03-08T24:00', 'UTC')).toThrow(RangeError);
    expect(() => localToInstant('2026-03-08T02:30', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('isValidZone', () => {
  it('knows IANA names and refuses others', () => {
    for (const z of ['America/New_York', 'Pacific/Chatham', 'Asia/Kathmandu', 'UTC']) expect(isValidZone(z)).toBe(true);
    for (const z of ['', 'asset', 'Mars/Olympus', 'GMT+25']) expect(isValidZone(z)).toBe(false);
  });
});

describe('adding days', () => {
  it('adds calendar days to a wall-clock time', () => {
    expect(addLocalDays('2026-02-28T02:30', 1)).toBe('2026-03-01T02:30');
    expect(addLocalDays('2026-03-01T02:30', -1)).toBe('2026-02-28T02:30');
  });

  it('keeps the wall-clock time across DST: a local week is 167 h in spring', () => {
    const next = addDaysInZone('2026-03-01T06:30:00.000Z', 7, 'America/New_York'); // Sun 01:30 EST
    expect(next).toBe('2026-03-08T06:30:00.000Z'); // Sun 01:30 EST still (before the 02:00 jump)
    const after = addDaysInZone('2026-03-02T06:30:00.000Z', 7, 'America/New_York'); // Mon 01:30 EST
    expect(after).toBe('2026-03-09T05:30:00.000Z'); // Mon 01:30 EDT
    expect(addDaysInZone('2026-03-01T07:30:00.000Z', 7, 'America/New_York')).toBe('2026-03-08T07:30:00.000Z'); // 02:30 → gap → 03:30 EDT
  });
});

function addMinutes(local: string, minutes: number): string {
  return new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}
