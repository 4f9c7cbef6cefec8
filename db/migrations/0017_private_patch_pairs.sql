-- A tenant's private advisory (patches.tenant_id set) is judged against the shared software lines,
-- but only that tenant's assets inherit its 'fixed' verdicts as `installed`; stored pairs are only
-- ever written for its own tenant (lib/intake/assess.ts).
CREATE OR REPLACE VIEW "applicability_pairs" AS
SELECT c.tenant_id, c.patch_id, c.asset_id, c.state, c.detected_at FROM "applicability" c
UNION ALL
SELECT s.tenant_id, v.patch_id, s.asset_id, 'installed'::text AS state, NULL::timestamptz AS detected_at
FROM "line_verdicts" v
JOIN "installed_software" s ON s.line_id = v.line_id
WHERE v.verdict = 'fixed'
  AND NOT EXISTS (SELECT 1 FROM "applicability" c WHERE c.patch_id = v.patch_id AND c.asset_id = s.asset_id)
  AND NOT EXISTS (SELECT 1 FROM "patches" p WHERE p.id = v.patch_id AND p.tenant_id <> s.tenant_id)
GROUP BY s.tenant_id, v.patch_id, s.asset_id;
--> statement-breakpoint
-- Start-up and the next import look up the patches a crash left unassessed.
CREATE INDEX "patches_needs_assessment" ON "patches" ("id") WHERE "needs_assessment";
