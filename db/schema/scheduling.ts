import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, index } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { users } from './users';

/** The tenant's contract-time policy (ZPolicy in lib/domain/policy.ts); `version` guards concurrent edits. */
export const tenantPolicies = pgTable('tenant_policies', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  policy: jsonb('policy').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** A recurring maintenance window (ZWindowDef in lib/domain/windows.ts). */
export const maintenanceWindows = pgTable(
  'maintenance_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    def: jsonb('def').notNull(),
    isEnabled: boolean('is_enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('maintenance_windows_tenant_name').on(t.tenantId, t.name)],
);

/** A change freeze; overrides every window it overlaps within its scope. */
export const blackouts = pgTable(
  'blackouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    scope: jsonb('scope').notNull().default({}),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('blackouts_tenant_time').on(t.tenantId, t.startsAt)],
);
