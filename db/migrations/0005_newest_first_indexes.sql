DROP INDEX "conversations_list_idx";--> statement-breakpoint
DROP INDEX "conversations_status_idx";--> statement-breakpoint
DROP INDEX "messages_thread_idx";--> statement-breakpoint
CREATE INDEX "conversations_list_idx" ON "conversations" USING btree ("clinic_id","last_message_at","id");--> statement-breakpoint
CREATE INDEX "conversations_status_idx" ON "conversations" USING btree ("clinic_id","status","last_message_at","id");--> statement-breakpoint
CREATE INDEX "messages_thread_idx" ON "messages" USING btree ("conversation_id","created_at","id");