import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { bytea } from './bytea';
import { assetKindEnum, criticalityEnum, ecosystemEnum, lifecycleEnum, osFamilyEnum } from './enums';
import { applications, rings, tenants } from './tenants';
import { users } from './users';

export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    applicationId: uuid('application_id').references(() => applications.id),
    name: text('name').notNull(),
    kind: assetKindEnum('kind').notNull(),
    ringId: uuid('ring_id')
      .notNull()
      .references(() => rings.id),
    /** IANA zone, validated on write (Intl). */
    zone: text('zone').notNull(),
    criticality: criticalityEnum('criticality').notNull().default('tier2'),
    lifecycle: lifecycleEnum('lifecycle').notNull().default('active'),
    osFamily: osFamilyEnum('os_family').notNull(),
    osRelease: text('os_release').notNull(),
    /** Hypervisor cluster (hosts only). */
    cluster: text('cluster'),
    parentHostId: uuid('parent_host_id').references((): AnyPgColumn => assets.id),
    sourceImageId: uuid('source_image_id').references((): AnyPgColumn => assets.id),
    /** Version of a golden image/template (images only). */
    imageVersion: text('image_version'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    softwareCount: integer('software_count').notNull().default(0),
    /** sha256 of the normalised software list: a repeated identical report changes nothing. */
    softwareHash: text('software_hash'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assets_tenant_name').on(t.tenantId, t.name),
    index('assets_name').on(t.name),
    index('assets_tenant_ring').on(t.tenantId, t.ringId),
    index('assets_tenant_app').on(t.tenantId, t.applicationId),
    index('assets_parent_host').on(t.parentHostId),
  ],
);

/**
 * One distinct installed line across the fleet: what advisories are judged against. Thousands of
 * assets share a line (same distro, package, version and arch), so a fix is compared with each line
 * once (line_verdicts) and assets inherit the verdicts through installed_software.line_id. `distro`
 * is the asset's advisory distro (pw_distro: 'Debian:12', '' when unknown); `arch` is '' when the
 * inventory did not say.
 */
export const softwareLines = pgTable(
  'software_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ecosystem: ecosystemEnum('ecosystem').notNull(),
    distro: text('distro').notNull().default(''),
    matchName: text('match_name').notNull(),
    matchVersion: text('match_version').notNull(),
    matchKey: bytea('match_key'),
    epochKnown: boolean('epoch_known').notNull(),
    arch: text('arch').notNull().default(''),
    /** False until the line has been judged against every fix (new lines are judged on insert). */
    judged: boolean('judged').notNull().default(false),
  },
  (t) => [
    index('software_lines_pending')
      .on(t.id)
      .where(sql`not judged`),
    uniqueIndex('software_lines_identity').on(t.ecosystem, t.matchName, t.distro, t.matchVersion, t.arch, t.epochKnown),
  ],
);

export const installedSoftware = pgTable(
  'installed_software',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    ecosystem: ecosystemEnum('ecosystem').notNull(),
    name: text('name').notNull(),
    version: text('version').notNull(),
    arch: text('arch'),
    sourceName: text('source_name'),
    sourceVersion: text('source_version'),
    /**
     * The name and version advisories use for this package: Debian-family advisories name source
     * packages (libssl3 → openssl, compared at the source version), everything else binary names.
     * `matchKey` is the order-preserving key of that version (lib/domain/version-key.ts), so SQL
     * compares versions by byte order; null when the version is invalid (reported, never matched).
     */
    matchName: text('match_name').notNull(),
    matchVersion: text('match_version').notNull(),
    matchKey: bytea('match_key'),
    /**
     * False when an rpm version was reported without its epoch (plain `rpm -qa` omits it). Such rows
     * compare against fix versions with the epoch stripped too, instead of assuming epoch 0 (which
     * would mark every package with an epoch-bearing fix as vulnerable forever).
     */
    epochKnown: boolean('epoch_known').notNull().default(true),
    /**
     * The fleet-wide line this row is an instance of, set on insert (lib/inventory/replace-software.ts)
     * and again when the asset's OS changes (lib/inventory/reline-asset.ts).
     * No foreign key: the one insert path takes it from software_lines, and a per-row RI check would
     * slow bulk inventory writes; lines are never deleted.
     */
    lineId: integer('line_id').notNull(),
  },
  (t) => [
    index('installed_software_asset').on(t.assetId, t.name),
    // (line, asset, tenant): the assets behind a verdict, and their tenant, read from the index alone.
    index('installed_software_line').on(t.lineId, t.assetId, t.tenantId),
  ],
);

/** An agent reports one asset's inventory with a bearer token; only the token's sha256 is stored. */
export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    tokenHash: text('token_hash').notNull(),
    /** First characters of the token, to recognise it in the UI without storing it. */
    tokenPrefix: text('token_prefix').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastReportAt: timestamp('last_report_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('agents_token_hash').on(t.tokenHash), index('agents_asset').on(t.assetId)],
);

/** One inventory import (upload, API or agent) and its outcome, for the import history. */
export const inventoryImports = pgTable(
  'inventory_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    format: text('format').notNull(),
    filename: text('filename'),
    itemCount: integer('item_count').notNull(),
    outcome: text('outcome').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    errors: jsonb('errors').$type<{ line?: number; field?: string; message: string }[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inventory_imports_asset').on(t.assetId, t.createdAt)],
);
