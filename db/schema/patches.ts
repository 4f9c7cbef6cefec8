import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, pgView, primaryKey, real, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea';
import { ecosystemEnum, severityEnum } from './enums';
import { assets, softwareLines } from './assets';
import { tenants } from './tenants';
import { users } from './users';

/**
 * A configured advisory feed: a folder or a URL polled on a schedule. Its scope is its patches' scope:
 * one tenant's private advisories, or the global catalogue (tenant_id null, platform users only).
 * Names are unique within a scope, so one tenant's names never collide with (or reveal) another's.
 */
export const advisorySources = pgTable(
  'advisory_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    name: text('name').notNull(),
    /** Connector id ('csaf', 'osv', 'cvrf', 'kev', 'epss', 'debian-tracker', 'alpine-secdb') or 'auto' (detect per file). */
    connector: text('connector').notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    pollMinutes: integer('poll_minutes'),
    isEnabled: boolean('is_enabled').notNull().default(true),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    lastStatus: text('last_status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('advisory_sources_scope_name').on(t.tenantId, t.name).nullsNotDistinct()],
);

/** One intake run (upload, folder scan, URL fetch, scheduled poll) with progress and per-file results. */
export const intakeRuns = pgTable(
  'intake_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The run's scope: the tenant it imported for, or null for the global catalogue (and recomputes). */
    tenantId: uuid('tenant_id').references(() => tenants.id),
    sourceId: uuid('source_id').references(() => advisorySources.id),
    actorId: uuid('actor_id').references(() => users.id),
    trigger: text('trigger').notNull(),
    status: text('status').notNull().default('running'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    results: jsonb('results').$type<{ file: string; outcome: string; reason?: string; field?: string; patches?: number }[]>().notNull().default([]),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('intake_runs_started').on(t.startedAt), index('intake_runs_tenant_started').on(t.tenantId, t.startedAt)],
);

export const patches = pgTable(
  'patches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * null: the global catalogue, assessed and notified in every tenant. A tenant id: that tenant's
     * private advisory (imported by its own security team), assessed, notified and shown there only
     * (lib/intake/scope.ts). A private copy and the global one coexist as two rows.
     */
    tenantId: uuid('tenant_id').references(() => tenants.id),
    source: text('source').notNull(),
    vendorId: text('vendor_id').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    cves: text('cves').array().notNull(),
    severity: severityEnum('severity').notNull(),
    vendorSeverity: text('vendor_severity'),
    cvss: jsonb('cvss').$type<{ version: string; vector: string; score: number }[]>().notNull(),
    cvssScore: real('cvss_score'),
    isKev: boolean('is_kev').notNull().default(false),
    kevDateAdded: date('kev_date_added'),
    kevDueDate: date('kev_due_date'),
    epss: real('epss'),
    published: timestamp('published', { withTimezone: true }),
    revised: timestamp('revised', { withTimezone: true }),
    revision: text('revision'),
    references: jsonb('references').$type<{ url: string; label?: string }[]>().notNull(),
    /** sha256 of the canonical draft: equal hash on re-import means unchanged. */
    contentHash: text('content_hash').notNull(),
    /**
     * Set in the transaction that stores new content, cleared by the assessment of the patch: a crash
     * between the two leaves it set, and start-up or the next import assesses it (lib/intake/assess-pending.ts).
     */
    needsAssessment: boolean('needs_assessment').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('patches_scope_source_vendor').on(t.source, t.vendorId, t.tenantId).nullsNotDistinct(),
    index('patches_tenant').on(t.tenantId),
    index('patches_severity').on(t.severity),
    index('patches_published').on(t.published),
  ],
);

/** Every stored version of a patch; a vendor revision appends a row, the patch row is updated in place. */
export const patchRevisions = pgTable(
  'patch_revisions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    patchId: uuid('patch_id')
      .notNull()
      .references(() => patches.id, { onDelete: 'cascade' }),
    revision: text('revision'),
    revised: timestamp('revised', { withTimezone: true }),
    contentHash: text('content_hash').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('patch_revisions_patch').on(t.patchId, t.recordedAt)],
);

/** One package (or product) a patch fixes in one distro release, with version keys for SQL comparison. */
export const patchFixes = pgTable(
  'patch_fixes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    patchId: uuid('patch_id')
      .notNull()
      .references(() => patches.id, { onDelete: 'cascade' }),
    ecosystem: ecosystemEnum('ecosystem').notNull(),
    distro: text('distro'),
    packageName: text('package_name').notNull(),
    nameKind: text('name_kind').notNull(),
    fixedVersion: text('fixed_version'),
    introduced: text('introduced'),
    lastAffected: text('last_affected'),
    ranges: jsonb('ranges').$type<{ introduced?: string | null; fixed?: string | null; lastAffected?: string | null }[]>(),
    affectedVersions: text('affected_versions').array(),
    arch: text('arch'),
    kb: text('kb'),
    productIds: text('product_ids').array(),
    fixedKey: bytea('fixed_key'),
    introducedKey: bytea('introduced_key'),
    lastAffectedKey: bytea('last_affected_key'),
    /** The same keys with any epoch removed, for installed rows whose epoch is unknown (see installed_software.epoch_known). */
    fixedKeyNoEpoch: bytea('fixed_key_no_epoch'),
    introducedKeyNoEpoch: bytea('introduced_key_no_epoch'),
    lastAffectedKeyNoEpoch: bytea('last_affected_key_no_epoch'),
    /** Why a version of this fix could not be keyed; such fixes are reported, never matched. */
    versionError: text('version_error'),
  },
  (t) => [index('patch_fixes_pkg').on(t.ecosystem, t.packageName), index('patch_fixes_patch').on(t.patchId)],
);

