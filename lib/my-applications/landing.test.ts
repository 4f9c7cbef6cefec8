import { describe, expect, it } from 'vitest';
import { landingPath, OVERVIEW_PATH } from './landing';

describe('landingPath', () => {
  it('sends each role to its work', () => {
    expect(landingPath(['security'])).toBe('/testing');
    expect(landingPath(['operator'])).toBe('/schedule');
    expect(landingPath(['app_owner'])).toBe('/my');
  });

  it('keeps managers, auditors, admins and users without a role on the overview', () => {
    for (const role of ['manager', 'auditor', 'admin'] as const) expect(landingPath([role])).toBe(OVERVIEW_PATH);
    expect(landingPath([])).toBe(OVERVIEW_PATH);
  });

  it('picks security, then operator, then app owner for several roles, whatever their order', () => {
    expect(landingPath(['app_owner', 'operator', 'security'])).toBe('/testing');
    expect(landingPath(['manager', 'app_owner', 'operator'])).toBe('/schedule');
    expect(landingPath(['auditor', 'app_owner'])).toBe('/my');
  });
});
