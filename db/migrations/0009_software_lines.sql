CREATE TABLE "software_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "software_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"ecosystem" "package_ecosystem" NOT NULL,
	"distro" text DEFAULT '' NOT NULL,
	"match_name" text NOT NULL,
	"match_version" text NOT NULL,
	"match_key" "bytea",
	"epoch_known" boolean NOT NULL,
	"arch" text DEFAULT '' NOT NULL,
	"judged" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "line_verdicts" (
	"line_id" integer NOT NULL,
	"patch_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	CONSTRAINT "line_verdicts_line_id_patch_id_pk" PRIMARY KEY("line_id","patch_id")
);
--> statement-breakpoint
DROP INDEX "installed_software_match";--> statement-breakpoint
ALTER TABLE "installed_software" ADD COLUMN "line_id" integer;--> statement-breakpoint
-- Backfill: one line per distinct (ecosystem, name, distro, version, arch, epoch_known) installed.
INSERT INTO "software_lines" ("ecosystem", "distro", "match_name", "match_version", "match_key", "epoch_known", "arch")
SELECT DISTINCT ON (s.ecosystem, s.match_name, coalesce(pw_distro(a.os_family, a.os_release), ''), s.match_version, coalesce(s.arch, ''), s.epoch_known)
       s.ecosystem, coalesce(pw_distro(a.os_family, a.os_release), ''), s.match_name, s.match_version, s.match_key, s.epoch_known, coalesce(s.arch, '')
FROM "installed_software" s JOIN "assets" a ON a.id = s.asset_id;--> statement-breakpoint
UPDATE "installed_software" s SET "line_id" = l.id
FROM "assets" a, "software_lines" l
WHERE a.id = s.asset_id AND l.ecosystem = s.ecosystem AND l.match_name = s.match_name
  AND l.distro = coalesce(pw_distro(a.os_family, a.os_release), '') AND l.match_version = s.match_version
  AND l.arch = coalesce(s.arch, '') AND l.epoch_known = s.epoch_known;--> statement-breakpoint
ALTER TABLE "installed_software" ALTER COLUMN "line_id" SET NOT NULL;--> statement-breakpoint
-- `installed` is derived from line verdicts from now on; the verdicts are built at the next start
-- (db/server.ts judgePendingLines: every backfilled line is pending).
DELETE FROM "applicability" WHERE "state" = 'installed';--> statement-breakpoint
ALTER TABLE "line_verdicts" ADD CONSTRAINT "line_verdicts_line_id_software_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."software_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_verdicts" ADD CONSTRAINT "line_verdicts_patch_id_patches_id_fk" FOREIGN KEY ("patch_id") REFERENCES "public"."patches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "software_lines_pending" ON "software_lines" USING btree ("id") WHERE not judged;--> statement-breakpoint
CREATE UNIQUE INDEX "software_lines_identity" ON "software_lines" USING btree ("ecosystem","match_name","distro","match_version","arch","epoch_known");--> statement-breakpoint
CREATE INDEX "line_verdicts_patch" ON "line_verdicts" USING btree ("patch_id","verdict");--> statement-breakpoint
CREATE INDEX "installed_software_line" ON "installed_software" USING btree ("line_id","asset_id");;--> statement-breakpoint
-- Every patch × asset pair with a state: the stored rows, plus `installed` derived from 'fixed' line
-- verdicts for assets without a stored row. Queries filter by patch or asset; the filters reach both
-- branches (they are grouping columns), so one patch or one asset reads only its own index ranges.
CREATE VIEW "applicability_pairs" AS
SELECT c.tenant_id, c.patch_id, c.asset_id, c.state, c.detected_at FROM "applicability" c
UNION ALL
SELECT s.tenant_id, v.patch_id, s.asset_id, 'installed'::text AS state, NULL::timestamptz AS detected_at
FROM "line_verdicts" v
JOIN "installed_software" s ON s.line_id = v.line_id
WHERE v.verdict = 'fixed'
  AND NOT EXISTS (SELECT 1 FROM "applicability" c WHERE c.patch_id = v.patch_id AND c.asset_id = s.asset_id)
GROUP BY s.tenant_id, v.patch_id, s.asset_id;
