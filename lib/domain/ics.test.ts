import { describe, expect, it } from 'vitest';
import { planToIcs, windowsToIcs } from './ics';
import { defaultPolicy } from './policy';
import { planChange } from './planner';
import { ZBlackout, ZWindowDef } from './windows';

const sunday = {
  id: 'sun',
  def: ZWindowDef.parse({ name: 'Sunday 02:30', recurrence: { kind: 'weekly', days: ['SU'] }, start: '02:30', durationMinutes: 120, zone: 'America/New_York' }),
};

/** Unfolds RFC 5545 continuation lines and splits the calendar into its VEVENT property maps. */
function events(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT' && cur) {
      out.push(cur);
      cur = null;
    } else if (cur) {
      const i = line.indexOf(':');
      cur[line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return out;
}

describe('windowsToIcs', () => {
  it('writes each occurrence in UTC, following the DST rule, with stable UIDs and our DTSTAMP', () => {
    const ics = windowsToIcs([sunday], { from: '2026-03-01T00:00:00Z', to: '2026-03-16T00:00:00Z', now: '2026-02-20T09:00:00Z' });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(ics).toContain('PRODID:-//Patchward//Patchward//EN');
    const ev = events(ics);
    expect(ev.map((e) => [e.DTSTART, e.DTEND])).toEqual([
      ['20260301T073000Z', '20260301T093000Z'],
      ['20260308T073000Z', '20260308T093000Z'], // 03:30 EDT: the 02:30 gap moves forward
      ['20260315T063000Z', '20260315T083000Z'],
    ]);
    expect(ev.every((e) => e.DTSTAMP === '20260220T090000Z')).toBe(true);
    expect(ev[1].UID).toBe('sun-20260308T073000Z@patchward');
    expect(ev[1].DESCRIPTION).toContain('03:30–05:30 local time in America/New_York');
    expect(windowsToIcs([sunday], { from: '2026-03-01T00:00:00Z', to: '2026-03-16T00:00:00Z', now: '2026-02-20T09:00:00Z' })).toBe(ics);
  });

  it('cuts blackouts out of the windows and lists them', () => {
    const freeze = ZBlackout.parse({ name: 'Freeze', startsAt: '2026-03-08T08:00:00Z', endsAt: '2026-03-09T00:00:00Z' });
    const ev = events(windowsToIcs([sunday], { from: '2026-03-07T00:00:00Z', to: '2026-03-09T00:00:00Z', now: '2026-02-20T09:00:00Z', blackouts: [freeze] }));
    expect(ev.map((e) => [e.SUMMARY, e.DTSTART, e.DTEND])).toEqual([
      ['Maintenance window: Sunday 02:30', '20260308T073000Z', '20260308T080000Z'],
      ['Blackout: Freeze', '20260308T080000Z', '20260309T000000Z'],
    ]);
  });

  it('produces a valid empty calendar', () => {
    const ics = windowsToIcs([], { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z', now: '2026-03-01T00:00:00Z' });
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(events(ics)).toEqual([]);
  });
});

describe('planToIcs', () => {
  const policy = defaultPolicy();
  policy.rateControl.maxConcurrency = { kind: 'percent', value: 100 };
  const plan = planChange({
    changeId: 'CHG 42',
    patches: [{ id: 'p', severity: 'high', expectedMinutes: 30, requiresReboot: true }],
    targets: [
      { assetId: 'vm-a', kind: 'vm', ring: 'test', zone: 'America/New_York', windowIds: ['sun'], detectedAt: '2026-03-01T00:00:00Z' },
      { assetId: 'vm-b', kind: 'vm', ring: 'prod', zone: 'America/New_York', windowIds: ['sun'], detectedAt: '2026-03-01T00:00:00Z' },
    ],
    windows: [sunday],
    blackouts: [],
    policy,
    now: '2026-03-05T00:00:00Z',
  });

  it('writes one event per wave, and per job on request', () => {
    const waves = events(planToIcs(plan));
    expect(waves.map((e) => [e.UID, e.SUMMARY, e.DTSTART])).toEqual([
      ['CHG_42-wave-0@patchward', 'Change CHG 42: wave 1 (test)', '20260308T073000Z'],
      ['CHG_42-wave-1@patchward', 'Change CHG 42: wave 2 (prod)', '20260315T063000Z'],
    ]);
    expect(waves[0].DTSTAMP).toBe('20260305T000000Z');
    expect(events(planToIcs(plan, { jobs: true }))).toHaveLength(4);
  });
});
