CREATE TYPE "public"."reminder_backup_status" AS ENUM('waiting', 'sent', 'not_needed', 'skipped');--> statement-breakpoint
ALTER TABLE "scheduled_reminders" ADD COLUMN "channels" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduled_reminders" ADD COLUMN "backup" jsonb;--> statement-breakpoint
ALTER TABLE "scheduled_reminders" ADD COLUMN "backup_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scheduled_reminders" ADD COLUMN "backup_status" "reminder_backup_status";--> statement-breakpoint
ALTER TABLE "scheduled_reminders" ADD COLUMN "backup_reason" text;--> statement-breakpoint
ALTER TABLE "scheduled_reminders" ADD COLUMN "backup_event_id" uuid;--> statement-breakpoint
CREATE INDEX "scheduled_reminders_backup_due" ON "scheduled_reminders" USING btree ("backup_due_at") WHERE "scheduled_reminders"."backup_status" = 'waiting';