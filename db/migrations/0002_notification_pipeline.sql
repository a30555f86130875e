CREATE TYPE "public"."channel" AS ENUM('whatsapp', 'email', 'sms', 'telegram', 'push', 'web_push', 'in_app');--> statement-breakpoint
CREATE TYPE "public"."event_source" AS ENUM('api', 'app', 'scheduler');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('pending', 'processing', 'processed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."attempt_outcome" AS ENUM('accepted', 'transient_error', 'permanent_error', 'outcome_unknown');--> statement-breakpoint
CREATE TYPE "public"."audience" AS ENUM('patient', 'staff');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'sending', 'sent', 'delivered', 'read', 'failed', 'bounced', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."consent_channel" AS ENUM('sms', 'email', 'whatsapp');--> statement-breakpoint
CREATE TYPE "public"."consent_state" AS ENUM('opted_in', 'opted_out', 'suppressed');--> statement-breakpoint
CREATE TYPE "public"."device_platform" AS ENUM('ios', 'android', 'web');--> statement-breakpoint
CREATE TABLE "clinic_channels" (
	"clinic_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinic_channels_clinic_id_channel_pk" PRIMARY KEY("clinic_id","channel")
);
--> statement-breakpoint
CREATE TABLE "event_channel_defaults" (
	"clinic_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"channels" "channel"[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_channel_defaults_clinic_id_event_type_pk" PRIMARY KEY("clinic_id","event_type")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_keyHash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"event_key" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"source" "event_source" NOT NULL,
	"status" "event_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"decisions" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "events_clinicId_eventKey_unique" UNIQUE("clinic_id","event_key")
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"audience" "audience" NOT NULL,
	"recipient_id" uuid NOT NULL,
	"appointment_id" uuid,
	"channel" "channel" NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"device_id" uuid,
	"status" "delivery_status" NOT NULL,
	"skip_reason" text,
	"decision" jsonb,
	"dedupe_key" text,
	"language" text,
	"template_key" text,
	"subject" text,
	"body" text,
	"segments" integer,
	"provider_message_id" text,
	"provider_error_code" text,
	"provider_error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "delivery_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"outcome" "attempt_outcome",
	"error_code" text,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "delivery_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid,
	"channel" "channel" NOT NULL,
	"receipt_key" text NOT NULL,
	"provider_message_id" text NOT NULL,
	"status" text NOT NULL,
	"error_code" text,
	"error" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"raw" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_receipts_receiptKey_unique" UNIQUE("receipt_key")
);
--> statement-breakpoint
CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"channel" "consent_channel" NOT NULL,
	"address" text NOT NULL,
	"state" "consent_state" NOT NULL,
	"reason" text,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "last_inbound" (
	"clinic_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "last_inbound_clinic_id_channel_address_pk" PRIMARY KEY("clinic_id","channel","address")
);
--> statement-breakpoint
CREATE TABLE "patient_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_user_id" uuid NOT NULL,
	"token" text NOT NULL,
	"platform" "device_platform" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"deactivated_at" timestamp with time zone,
	"deactivation_reason" text,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"deactivated_at" timestamp with time zone,
	"deactivation_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_push_subscriptions_endpoint_unique" UNIQUE("endpoint")
);
--> statement-breakpoint
CREATE TABLE "message_templates" (
	"clinic_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"channel" "channel" NOT NULL,
	"language" "language" NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"whatsapp_template_name" text,
	"whatsapp_parameters" text[],
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_templates_clinic_id_event_type_channel_language_pk" PRIMARY KEY("clinic_id","event_type","channel","language")
);
--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "telegram_chat_id" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "notifications_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "agendas" ADD COLUMN "notify_sms" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "agendas" ADD COLUMN "notify_email" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "agendas" ADD COLUMN "notify_whatsapp" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "agendas" ADD COLUMN "notify_push" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "motifs" ADD COLUMN "notifications_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "clinic_channels" ADD CONSTRAINT "clinic_channels_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_channel_defaults" ADD CONSTRAINT "event_channel_defaults_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_receipts" ADD CONSTRAINT "delivery_receipts_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "last_inbound" ADD CONSTRAINT "last_inbound_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_devices" ADD CONSTRAINT "patient_devices_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_devices" ADD CONSTRAINT "patient_devices_patient_user_id_patient_users_id_fk" FOREIGN KEY ("patient_user_id") REFERENCES "public"."patient_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_push_subscriptions" ADD CONSTRAINT "staff_push_subscriptions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_push_subscriptions" ADD CONSTRAINT "staff_push_subscriptions_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_pending_idx" ON "events" USING btree ("next_attempt_at") WHERE "events"."status" in ('pending', 'processing');--> statement-breakpoint
CREATE INDEX "events_clinic_id_received_at_index" ON "events" USING btree ("clinic_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_once_idx" ON "deliveries" USING btree ("event_id","recipient_id","channel","address");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_dedupe_key_idx" ON "deliveries" USING btree ("clinic_id","dedupe_key") WHERE "deliveries"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "deliveries_clinic_id_created_at_index" ON "deliveries" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_clinic_id_recipient_id_created_at_index" ON "deliveries" USING btree ("clinic_id","recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_channel_provider_message_id_index" ON "deliveries" USING btree ("channel","provider_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_attempts_delivery_id_attempt_index" ON "delivery_attempts" USING btree ("delivery_id","attempt");--> statement-breakpoint
CREATE INDEX "delivery_receipts_delivery_id_index" ON "delivery_receipts" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "consent_records_clinic_id_channel_address_recorded_at_index" ON "consent_records" USING btree ("clinic_id","channel","address","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "patient_devices_clinic_id_token_index" ON "patient_devices" USING btree ("clinic_id","token");--> statement-breakpoint
CREATE INDEX "patient_devices_clinic_id_patient_user_id_index" ON "patient_devices" USING btree ("clinic_id","patient_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_notifications_event_id_staff_user_id_index" ON "staff_notifications" USING btree ("event_id","staff_user_id");--> statement-breakpoint
CREATE INDEX "staff_notifications_staff_user_id_created_at_index" ON "staff_notifications" USING btree ("staff_user_id","created_at");--> statement-breakpoint
CREATE INDEX "staff_push_subscriptions_staff_user_id_index" ON "staff_push_subscriptions" USING btree ("staff_user_id");