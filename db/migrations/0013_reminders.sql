ALTER TABLE "appointments" ADD CONSTRAINT "appointments_clinicId_id_unique" UNIQUE("clinic_id","id");--> statement-breakpoint
CREATE TYPE "public"."reminder_status" AS ENUM('scheduled', 'sent', 'skipped', 'cancelled');--> statement-breakpoint
CREATE TABLE "reminder_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"agenda_id" uuid,
	"motif_id" uuid,
	"steps" jsonb NOT NULL,
	"quiet_starts_at" smallint DEFAULT 1260 NOT NULL,
	"quiet_ends_at" smallint DEFAULT 480 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_rules_scope" UNIQUE NULLS NOT DISTINCT("clinic_id","agenda_id","motif_id")
);
--> statement-breakpoint
CREATE TABLE "scheduled_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"offset_minutes" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"deferred_from" timestamp with time zone,
	"status" "reminder_status" DEFAULT 'scheduled' NOT NULL,
	"reason" text,
	"event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_reminders_appointmentId_offsetMinutes_unique" UNIQUE("appointment_id","offset_minutes")
);
--> statement-breakpoint
ALTER TABLE "reminder_rules" ADD CONSTRAINT "reminder_rules_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_rules" ADD CONSTRAINT "reminder_rules_clinic_id_agenda_id_agendas_clinic_id_id_fk" FOREIGN KEY ("clinic_id","agenda_id") REFERENCES "public"."agendas"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_rules" ADD CONSTRAINT "reminder_rules_clinic_id_motif_id_motifs_clinic_id_id_fk" FOREIGN KEY ("clinic_id","motif_id") REFERENCES "public"."motifs"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_reminders" ADD CONSTRAINT "scheduled_reminders_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_reminders" ADD CONSTRAINT "scheduled_reminders_clinic_id_appointment_id_appointments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheduled_reminders_due" ON "scheduled_reminders" USING btree ("due_at") WHERE "scheduled_reminders"."status" = 'scheduled';