import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assets } from './assets';
import { patches } from './patches';
import { maintenanceWindows } from './scheduling';
import { applications, tenants } from './tenants';
import { users } from './users';

/**
 * Change management (lib/changes, lib/tracking). Every row belongs to one tenant; only the advisory
 * catalogue is shared.
 */

/** Numbers of change requests (CHG-000123), one sequence for all tenants. */
export const changeNumberSeq = pgSequence('change_number_seq', { startWith: 1000 });

/** A named group of users that works an application's tracking records; without one, the application's owner does. */
export const resolverGroups = pgTable(
  'resolver_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** The application the group resolves for; null = the tenant's assets with no application. */
    applicationId: uuid('application_id').references(() => applications.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('resolver_groups_tenant_name').on(t.tenantId, t.name),
    unique('resolver_groups_tenant_app').on(t.tenantId, t.applicationId).nullsNotDistinct(),
  ],
);

export const resolverGroupMembers = pgTable(
  'resolver_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => resolverGroups.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('resolver_group_members_user').on(t.userId)],
);

/** The tenant's change advisory board: named approvers of normal changes (with security, up to the policy's quorum). */
export const cabMembers = pgTable(
  'cab_members',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

/** The customer's people told about applicable patches and changes touching their systems. */
export const tenantContacts = pgTable(
  'tenant_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** A contact who is also a user gets in-app notifications too. */
    userId: uuid('user_id').references(() => users.id),
    notifyApplicable: boolean('notify_applicable').notNull().default(true),
    notifyChanges: boolean('notify_changes').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tenant_contacts_tenant_email').on(t.tenantId, t.email)],
);

/**
 * One per patch × application (or × the tenant's assets with no application): the work of getting a
 * patch onto those assets, from applicability to closure. States: open → in_change → remediated |
 * excepted → closed. Affected assets are live (applicability); `evidence` is frozen at closure.
 */
export const trackingRecords = pgTable(
  'tracking_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    patchId: uuid('patch_id')
      .notNull()
      .references(() => patches.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').references(() => applications.id),
    resolverGroupId: uuid('resolver_group_id').references(() => resolverGroups.id),
    state: text('state').notNull().default('open'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** Affected assets when last synchronised (the live list comes from applicability). */
    assetCount: integer('asset_count').notNull().default(0),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** What, where, when, who decided and approved: written when the record closes. */
    evidence: jsonb('evidence'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('tracking_records_identity').on(t.tenantId, t.patchId, t.applicationId).nullsNotDistinct(),
    index('tracking_records_due').on(t.tenantId, t.state, t.dueAt),
    index('tracking_records_group').on(t.resolverGroupId, t.state),
  ],
);

/**
 * A change request: patches × assets of one tenant, its plan, approvals and outcome. `scopeHash`
 * fingerprints the scope at submission: approval is refused when the live scope differs (scope drift).
 * `version` is the optimistic-concurrency token every transition checks.
 */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Human number, CHG-000123 (global sequence: numbers never collide across tenants). */
    number: bigint('number', { mode: 'number' })
      .notNull()
      .default(sql`nextval('change_number_seq')`),
    title: text('title').notNull(),
    type: text('type').notNull(),
    state: text('state').notNull().default('draft'),
    /** What grouped it: 'ring_window' or 'application', and the key (ring/window or application). */
    grouping: text('grouping').notNull(),
    groupKey: text('group_key').notNull(),
    ring: text('ring'),
    applicationId: uuid('application_id').references(() => applications.id),
    windowId: uuid('window_id').references(() => maintenanceWindows.id, { onDelete: 'set null' }),
    /** When the cadence released the patches into this change; nothing is planned before. */
    releaseAt: timestamp('release_at', { withTimezone: true }).notNull(),
    timeMode: text('time_mode').notNull(),
    riskScore: integer('risk_score').notNull(),
    riskLevel: text('risk_level').notNull(),
    risk: jsonb('risk').notNull(),
    backoutPlan: text('backout_plan').notNull(),
    /** The standard rule that pre-approved it (standard changes). */
    standardRule: jsonb('standard_rule'),
    /** The plan as saved (TPlan without per-job rows, which are change_assets). */
    plan: jsonb('plan'),
    plannedStart: timestamp('planned_start', { withTimezone: true }),
    plannedEnd: timestamp('planned_end', { withTimezone: true }),
    scopeHash: text('scope_hash').notNull(),
    /** Scope (asset → ring) at submission, to show what drifted. */
    submittedScope: jsonb('submitted_scope').$type<{ assetId: string; ring: string }[]>(),
    conflicts: jsonb('conflicts').notNull().default([]),
    /** Emergency: approval is due by then (after the fact). */
    approvalDueAt: timestamp('approval_due_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Implementation evidence: job outcomes (deployments) or an operator's record. */
    evidence: jsonb('evidence'),
    outcome: text('outcome'),
    externalRef: text('external_ref'),
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('change_requests_number').on(t.number),
    index('change_requests_tenant_state').on(t.tenantId, t.state, t.plannedStart),
    index('change_requests_planned').on(t.tenantId, t.plannedStart),
  ],
);

/** The patches of a change, with the authorisation each went in under. */
export const changePatches = pgTable(
  'change_patches',
  {
    changeId: uuid('change_id')
      .notNull()
      .references(() => changeRequests.id, { onDelete: 'cascade' }),
    patchId: uuid('patch_id')
      .notNull()
      .references(() => patches.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    decisionId: uuid('decision_id'),
  },
  (t) => [primaryKey({ columns: [t.changeId, t.patchId] }), index('change_patches_patch').on(t.tenantId, t.patchId)],
);

/** The assets of a change and each one's planned slot (null start: unschedulable, with the reason). */
export const changeAssets = pgTable(
  'change_assets',
  {
    changeId: uuid('change_id')
      .notNull()
      .references(() => changeRequests.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    ring: text('ring').notNull(),
    applicationId: uuid('application_id'),
    waveIndex: integer('wave_index'),
    plannedStart: timestamp('planned_start', { withTimezone: true }),
    plannedEnd: timestamp('planned_end', { withTimezone: true }),
    windowId: uuid('window_id'),
    unschedulableReason: text('unschedulable_reason'),
    detail: text('detail'),
    /** Implementation outcome per asset: null until recorded ('installed', 'failed', 'skipped'). */
    outcome: text('outcome'),
  },
  (t) => [
    primaryKey({ columns: [t.changeId, t.assetId] }),
    index('change_assets_asset').on(t.assetId, t.plannedStart),
    // "Changes touching my applications" (the approvals inbox) without reading every asset of a change.
    index('change_assets_application').on(t.applicationId, t.changeId),
  ],
);

/** One approver's vote on a change, in the capacities they held; `scopeHash` is what they saw. */
export const changeApprovals = pgTable(
  'change_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    changeId: uuid('change_id')
      .notNull()
      .references(() => changeRequests.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Null for an external system's approval (the connector is in `capacities`). */
    approverId: uuid('approver_id').references(() => users.id),
    decision: text('decision').notNull(),
    capacities: jsonb('capacities').notNull(),
    note: text('note'),
    scopeHash: text('scope_hash').notNull(),
    /** Set on an approval cleared by a resubmission (kept for the trail). */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('change_approvals_change').on(t.changeId, t.decidedAt), index('change_approvals_approver').on(t.approverId)],
);

export const changeComments = pgTable(
  'change_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    changeId: uuid('change_id')
      .notNull()
      .references(() => changeRequests.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('change_comments_change').on(t.changeId, t.createdAt)],
);

/** Every transition of a change (the outbound webhook sends these). */
export const changeEvents = pgTable(
  'change_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Null for a tenant event that concerns no change (e.g. 'patches.applicable', the customer's digest). */
    changeId: uuid('change_id').references(() => changeRequests.id, { onDelete: 'cascade' }),
    /** 'created' or a transition event (TChangeEvent), or 'approval' for a vote short of the quorum. */
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actor: text('actor').notNull(),
    payload: jsonb('payload').notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('change_events_change').on(t.changeId, t.id), index('change_events_tenant').on(t.tenantId, t.id)],
);

/**
 * A change-system connector of a tenant. The built-in CAB needs none; 'webhook' sends every change
 * event as signed JSON to `url` and accepts signed callbacks. `secret` signs both ways (HMAC-SHA256).
 */
export const changeConnectors = pgTable(
  'change_connectors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    keyId: text('key_id').notNull(),
    secret: text('secret').notNull(),
    isEnabled: boolean('is_enabled').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('change_connectors_key').on(t.keyId), index('change_connectors_tenant').on(t.tenantId)],
);

/** One outbound delivery of a change event to a connector, with its attempts (the admins' delivery log). */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    connectorId: uuid('connector_id')
      .notNull()
      .references(() => changeConnectors.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => changeEvents.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastHttpStatus: integer('last_http_status'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('webhook_deliveries_event').on(t.connectorId, t.eventId), index('webhook_deliveries_tenant').on(t.tenantId, t.createdAt)],
);

/** Inbound callbacks seen, by delivery id: a replayed id is refused. */
export const inboundDeliveries = pgTable(
  'inbound_deliveries',
  {
    connectorId: uuid('connector_id')
      .notNull()
      .references(() => changeConnectors.id, { onDelete: 'cascade' }),
    deliveryId: text('delivery_id').notNull(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    changeId: uuid('change_id'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.connectorId, t.deliveryId] })],
);

/** A user's calendar subscription token (ICS feed URL); only the sha256 is stored; revocable. */
export const calendarTokens = pgTable(
  'calendar_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    tokenPrefix: text('token_prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_tokens_hash').on(t.tokenHash), index('calendar_tokens_user').on(t.userId)],
);
