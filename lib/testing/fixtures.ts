import type { TDb } from '@/db/client';
import { applications, assets, memberships, rings, tenants, users } from '@/db/schema';
import { loadActorFromDb } from '@/lib/auth/load-actor';
import type { TRole } from '@/lib/domain/types';

/**
 * Two tenants (alpha, beta) with rings test/dev/prod, two applications in alpha (one owned by
 * owner-a), one in beta, users for each role, and a few assets. Small on purpose: rules, not volume.
 * `singleTenantSecurity` adds security users of one tenant each (sec-a1/sec-a2 in alpha, sec-b1/sec-b2
 * in beta): staff in every tenant hide leaks between tenants. Off by default, so tests that count
 * a tenant's security team are not changed by them.
 */
export async function seedFixture(db: TDb, opts: { singleTenantSecurity?: boolean } = {}) {
  const single = opts.singleTenantSecurity ? ['sec-a1@t', 'sec-a2@t', 'sec-b1@t', 'sec-b2@t'] : [];
  const [alpha, beta] = await db
    .insert(tenants)
    .values([
      { slug: 'alpha', name: 'Alpha Corp' },
      { slug: 'beta', name: 'Beta Ltd' },
    ])
    .returning();
  const ringRows = await db
    .insert(rings)
    .values([alpha, beta].flatMap((t) => ['test', 'dev', 'prod'].map((name, position) => ({ tenantId: t.id, name, position }))))
    .returning();
  const ring = (t: { id: string }, name: string) => ringRows.find((r) => r.tenantId === t.id && r.name === name)!.id;
  const mk = (email: string) => ({ email, name: email.split('@')[0], passwordHash: null });
  const userRows = await db
    .insert(users)
    .values(['admin@t', 'security@t', 'security2@t', 'operator@t', 'manager@t', 'auditor@t', 'owner-a@t', 'owner-a2@t', 'owner-b@t', ...single].map(mk))
    .returning();
  const uid = (email: string) => userRows.find((u) => u.email === email)!.id;
  const grant = (email: string, role: TRole, ...ts: { id: string }[]) => ts.map((t) => ({ userId: uid(email), tenantId: t.id, role }));
  await db
    .insert(memberships)
    .values([
      ...grant('admin@t', 'admin', alpha, beta),
      ...grant('security@t', 'security', alpha, beta),
      ...grant('security2@t', 'security', alpha, beta),
      ...grant('operator@t', 'operator', alpha, beta),
      ...grant('manager@t', 'manager', alpha),
      ...grant('auditor@t', 'auditor', alpha),
      ...grant('owner-a@t', 'app_owner', alpha),
      ...grant('owner-a2@t', 'app_owner', alpha),
      ...grant('owner-b@t', 'app_owner', beta),
      ...single.flatMap((email) => grant(email, 'security', email.startsWith('sec-a') ? alpha : beta)),
    ]);
  const [shop, crm, ledger] = await db
    .insert(applications)
    .values([
      { tenantId: alpha.id, slug: 'shop', name: 'Shop', ownerId: uid('owner-a@t') },
      { tenantId: alpha.id, slug: 'crm', name: 'CRM', ownerId: uid('owner-a2@t') },
      { tenantId: beta.id, slug: 'ledger', name: 'Ledger', ownerId: uid('owner-b@t') },
    ])
    .returning();
  const base = { kind: 'vm' as const, osFamily: 'debian' as const, osRelease: '12' };
  const [shopWeb, crmDb, ledgerApp] = await db
    .insert(assets)
    .values([
      { ...base, tenantId: alpha.id, applicationId: shop.id, name: 'alpha-shop-web-01', ringId: ring(alpha, 'prod'), zone: 'Europe/Berlin' },
      { ...base, tenantId: alpha.id, applicationId: crm.id, name: 'alpha-crm-db-01', ringId: ring(alpha, 'dev'), zone: 'America/New_York' },
      { ...base, tenantId: beta.id, applicationId: ledger.id, name: 'beta-ledger-01', ringId: ring(beta, 'prod'), zone: 'Asia/Kathmandu' },
    ])
    .returning();
  const actor = (email: string) => loadActorFromDb(db, uid(email));
  return { alpha, beta, apps: { shop, crm, ledger }, assets: { shopWeb, crmDb, ledgerApp }, ring, uid, actor };
}
