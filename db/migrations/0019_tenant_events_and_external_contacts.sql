ALTER TABLE "notifications" ALTER COLUMN "recipient_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "change_events" ALTER COLUMN "change_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "recipient_email" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_has_recipient" CHECK ("notifications"."recipient_id" is not null or "notifications"."recipient_email" is not null);