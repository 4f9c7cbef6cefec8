import { describe, expect, it } from 'vitest';
import type { TRole } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';
import { requireTenantAccess, type TActor } from './permissions';

const member = (memberships: [tenantId: string, role: TRole][]): TActor => ({
  kind: 'user',
  userId: 'u1',
  email: 'u1@example.test',
  name: 'u1',
  memberships: memberships.map(([tenantId, role]) => ({ tenantId, tenantSlug: tenantId, tenantName: tenantId, role })),
});

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof AppError) return `${e.code}: ${e.message}`;
    throw e;
  }
}

describe('requireTenantAccess', () => {
  const operatorInAlpha = member([['alpha', 'operator']]);

  it('lets a member holding the permission through', () => {
    expect(codeOf(() => requireTenantAccess(operatorInAlpha, 'alpha', 'window:write'))).toBeNull();
  });

  it('answers a tenant the actor has no role in as not found, whatever the permission', () => {
    expect(codeOf(() => requireTenantAccess(operatorInAlpha, 'beta', 'window:write'))).toBe('NOT_FOUND: Tenant not found.');
    expect(codeOf(() => requireTenantAccess(operatorInAlpha, 'beta', 'schedule:read'))).toBe('NOT_FOUND: Tenant not found.');
  });

  it('answers a seen tenant without the permission as forbidden', () => {
    expect(codeOf(() => requireTenantAccess(member([['alpha', 'auditor']]), 'alpha', 'window:write'))).toBe(
      'FORBIDDEN: Your role does not allow this action in this tenant.',
    );
  });

  it('judges each tenant by the roles held there', () => {
    const mixed = member([
      ['alpha', 'manager'],
      ['beta', 'operator'],
    ]);
    expect(codeOf(() => requireTenantAccess(mixed, 'beta', 'window:write'))).toBeNull();
    expect(codeOf(() => requireTenantAccess(mixed, 'alpha', 'window:write'))).toMatch(/^FORBIDDEN/);
  });

  it('takes the object’s own messages, so a foreign object reads like a missing one', () => {
    const messages = { notFound: 'Window not found.', forbidden: 'Only operators edit windows.' };
    expect(codeOf(() => requireTenantAccess(operatorInAlpha, 'beta', 'window:write', messages))).toBe('NOT_FOUND: Window not found.');
    expect(codeOf(() => requireTenantAccess(member([['alpha', 'auditor']]), 'alpha', 'window:write', messages))).toBe(
      'FORBIDDEN: Only operators edit windows.',
    );
  });

  it('refuses agents and system actors any tenant as not found', () => {
    const agent: TActor = { kind: 'agent', agentId: 'a1', tenantId: 'alpha', assetId: 'x' };
    const system: TActor = { kind: 'system', label: 'job' };
    expect(codeOf(() => requireTenantAccess(agent, 'alpha', 'asset:read'))).toMatch(/^NOT_FOUND/);
    expect(codeOf(() => requireTenantAccess(system, 'alpha', 'asset:read'))).toMatch(/^NOT_FOUND/);
  });
});
