import { describe, expect, it } from 'vitest';
import { readableDetail, readableInstant } from './plan-view';

describe('readable planner details', () => {
  it('writes an instant on the asset clock and in UTC', () => {
    expect(readableInstant('2026-12-08T01:00:00.000Z', 'Asia/Kathmandu')).toBe('2026-12-08 06:45 Asia/Kathmandu (01:00 UTC)');
    expect(readableInstant('2026-12-08T01:00:00.000Z', 'America/New_York')).toBe('2026-12-07 20:00 America/New_York (2026-12-08 01:00 UTC)');
    expect(readableInstant('2026-12-08T01:00:00Z', 'UTC')).toBe('2026-12-08 01:00 UTC');
  });

  it('rewrites every ISO instant in a detail and leaves the rest', () => {
    const raw =
      "No free slot in its windows between the ring's start 2026-12-08T01:00:00.000Z and the planning horizon 2027-01-07T00:00Z (at most 5 job(s) at once).";
    const text = readableDetail(raw, 'Europe/Berlin');
    expect(text).toBe(
      "No free slot in its windows between the ring's start 2026-12-08 02:00 Europe/Berlin (01:00 UTC) and the planning horizon 2027-01-07 01:00 Europe/Berlin (00:00 UTC) (at most 5 job(s) at once).",
    );
    expect(text).not.toMatch(/\dT\d/);
  });

  it('falls back to UTC for a zone the clock does not know', () => {
    expect(readableDetail('start 2026-12-08T01:00:00Z', 'Mars/Olympus_Mons')).toBe('start 2026-12-08 01:00 UTC');
  });
});
