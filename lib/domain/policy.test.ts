import { describe, expect, it } from 'vitest';
import { clusterMaxDown, defaultPolicy, errorThresholdFor, maxConcurrencyFor, slaDeadline, ZPolicy } from './policy';

describe('ZPolicy', () => {
  it('fills every default from an empty object, equal to defaultPolicy()', () => {
    expect(ZPolicy.parse({})).toEqual(defaultPolicy());
    const p = defaultPolicy();
    expect([p.severity.critical.slaDays, p.severity.high.slaDays, p.severity.medium.slaDays, p.severity.low.slaDays]).toEqual([7, 30, 90, 90]);
    expect(p.clusterMaxDownPct).toBe(25);
  });

  it('keeps given values and defaults the rest', () => {
    const p = ZPolicy.parse({
      severity: { critical: { slaDays: 3, cadence: 'asap' } },
      rateControl: { maxConcurrency: { kind: 'count', value: 10 } },
      defaultTimeMode: 'absolute',
    });
    expect(p.severity.critical.slaDays).toBe(3);
    expect(p.severity.high.slaDays).toBe(30);
    expect(p.rateControl.maxConcurrency).toEqual({ kind: 'count', value: 10 });
    expect(p.rateControl.errorThreshold).toEqual(defaultPolicy().rateControl.errorThreshold);
    expect(p.defaultTimeMode).toBe('absolute');
  });

  it('refuses nonsense with messages a user can act on', () => {
    const r = ZPolicy.safeParse({
      severity: { high: { slaDays: 0, cadence: 'daily' } },
      rings: [
        { ring: 'prod', soakHours: 1, gate: { minSuccessPct: 90, noOpenIncidents: true } },
        { ring: 'prod', soakHours: -1, gate: { minSuccessPct: 120, noOpenIncidents: true } },
      ],
      rateControl: { maxConcurrency: { kind: 'percent', value: 150 }, errorThreshold: { kind: 'count', value: 2.5 } },
      clusterMaxDownPct: 0,
    });
    expect(r.success).toBe(false);
    const messages = r.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        'SLA must be at least 1 day.',
        'Cadence must be asap, weekly, monthly or quarterly.',
        'Ring "prod" appears twice in the ring order.',
        'Soak cannot be negative.',
        'Success % must be 0–100.',
        'A percentage cannot exceed 100.',
        'A count limit must be a whole number.',
        'Cluster limit must be above 0%.',
      ]),
    );
  });
});

describe('slaDeadline', () => {
  it('adds the severity SLA in elapsed days', () => {
    const p = defaultPolicy();
    expect(slaDeadline('2026-03-01T12:00:00Z', 'critical', p)).toBe('2026-03-08T12:00:00.000Z');
    expect(slaDeadline('2026-03-01T12:00:00+02:00', 'high', p)).toBe('2026-03-31T10:00:00.000Z');
    expect(slaDeadline('2026-01-01T00:00:00Z', 'low', p)).toBe('2026-04-01T00:00:00.000Z');
  });
});

describe('limits', () => {
  it('resolves count and percent against the ring size, never below one', () => {
    const p = defaultPolicy();
    p.rateControl.maxConcurrency = { kind: 'percent', value: 20 };
    expect(maxConcurrencyFor(p, 100)).toBe(20);
    expect(maxConcurrencyFor(p, 3)).toBe(1);
    p.rateControl.maxConcurrency = { kind: 'count', value: 5 };
    expect(maxConcurrencyFor(p, 3)).toBe(5);
    p.rateControl.errorThreshold = { kind: 'percent', value: 5 };
    expect(errorThresholdFor(p, 10)).toBe(1);
    expect(errorThresholdFor(p, 100)).toBe(5);
    expect(clusterMaxDown(p, 4)).toBe(1);
    expect(clusterMaxDown(p, 8)).toBe(2);
    expect(clusterMaxDown(p, 2)).toBe(1);
  });
});
