import { describe, expect, it } from 'vitest';
import {
  compareSeverity,
  maxSeverity,
  normaliseVendorSeverity,
  parseCvss,
  pickSeverity,
  severityFromCvss,
  severityFromScore,
  strongestVendorSeverity,
} from './severity';

describe('parseCvss', () => {
  it('scores CVSS 3.1, 3.0, 2.0 and 4.0 vectors', () => {
    expect(parseCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toEqual({
      version: '3.1',
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      score: 9.8,
    });
    expect(parseCvss('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H')?.score).toBe(7.5);
    expect(parseCvss('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toMatchObject({ version: '2.0', score: 7.5 });
    expect(parseCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toMatchObject({ version: '4.0', score: 9.3 });
  });

  it('keeps the base score when temporal or threat metrics are present', () => {
    expect(parseCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C')?.score).toBe(9.8);
    expect(parseCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U')?.score).toBe(9.3);
  });

  it('accepts NVD-style parentheses around a v2 vector', () => {
    expect(parseCvss('(AV:N/AC:L/Au:N/C:P/I:P/A:P)')?.vector).toBe('AV:N/AC:L/Au:N/C:P/I:P/A:P');
  });

  it('returns null for incomplete, invalid or empty vectors', () => {
    expect(parseCvss('CVSS:3.1/AV:N')).toBeNull();
    expect(parseCvss('CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeNull();
    expect(parseCvss('garbage')).toBeNull();
    expect(parseCvss('')).toBeNull();
  });
});

describe('severityFromScore / severityFromCvss', () => {
  it('uses the FIRST bands for 3.x/4.0 and has no critical band for 2.0', () => {
    expect(severityFromScore(9.0, '3.1')).toBe('critical');
    expect(severityFromScore(8.9, '3.1')).toBe('high');
    expect(severityFromScore(7.0, '4.0')).toBe('high');
    expect(severityFromScore(6.9, '3.0')).toBe('medium');
    expect(severityFromScore(4.0, '3.1')).toBe('medium');
    expect(severityFromScore(0.1, '3.1')).toBe('low');
    expect(severityFromScore(0, '3.1')).toBe('none');
    expect(severityFromScore(10, '2.0')).toBe('high');
  });

  it('rates a vector, or returns null when it cannot be scored', () => {
    expect(severityFromCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe('critical');
    expect(severityFromCvss('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:H')).toBe('medium');
    expect(severityFromCvss('nope')).toBeNull();
  });
});

describe('normaliseVendorSeverity', () => {
  it.each([
    ['Critical', 'critical'],
    ['Important', 'high'],
    ['HIGH', 'high'],
    ['Moderate', 'medium'],
    ['MODERATE', 'medium'],
    ['medium', 'medium'],
    ['Low', 'low'],
    ['negligible', 'low'],
    ['unimportant', 'low'],
    ['high**', 'high'],
    [' low** ', 'low'],
  ] as const)('%s -> %s', (text, expected) => {
    expect(normaliseVendorSeverity(text)).toBe(expected);
  });

  it('returns null for words that are not ratings', () => {
    for (const t of ['not yet assigned', 'end-of-life', 'Remote Code Execution', '', null, undefined]) expect(normaliseVendorSeverity(t)).toBeNull();
  });
});

describe('pickSeverity', () => {
  const critical = parseCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')!;
  const medium = parseCvss('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:H')!;

  it("prefers the vendor's rating over the score", () => {
    expect(pickSeverity('Moderate', [critical])).toBe('medium');
  });

  it('falls back to the highest CVSS score, then to none', () => {
    expect(pickSeverity(null, [medium, critical])).toBe('critical');
    expect(pickSeverity('not yet assigned', [medium])).toBe('medium');
    expect(pickSeverity(null, [])).toBe('none');
  });
});

describe('ordering helpers', () => {
  it('orders most severe first and picks the strongest vendor word verbatim', () => {
    expect(compareSeverity('critical', 'low')).toBeLessThan(0);
    expect(maxSeverity(['low', 'high', 'medium'])).toBe('high');
    expect(maxSeverity([])).toBe('none');
    expect(strongestVendorSeverity(['Moderate', 'Important', 'Remote Code Execution', null])).toBe('Important');
    expect(strongestVendorSeverity(['', 'Spoofing'])).toBeNull();
  });
});
