import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea';
import { severityEnum } from './enums';
import { assets } from './assets';
import { patches } from './patches';
import { tenants } from './tenants';
import { users } from './users';

/**
 * Lifecycle of a patch for one tenant's security team (lib/domain/patch-lifecycle.ts): each tenant
 * tests and decides for itself. One row per (tenant, patch), created on first touch; no row = 'new'.
 * `version` is the optimistic-concurrency token of that tenant's decisions.
 */
export const patchStatus = pgTable(
  'patch_tenant_status',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    patchId: uuid('patch_id')
      .notNull()
      .references(() => patches.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('new'),
    deferredUntil: date('deferred_until'),
    /** A vendor revision arrived after authorisation: the decision must be reviewed. */
    needsReview: boolean('needs_review').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.patchId] }),
    index('patch_tenant_status_patch').on(t.patchId),
    index('patch_tenant_status_status').on(t.tenantId, t.status),
  ],
);

/** A test of a patch on a tenant's test ring or a named test environment. */
export const testRuns = pgTable(
  'test_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patchId: uuid('patch_id')
      .notNull()
      .references(() => patches.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Ring name or named test environment (a tag). */
    target: text('target').notNull(),
    status: text('status').notNull().default('open'),
    /** Content hash of the patch when the run started: a vendor revision makes the run stale. */
    patchContentHash: text('patch_content_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('test_runs_patch').on(t.patchId, t.createdAt)],
);

export const testResults = pgTable(
  'test_results',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => testRuns.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    outcome: text('outcome').notNull().default('pending'),
    notes: text('notes'),
    healthCheck: text('health_check'),
    evidenceLinks: jsonb('evidence_links').$type<string[]>().notNull().default([]),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.runId, t.assetId] })],
);

/** Uploaded evidence files (small: logs, screenshots) attached to a test result. */
export const testEvidence = pgTable(
  'test_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => testRuns.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('test_evidence_run').on(t.runId, t.assetId)],
);

/**
 * An authorisation request and its decision (authorise / defer / reject / revoke). Four eyes: the
 * requester can never be the approver (checked in the use-case). `patchVersion` is the patch_status
 * version the request was made against; a decision on a changed patch is refused ("reload").
 */
export const patchDecisions = pgTable(
  'patch_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patchId: uuid('patch_id')
      .notNull()
      .references(() => patches.id, { onDelete: 'cascade' }),
    /** The one tenant this decision is for: a request covering several tenants is one row per tenant. */
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Rows requested together share it (the id of the first); each is approved on its own. */
    requestGroupId: uuid('request_group_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('requested'),
    justification: text('justification').notNull(),
    impact: jsonb('impact').$type<{ downtimeMinutes: number; rebootRequired: boolean; dependencies: string[]; order: number | null }>(),
    /** Rings of the tenant the decision covers; empty = every ring. */
    scope: jsonb('scope').$type<{ rings: string[] }>(),
    deferredUntil: date('deferred_until'),
    isEmergency: boolean('is_emergency').notNull().default(false),
    /** 'local' or 'absolute' for the changes it goes into; null = the tenant policy's default. */
    timeMode: text('time_mode'),
    emergencyReason: text('emergency_reason'),
    patchVersion: integer('patch_version').notNull(),
    patchContentHash: text('patch_content_hash').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** Set when an auto-approval rule decided instead of a person. */
    ruleId: uuid('rule_id'),
  },
  (t) => [
    index('patch_decisions_patch').on(t.patchId, t.requestedAt),
    index('patch_decisions_status').on(t.status),
    index('patch_decisions_tenant').on(t.tenantId, t.patchId, t.requestedAt),
  ],
);

/** SSM-style approve-after-days: patches at or above a severity that passed testing are authorised N days later unless objected to. */
export const autoApprovalRules = pgTable('auto_approval_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  name: text('name').notNull(),
  minSeverity: severityEnum('min_severity').notNull(),
  afterDays: integer('after_days').notNull(),
  requirePassedTest: boolean('require_passed_test').notNull().default(true),
  isEnabled: boolean('is_enabled').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An objection blocks an auto-approval of that patch (for that tenant) until withdrawn. */
export const autoApprovalObjections = pgTable(
  'auto_approval_objections',
  {
    patchId: uuid('patch_id')
      .notNull()
      .references(() => patches.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    reason: text('reason').notNull(),
    objectedBy: uuid('objected_by').references(() => users.id),
    objectedAt: timestamp('objected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.patchId, t.tenantId] })],
);
