import { describe, expect, it } from 'vitest';
import { isIanaZone } from './zones';

describe('isIanaZone', () => {
  it.each(['Europe/London', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe', 'UTC', 'America/Argentina/Buenos_Aires'])(
    'accepts %s',
    (z) => {
      expect(isIanaZone(z)).toBe(true);
    },
  );
  it.each(['Mars/Olympus_Mons', 'Europe/Londn', '+05:00', 'EST', '', 'Europe/London; drop table', 'GMT+5 '])('refuses %s', (z) => {
    expect(isIanaZone(z)).toBe(false);
  });
});
