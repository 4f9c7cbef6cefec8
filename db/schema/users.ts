import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { roleEnum } from './enums';
import { tenants } from './tenants';

/** Roles above every tenant (permissions in lib/auth/permissions.ts): 'catalogue_admin' curates the global advisory catalogue. */
export const platformRoleEnum = pgEnum('platform_role', ['catalogue_admin']);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** bcrypt hash; null for users who sign in only through OIDC. */
  passwordHash: text('password_hash'),
  isDisabled: boolean('is_disabled').notNull().default(false),
  /** A role over the whole platform, beside the per-tenant memberships; null for almost everyone. */
  platformRole: platformRoleEnum('platform_role'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A user's role in one tenant. A user may hold several roles across several tenants. */
export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    role: roleEnum('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tenantId, t.role] }), index('memberships_tenant').on(t.tenantId)],
);
