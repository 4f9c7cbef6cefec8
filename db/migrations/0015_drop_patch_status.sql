ALTER TABLE "patch_status" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "patch_status" CASCADE;--> statement-breakpoint
ALTER TABLE "patch_decisions" ALTER COLUMN "tenant_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "patch_decisions" ALTER COLUMN "request_group_id" SET NOT NULL;