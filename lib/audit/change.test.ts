import { describe, expect, it } from 'vitest';
import { changeText, describeChange, describeChangeText, formatAuditValue } from './change';

describe('describeChange', () => {
  it('lists only changed fields as before → after', () => {
    expect(describeChange({ status: 'new', ring: 'prod' }, { status: 'authorised', ring: 'prod' })).toEqual([
      { field: 'status', before: 'new', after: 'authorised' },
    ]);
    expect(describeChangeText({ status: 'new' }, { status: 'authorised' })).toBe('status: new → authorised');
  });

  it('shows a creation without arrows and a removal marked as such', () => {
    expect(describeChangeText(null, { name: 'web-01', tags: ['a', 'b'] })).toBe('name: web-01; tags: a, b');
    expect(describeChangeText({ name: 'web-01' }, null)).toBe('name: web-01 (removed)');
  });

  it('names nested fields with dots and fields present on one side only', () => {
    expect(describeChange({ sla: { critical: 7, high: 30 } }, { sla: { critical: 3, high: 30 }, note: 'x' })).toEqual([
      { field: 'sla.critical', before: '7', after: '3' },
      { field: 'note', before: 'none', after: 'x' },
    ]);
  });

  it('formats instants, empties and nulls for reading', () => {
    expect(formatAuditValue('2026-12-07T21:05:33.120Z')).toBe('2026-12-07 21:05 UTC');
    expect(formatAuditValue('')).toBe('(empty)');
    expect(formatAuditValue([])).toBe('(empty)');
    expect(formatAuditValue(null)).toBe('none');
    expect(formatAuditValue([{ a: 1 }])).toBe('[{"a":1}]');
    expect(changeText({ field: 'owner', before: 'none', after: 'ann' })).toBe('owner: none → ann');
  });

  it('gives nothing for an entry with neither side', () => {
    expect(describeChange(null, null)).toEqual([]);
  });
});
