CREATE TYPE "public"."platform_role" AS ENUM('catalogue_admin');--> statement-breakpoint
ALTER TABLE "advisory_sources" DROP CONSTRAINT "advisory_sources_name_unique";--> statement-breakpoint
DROP INDEX "patches_source_vendor";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "platform_role" "platform_role";--> statement-breakpoint
ALTER TABLE "advisory_sources" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "intake_runs" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "patches" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "patches" ADD COLUMN "needs_assessment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "advisory_sources" ADD CONSTRAINT "advisory_sources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_runs" ADD CONSTRAINT "intake_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patches" ADD CONSTRAINT "patches_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_runs_tenant_started" ON "intake_runs" USING btree ("tenant_id","started_at");--> statement-breakpoint
CREATE INDEX "patches_tenant" ON "patches" USING btree ("tenant_id");--> statement-breakpoint
ALTER TABLE "advisory_sources" ADD CONSTRAINT "advisory_sources_scope_name" UNIQUE NULLS NOT DISTINCT("tenant_id","name");--> statement-breakpoint
ALTER TABLE "patches" ADD CONSTRAINT "patches_scope_source_vendor" UNIQUE NULLS NOT DISTINCT("source","vendor_id","tenant_id");