/**
 * Patch × asset state, stored for the pairs that need attention: `missing` (an installed version is
 * affected), `unknown` (a version could not be parsed: reported, never guessed) and the workflow
 * states later steps set. `installed` is not stored: it is every asset with a 'fixed' line verdict
 * and no row here (lib/intake/pairs.ts), so a mostly patched fleet does not keep millions of rows
 * that say nothing is wrong. No row and no verdict means not affected.
 */
export const applicability = pgTable(
  'applicability',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    patchId: uuid('patch_id')
      .notNull()
      .references(() => patches.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    state: text('state').notNull(),
    /** The state before the last change (set by assessment upserts), to tell "newly missing" apart. */
    previousState: text('previous_state'),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull().defaultNow(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.patchId, t.assetId] }),
    index('applicability_tenant_state').on(t.tenantId, t.state),
    index('applicability_asset').on(t.assetId),
  ],
);

/**
 * A patch judged against one software line (lib/intake/assess.ts): 'affected' (the version lies in
 * an affected interval), 'unknown' (the version could not be parsed) or 'fixed' (at or above a
 * fixed version). Every asset with the line inherits the verdict. Lines a patch does not concern
 * (other package, distro or arch) have no row.
 */
export const lineVerdicts = pgTable(
  'line_verdicts',
  {
    lineId: integer('line_id')
      .notNull()
      .references(() => softwareLines.id, { onDelete: 'cascade' }),
    patchId: uuid('patch_id')
      .notNull()
      .references(() => patches.id, { onDelete: 'cascade' }),
    verdict: text('verdict').$type<'affected' | 'unknown' | 'fixed'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.lineId, t.patchId] }), index('line_verdicts_patch').on(t.patchId, t.verdict)],
);

/**
 * Stored applicability rows counted per patch × tenant × state, kept exact by statement-level
 * triggers on `applicability` (migration 0011), so lists show affected counts without aggregating
 * millions of pairs. Rows may hold 0.
 */
export const applicabilityCounts = pgTable(
  'applicability_counts',
  {
    patchId: uuid('patch_id')
      .notNull()
      .references(() => patches.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    state: text('state').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.patchId, t.tenantId, t.state] }), index('applicability_counts_tenant').on(t.tenantId, t.state)],
);

/**
 * Every patch × asset pair with a state (a view, migration 0009): the stored `applicability` rows
 * plus `installed`, derived from 'fixed' line verdicts for assets with no stored row. Read it for one
 * patch or one asset; counts of `missing` across all patches read `applicability` directly.
 */
export const applicabilityPairs = pgView('applicability_pairs', {
  tenantId: uuid('tenant_id').notNull(),
  patchId: uuid('patch_id').notNull(),
  assetId: uuid('asset_id').notNull(),
  state: text('state').notNull(),
  detectedAt: timestamp('detected_at', { withTimezone: true }),
}).existing();

/** CISA KEV catalog entries, joined to patches by CVE (enrichment survives patch re-imports). */
export const kevEntries = pgTable('kev_entries', {
  cve: text('cve').primaryKey(),
  dateAdded: date('date_added').notNull(),
  dueDate: date('due_date').notNull(),
  knownRansomware: boolean('known_ransomware').notNull(),
  vendorProject: text('vendor_project').notNull(),
  product: text('product').notNull(),
});

/** In-app outbox: notifications of newly applicable critical/KEV patches (sent by SMTP when configured). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** The user told (in-app, and by e-mail at `recipientEmail` or else the account's address); null for a customer contact without an account. */
    recipientId: uuid('recipient_id').references(() => users.id),
    /** Where the e-mail goes when it is not the recipient user's account address (a tenant contact's own address). */
    recipientEmail: text('recipient_email'),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    patchId: uuid('patch_id').references(() => patches.id, { onDelete: 'cascade' }),
    /** The change request the notification is about (no foreign key: schema order; changes are never deleted). */
    changeId: uuid('change_id'),
    channel: text('channel').notNull().default('in-app'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** E-mail delivery when SMTP is configured: null (in-app only), 'queued', 'sending' (claimed by a worker), 'sent' or 'failed' (after the last retry). */
    emailStatus: text('email_status'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    /** The SMTP server's last refusal or the connection error, shown on the outbox page. */
    emailError: text('email_error'),
    /**
     * When a worker last claimed the row to send it. The outcome is recorded only under the same claim,
     * and a row still 'sending' long after belongs to a worker that stopped mid-send: it is claimed again.
     */
    emailClaimedAt: timestamp('email_claimed_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_recipient').on(t.recipientId, t.createdAt),
    check('notifications_has_recipient', sql`${t.recipientId} is not null or ${t.recipientEmail} is not null`),
  ],
);
