import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { criticalityEnum } from './enums';
import { users } from './users';

/** A customer of the provider. Every large table carries tenant_id as its (future) distribution key. */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Ordered deployment rings per tenant (default test → dev → prod); lower position deploys first. */
export const rings = pgTable(
  'rings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('rings_tenant_name').on(t.tenantId, t.name), uniqueIndex('rings_tenant_position').on(t.tenantId, t.position)],
);

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    criticality: criticalityEnum('criticality').notNull().default('tier2'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('applications_tenant_slug').on(t.tenantId, t.slug)],
);
