CREATE TYPE "public"."severity" AS ENUM('critical', 'high', 'medium', 'low', 'none');--> statement-breakpoint
CREATE TABLE "advisory_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"connector" text NOT NULL,
	"config" jsonb NOT NULL,
	"poll_minutes" integer,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advisory_sources_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "applicability" (
	"tenant_id" uuid NOT NULL,
	"patch_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"state" text NOT NULL,
	"packages" jsonb NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applicability_patch_id_asset_id_pk" PRIMARY KEY("patch_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "intake_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid,
	"actor_id" uuid,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kev_entries" (
	"cve" text PRIMARY KEY NOT NULL,
	"date_added" date NOT NULL,
	"due_date" date NOT NULL,
	"known_ransomware" boolean NOT NULL,
	"vendor_project" text NOT NULL,
	"product" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"patch_id" uuid,
	"channel" text DEFAULT 'in-app' NOT NULL,
	"sent_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patch_fixes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "patch_fixes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"patch_id" uuid NOT NULL,
	"ecosystem" "package_ecosystem" NOT NULL,
	"distro" text,
	"package_name" text NOT NULL,
	"name_kind" text NOT NULL,
	"fixed_version" text,
	"introduced" text,
	"last_affected" text,
	"ranges" jsonb,
	"affected_versions" text[],
	"arch" text,
	"kb" text,
	"product_ids" text[],
	"fixed_key" "bytea",
	"introduced_key" "bytea",
	"last_affected_key" "bytea",
	"fixed_key_no_epoch" "bytea",
	"introduced_key_no_epoch" "bytea",
	"last_affected_key_no_epoch" "bytea",
	"version_error" text
);
--> statement-breakpoint
CREATE TABLE "patch_revisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "patch_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"patch_id" uuid NOT NULL,
	"revision" text,
	"revised" timestamp with time zone,
	"content_hash" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"vendor_id" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"cves" text[] NOT NULL,
	"severity" "severity" NOT NULL,
	"vendor_severity" text,
	"cvss" jsonb NOT NULL,
	"cvss_score" real,
	"is_kev" boolean DEFAULT false NOT NULL,
	"kev_date_added" date,
	"kev_due_date" date,
	"epss" real,
	"published" timestamp with time zone,
	"revised" timestamp with time zone,
	"revision" text,
	"references" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blackouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"scope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"def" jsonb NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_policies" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
DROP INDEX "installed_software_pkg";--> statement-breakpoint
ALTER TABLE "installed_software" ADD COLUMN "match_name" text NOT NULL;--> statement-breakpoint
ALTER TABLE "installed_software" ADD COLUMN "match_version" text NOT NULL;--> statement-breakpoint
ALTER TABLE "installed_software" ADD COLUMN "match_key" "bytea";--> statement-breakpoint
ALTER TABLE "installed_software" ADD COLUMN "epoch_known" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "applicability" ADD CONSTRAINT "applicability_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicability" ADD CONSTRAINT "applicability_patch_id_patches_id_fk" FOREIGN KEY ("patch_id") REFERENCES "public"."patches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicability" ADD CONSTRAINT "applicability_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_runs" ADD CONSTRAINT "intake_runs_source_id_advisory_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."advisory_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_runs" ADD CONSTRAINT "intake_runs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_patch_id_patches_id_fk" FOREIGN KEY ("patch_id") REFERENCES "public"."patches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patch_fixes" ADD CONSTRAINT "patch_fixes_patch_id_patches_id_fk" FOREIGN KEY ("patch_id") REFERENCES "public"."patches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patch_revisions" ADD CONSTRAINT "patch_revisions_patch_id_patches_id_fk" FOREIGN KEY ("patch_id") REFERENCES "public"."patches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blackouts" ADD CONSTRAINT "blackouts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_policies" ADD CONSTRAINT "tenant_policies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_policies" ADD CONSTRAINT "tenant_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applicability_tenant_state" ON "applicability" USING btree ("tenant_id","state");--> statement-breakpoint
CREATE INDEX "applicability_asset" ON "applicability" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "intake_runs_started" ON "intake_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "notifications_recipient" ON "notifications" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "patch_fixes_pkg" ON "patch_fixes" USING btree ("ecosystem","package_name");--> statement-breakpoint
CREATE INDEX "patch_fixes_patch" ON "patch_fixes" USING btree ("patch_id");--> statement-breakpoint
CREATE INDEX "patch_revisions_patch" ON "patch_revisions" USING btree ("patch_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "patches_source_vendor" ON "patches" USING btree ("source","vendor_id");--> statement-breakpoint
CREATE INDEX "patches_severity" ON "patches" USING btree ("severity");--> statement-breakpoint
CREATE INDEX "patches_published" ON "patches" USING btree ("published");--> statement-breakpoint
CREATE INDEX "blackouts_tenant_time" ON "blackouts" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "maintenance_windows_tenant_name" ON "maintenance_windows" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "installed_software_match" ON "installed_software" USING btree ("ecosystem","match_name");