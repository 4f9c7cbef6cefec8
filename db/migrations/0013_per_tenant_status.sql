CREATE TABLE "patch_tenant_status" (
	"tenant_id" uuid NOT NULL,
	"patch_id" uuid NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"deferred_until" date,
	"needs_review" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patch_tenant_status_tenant_id_patch_id_pk" PRIMARY KEY("tenant_id","patch_id")
);
--> statement-breakpoint
ALTER TABLE "patch_decisions" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "patch_decisions" ADD COLUMN "request_group_id" uuid;--> statement-breakpoint
ALTER TABLE "patch_tenant_status" ADD CONSTRAINT "patch_tenant_status_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patch_tenant_status" ADD CONSTRAINT "patch_tenant_status_patch_id_patches_id_fk" FOREIGN KEY ("patch_id") REFERENCES "public"."patches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patch_tenant_status_patch" ON "patch_tenant_status" USING btree ("patch_id");--> statement-breakpoint
CREATE INDEX "patch_tenant_status_status" ON "patch_tenant_status" USING btree ("tenant_id","status");--> statement-breakpoint
ALTER TABLE "patch_decisions" ADD CONSTRAINT "patch_decisions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patch_decisions_tenant" ON "patch_decisions" USING btree ("tenant_id","patch_id","requested_at");