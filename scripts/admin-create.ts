// npm run admin:create -- --email you@example.com [--name "Your Name"] --tenant acme [--tenant-name "Acme Corp"]
// Creates (or reuses) the tenant with default rings and an admin user in it. A random password is
// generated and printed once unless ADMIN_PASSWORD is set: there is no default password.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { openDb } from '../db/client';
import { memberships, tenants, users } from '../db/schema';
import { createTenant } from '../lib/admin/create-tenant';
import { writeAudit } from '../lib/audit/write-audit';
import { hashPassword } from '../lib/auth/credentials';
import { assertEmbeddedDirFree, embeddedDir } from './embedded-lock';

const ZArgs = z.object({
  email: z.string().trim().toLowerCase().email('--email must be an email address'),
  name: z.string().trim().min(1).optional(),
  tenant: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]*$/, '--tenant must be a slug such as "acme"'),
  'tenant-name': z.string().trim().min(2).optional(),
});

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, tenant: { type: 'string' }, 'tenant-name': { type: 'string' } },
  });
  const parsed = ZArgs.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join('\n'));
    console.error('usage: npm run admin:create -- --email you@example.com --tenant acme [--tenant-name "Acme Corp"] [--name "You"]');
    process.exit(2);
  }
  const args = parsed.data;
  const password = process.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  if (password.length < 12) {
    console.error('ADMIN_PASSWORD must be at least 12 characters.');
    process.exit(2);
  }
  const url = process.env.DATABASE_URL;
  if (!url) assertEmbeddedDirFree(embeddedDir());
  const handle = openDb({ databaseUrl: url, pgliteDir: embeddedDir(), poolSize: 1 });
  const actor = { kind: 'system', label: 'admin:create' } as const;
  try {
    await handle.migrate();
    const hash = await hashPassword(password);
    await handle.db.transaction(async (tx) => {
      let [tenant] = await tx.select().from(tenants).where(eq(tenants.slug, args.tenant));
      if (!tenant) tenant = await createTenant(tx, actor, { slug: args.tenant, name: args['tenant-name'] ?? args.tenant });
      let [user] = await tx.select().from(users).where(eq(users.email, args.email));
      if (user) {
        await tx.update(users).set({ passwordHash: hash, isDisabled: false, platformRole: 'catalogue_admin' }).where(eq(users.id, user.id));
      } else {
        // The first admin is a platform admin: the only one who can fill the global advisory catalogue.
        [user] = await tx
          .insert(users)
          .values({ email: args.email, name: args.name ?? args.email, passwordHash: hash, platformRole: 'catalogue_admin' })
          .returning();
      }
      const [has] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, user.id), eq(memberships.tenantId, tenant.id), eq(memberships.role, 'admin')));
      if (!has) await tx.insert(memberships).values({ userId: user.id, tenantId: tenant.id, role: 'admin' });
      await writeAudit(tx, actor, {
        tenantId: tenant.id,
        action: 'user.admin_create',
        targetType: 'user',
        targetId: user.id,
        after: { email: args.email, role: 'admin', platformRole: 'catalogue_admin' },
      });
    });
    console.log(`Admin ${args.email} can sign in to tenant "${args.tenant}".`);
    console.log('As platform admin (catalogue_admin) they also manage the global advisory catalogue.');
    if (!process.env.ADMIN_PASSWORD) console.log(`Password (shown once): ${password}`);
  } finally {
    await handle.close();
  }
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
