import { describe, expect, it } from 'vitest';
import { changesToIcs, type TChangeWaveEvent } from './calendar-ics';
import { planChartRows } from './change-detail';

const wave = (over: Partial<TChangeWaveEvent> = {}): TChangeWaveEvent => ({
  changeId: '11111111-1111-4111-8111-111111111111',
  number: 1042,
  title: 'prod ring: openssl',
  type: 'normal',
  state: 'scheduled',
  tenantName: 'Acme Retail',
  riskLevel: 'medium',
  waveIndex: 0,
  ring: 'prod',
  jobs: 12,
  start: new Date('2026-12-12T01:00:00Z'),
  end: new Date('2026-12-12T03:00:00Z'),
  ...over,
});
const NOW = new Date('2026-12-08T00:00:00Z');

describe('changesToIcs', () => {
  it('writes one UTC event per wave, with a stable UID, the status of the change and a link to it', () => {
    const ics = changesToIcs([wave(), wave({ waveIndex: 1, ring: 'dev', state: 'submitted' })], { now: NOW, calName: 'x', baseUrl: 'https://pw.example/' });
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('UID:11111111-1111-4111-8111-111111111111-wave-0-prod@patchward');
    expect(ics).toContain('DTSTART:20261212T010000Z');
    expect(ics).toContain('DTSTAMP:20261208T000000Z');
    expect(ics).toContain('SUMMARY:CHG-1042 wave 1 (prod): prod ring: openssl');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('STATUS:TENTATIVE');
    expect(ics).toContain('URL:https://pw.example/changes/11111111-1111-4111-8111-111111111111');
    // Same input, same output: calendar apps see no spurious updates.
    expect(changesToIcs([wave()], { now: NOW, calName: 'x' })).toBe(changesToIcs([wave()], { now: NOW, calName: 'x' }));
  });

  it('keeps a cancelled change as CANCELLED so subscribers drop it, and gives a zero-length wave a minute', () => {
    const ics = changesToIcs([wave({ state: 'cancelled', end: new Date('2026-12-12T01:00:00Z') })], { now: NOW, calName: 'x' });
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('DTEND:20261212T010100Z');
    expect(changesToIcs([], { now: NOW, calName: 'Patchward changes' })).toContain('X-WR-CALNAME:Patchward changes');
  });
});

describe('planChartRows', () => {
  it('fills the days between waves with zeros so soak shows, rings in wave order', () => {
    const { rows, series } = planChartRows(
      [
        { day: '2026-12-10', ring: 'test', jobs: 2 },
        { day: '2026-12-13', ring: 'prod', jobs: 5 },
        { day: '2026-12-13', ring: 'test', jobs: 1 },
      ],
      ['test', 'prod'],
    );
    expect(series).toEqual(['test', 'prod']);
    expect(rows).toEqual([
      { day: '12-10', test: 2, prod: 0 },
      { day: '12-11', test: 0, prod: 0 },
      { day: '12-12', test: 0, prod: 0 },
      { day: '12-13', test: 1, prod: 5 },
    ]);
    expect(planChartRows([], ['test']).rows).toEqual([]);
  });
});
