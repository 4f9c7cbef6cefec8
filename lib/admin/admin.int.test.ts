import { beforeAll, expect, it } from 'vitest';
import { loadActorFromDb } from '@/lib/auth/load-actor';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import { AppError } from '@/lib/errors';
import { createApplication } from './create-application';
import { createTenantAsAdmin } from './create-tenant';
import { grantRole, revokeRole } from './grant-role';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : `unexpected: ${e}`),
  );

describeDb('administration', (get) => {
  let fx: Awaited<ReturnType<typeof seedFixture>>;
  beforeAll(async () => {
    fx = await seedFixture(get().db);
  });

  it('grants a role to a new user, and refuses a duplicate grant', async () => {
    const admin = await fx.actor('admin@t');
    const { userId } = await grantRole(get().db, admin, { tenantId: fx.alpha.id, email: 'new@t', role: 'operator', password: 'long-enough-password' });
    const actor = await loadActorFromDb(get().db, userId);
    expect(actor.kind === 'user' && actor.memberships.map((m) => m.role)).toEqual(['operator']);
    expect(userId).toBeTruthy();
    expect(await code(grantRole(get().db, admin, { tenantId: fx.alpha.id, email: 'new@t', role: 'operator' }))).toBe('CONFLICT');
  });

  it('refuses non-admins; a tenant the actor has no role in reads as not found', async () => {
    expect(await code(grantRole(get().db, await fx.actor('security@t'), { tenantId: fx.alpha.id, email: 'x@t', role: 'admin' }))).toBe('FORBIDDEN');
    expect(await code(grantRole(get().db, await fx.actor('owner-b@t'), { tenantId: fx.alpha.id, email: 'x@t', role: 'admin' }))).toBe('NOT_FOUND');
  });

  it('refuses revoking one’s own admin role', async () => {
    expect(await code(revokeRole(get().db, await fx.actor('admin@t'), { tenantId: fx.alpha.id, userId: fx.uid('admin@t'), role: 'admin' }))).toBe('VALIDATION');
  });

  it('requires an application owner to be a member of the tenant', async () => {
    const admin = await fx.actor('admin@t');
    expect(
      await code(createApplication(get().db, admin, { tenantId: fx.alpha.id, slug: 'erp', name: 'ERP', ownerId: fx.uid('owner-b@t'), criticality: 'tier1' })),
    ).toBe('VALIDATION');
    const app = await createApplication(get().db, admin, {
      tenantId: fx.alpha.id,
      slug: 'erp',
      name: 'ERP',
      ownerId: fx.uid('owner-a@t'),
      criticality: 'tier1',
    });
    expect(app.slug).toBe('erp');
    expect(await code(createApplication(get().db, admin, { tenantId: fx.alpha.id, slug: 'erp', name: 'ERP 2', ownerId: null, criticality: 'tier1' }))).toBe(
      'CONFLICT',
    );
  });

  it('makes the admin who creates a tenant its admin; refuses non-admins and a taken slug', async () => {
    const tenant = await createTenantAsAdmin(get().db, await fx.actor('admin@t'), { slug: 'gamma', name: 'Gamma plc' });
    const admin = await fx.actor('admin@t');
    expect(admin.kind === 'user' && admin.memberships.filter((m) => m.tenantId === tenant.id).map((m) => m.role)).toEqual(['admin']);
    expect(await code(createTenantAsAdmin(get().db, await fx.actor('operator@t'), { slug: 'delta', name: 'Delta' }))).toBe('FORBIDDEN');
    expect(await code(createTenantAsAdmin(get().db, admin, { slug: 'gamma', name: 'Gamma again' }))).toBe('CONFLICT');
  });
});
