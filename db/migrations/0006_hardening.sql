-- Composite clinic keys need (clinic_id, id) unique on conversations and messages first.
CREATE TABLE "poison_webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"body_sha256" text NOT NULL,
	"problems" jsonb NOT NULL,
	"body" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_clinicId_id_unique" UNIQUE("clinic_id","id");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_clinicId_id_unique" UNIQUE("clinic_id","id");--> statement-breakpoint
ALTER TABLE "poison_webhooks" ADD CONSTRAINT "poison_webhooks_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "poison_webhooks_clinic_id_provider_body_sha256_index" ON "poison_webhooks" USING btree ("clinic_id","provider","body_sha256");--> statement-breakpoint
ALTER TABLE "patient_devices" ADD CONSTRAINT "patient_devices_clinic_id_patient_user_id_patient_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_user_id") REFERENCES "public"."patient_users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_clinic_id_staff_user_id_staff_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","staff_user_id") REFERENCES "public"."staff_users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_push_subscriptions" ADD CONSTRAINT "staff_push_subscriptions_clinic_id_staff_user_id_staff_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","staff_user_id") REFERENCES "public"."staff_users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_clinic_id_message_id_messages_clinic_id_id_fk" FOREIGN KEY ("clinic_id","message_id") REFERENCES "public"."messages"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_clinic_id_uploaded_by_staff_id_staff_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","uploaded_by_staff_id") REFERENCES "public"."staff_users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_clinic_id_started_by_staff_id_staff_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","started_by_staff_id") REFERENCES "public"."staff_users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_clinic_id_conversation_id_conversations_clinic_id_id_fk" FOREIGN KEY ("clinic_id","conversation_id") REFERENCES "public"."conversations"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_clinic_id_author_staff_id_staff_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","author_staff_id") REFERENCES "public"."staff_users"("clinic_id","id") ON DELETE no action ON UPDATE no action;
