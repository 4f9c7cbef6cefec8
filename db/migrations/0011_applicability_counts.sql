CREATE TABLE "applicability_counts" (
	"patch_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"state" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "applicability_counts_patch_id_tenant_id_state_pk" PRIMARY KEY("patch_id","tenant_id","state")
);
--> statement-breakpoint
ALTER TABLE "applicability_counts" ADD CONSTRAINT "applicability_counts_patch_id_patches_id_fk" FOREIGN KEY ("patch_id") REFERENCES "public"."patches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicability_counts" ADD CONSTRAINT "applicability_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applicability_counts_tenant" ON "applicability_counts" USING btree ("tenant_id","state");--> statement-breakpoint
-- Counts per patch × tenant × state, kept by statement-level triggers with transition tables: every
-- writer of applicability (the assessment, later workflows) keeps them exact in the same
-- transaction, and lists read a few rows per patch instead of aggregating millions of pairs.
INSERT INTO "applicability_counts" ("patch_id", "tenant_id", "state", "n")
SELECT patch_id, tenant_id, state, count(*)::int FROM "applicability" GROUP BY 1, 2, 3;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pw_applicability_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO applicability_counts AS c (patch_id, tenant_id, state, n)
  SELECT n.patch_id, n.tenant_id, n.state, count(*)::int FROM new_rows n JOIN patches p ON p.id = n.patch_id GROUP BY 1, 2, 3
  ON CONFLICT (patch_id, tenant_id, state) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pw_applicability_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE applicability_counts c SET n = c.n - d.n
  FROM (SELECT patch_id, tenant_id, state, count(*)::int AS n FROM old_rows GROUP BY 1, 2, 3) d
  WHERE c.patch_id = d.patch_id AND c.tenant_id = d.tenant_id AND c.state = d.state;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pw_applicability_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO applicability_counts AS c (patch_id, tenant_id, state, n)
  SELECT x.patch_id, x.tenant_id, x.state, sum(x.d)::int
  FROM (SELECT patch_id, tenant_id, state, 1 AS d FROM new_rows UNION ALL SELECT patch_id, tenant_id, state, -1 FROM old_rows) x
  JOIN patches p ON p.id = x.patch_id
  GROUP BY 1, 2, 3
  ON CONFLICT (patch_id, tenant_id, state) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER applicability_count_insert AFTER INSERT ON "applicability" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pw_applicability_count_insert();--> statement-breakpoint
CREATE TRIGGER applicability_count_delete AFTER DELETE ON "applicability" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pw_applicability_count_delete();--> statement-breakpoint
CREATE TRIGGER applicability_count_update AFTER UPDATE ON "applicability" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pw_applicability_count_update();
