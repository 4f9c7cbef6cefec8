-- Carries the per-patch lifecycle over to one lifecycle per (tenant, patch).
-- 1. A decision covering several tenants becomes one row per tenant: the first tenant keeps the row (and
--    its id, which audit rows name); the others get copies in the same request group.
UPDATE "patch_decisions" SET "tenant_id" = ("scope"->'tenantIds'->>0)::uuid, "request_group_id" = "id" WHERE "tenant_id" IS NULL;--> statement-breakpoint
DELETE FROM "patch_decisions" WHERE "tenant_id" IS NULL;--> statement-breakpoint
INSERT INTO "patch_decisions" ("id", "patch_id", "tenant_id", "request_group_id", "kind", "status", "justification", "impact", "scope", "deferred_until", "is_emergency", "emergency_reason", "patch_version", "patch_content_hash", "requested_by", "requested_at", "decided_by", "decided_at", "decision_note", "rule_id")
SELECT gen_random_uuid(), d."patch_id", t.id::uuid, d."id", d."kind", d."status", d."justification", d."impact", d."scope", d."deferred_until", d."is_emergency", d."emergency_reason", d."patch_version", d."patch_content_hash", d."requested_by", d."requested_at", d."decided_by", d."decided_at", d."decision_note", d."rule_id"
FROM "patch_decisions" d CROSS JOIN LATERAL jsonb_array_elements_text(d."scope"->'tenantIds') WITH ORDINALITY AS t(id, n)
WHERE t.n > 1 AND d."request_group_id" = d."id" AND EXISTS (SELECT 1 FROM "tenants" x WHERE x."id" = t.id::uuid);--> statement-breakpoint
UPDATE "patch_decisions" SET "scope" = jsonb_build_object('rings', coalesce("scope"->'rings', '[]'::jsonb));--> statement-breakpoint
-- 2. Each tenant's status: its latest approved decision, or in testing where it has a test run (a run
--    after a reject/defer/revoke reopened the patch); no row = new.
INSERT INTO "patch_tenant_status" ("tenant_id", "patch_id", "status", "deferred_until", "needs_review", "version", "updated_at")
SELECT tp.tenant_id, tp.patch_id,
  CASE
    WHEN last.kind IS NULL THEN 'in_testing'
    WHEN last.kind <> 'authorise' AND run.at IS NOT NULL AND run.at > last.at THEN 'in_testing'
    ELSE CASE last.kind WHEN 'authorise' THEN 'authorised' WHEN 'defer' THEN 'deferred' WHEN 'reject' THEN 'rejected' ELSE 'revoked' END
  END,
  CASE WHEN last.kind = 'defer' AND NOT (run.at IS NOT NULL AND run.at > last.at) THEN last.deferred_until END,
  coalesce(last.kind = 'authorise' AND ps."needs_review", false),
  1,
  coalesce(ps."updated_at", now())
FROM (
  SELECT "tenant_id", "patch_id" FROM "patch_decisions" WHERE "status" = 'approved'
  UNION SELECT "tenant_id", "patch_id" FROM "test_runs"
) tp
LEFT JOIN LATERAL (
  SELECT d."kind", d."deferred_until", coalesce(d."decided_at", d."requested_at") AS at FROM "patch_decisions" d
  WHERE d."tenant_id" = tp.tenant_id AND d."patch_id" = tp.patch_id AND d."status" = 'approved'
  ORDER BY coalesce(d."decided_at", d."requested_at") DESC LIMIT 1
) last ON true
LEFT JOIN LATERAL (SELECT max(r."created_at") AS at FROM "test_runs" r WHERE r."tenant_id" = tp.tenant_id AND r."patch_id" = tp.patch_id) run ON true
LEFT JOIN "patch_status" ps ON ps."patch_id" = tp.patch_id;--> statement-breakpoint
-- 3. Pending requests made against the current state stay approvable (new version); stale ones stay stale.
UPDATE "patch_decisions" d SET "patch_version" = CASE
    WHEN d."patch_version" = coalesce((SELECT ps."version" FROM "patch_status" ps WHERE ps."patch_id" = d."patch_id"), 0)
    THEN coalesce((SELECT s."version" FROM "patch_tenant_status" s WHERE s."tenant_id" = d."tenant_id" AND s."patch_id" = d."patch_id"), 0)
    ELSE -1 END
WHERE d."status" = 'requested';
