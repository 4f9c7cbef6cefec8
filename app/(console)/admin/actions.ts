'use server';
import { revalidatePath } from 'next/cache';
import { createApplication, ZCreateApplication } from '@/lib/admin/create-application';
import { createTenantAsAdmin, ZCreateTenant } from '@/lib/admin/create-tenant';
import { grantRole, revokeRole, ZGrantRole, ZRevokeRole } from '@/lib/admin/grant-role';
import { authedAction } from '@/lib/auth/authed-action';

export const createTenantAction = authedAction('tenant:admin', ZCreateTenant, async (db, actor, input) => {
  // Creating a customer is a provider-level act: any tenant admin may, and becomes the new tenant's admin.
  const tenant = await createTenantAsAdmin(db, actor, input);
  revalidatePath('/admin');
  return { id: tenant.id };
});

export const createApplicationAction = authedAction('tenant:admin', ZCreateApplication, async (db, actor, input) => {
  const app = await createApplication(db, actor, input);
  revalidatePath('/admin');
  return { id: app.id };
});

export const grantRoleAction = authedAction('user:admin', ZGrantRole, async (db, actor, input) => {
  const res = await grantRole(db, actor, input);
  revalidatePath('/admin');
  return res;
});

export const revokeRoleAction = authedAction('user:admin', ZRevokeRole, async (db, actor, input) => {
  const res = await revokeRole(db, actor, input);
  revalidatePath('/admin');
  return res;
});
