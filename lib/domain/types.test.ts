import { describe, expect, it } from 'vitest';
import { ECOSYSTEM_SCHEME, PACKAGE_ECOSYSTEMS, VERSION_SCHEMES } from './types';

describe('ECOSYSTEM_SCHEME', () => {
  it('maps every package ecosystem to a known version scheme', () => {
    for (const eco of PACKAGE_ECOSYSTEMS) expect(VERSION_SCHEMES).toContain(ECOSYSTEM_SCHEME[eco]);
  });
});
