CREATE TYPE "public"."language" AS ENUM('en', 'fr');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('admin', 'receptionist', 'doctor', 'lab', 'billing', 'finance', 'accounts', 'support');--> statement-breakpoint
CREATE TYPE "public"."household_relationship" AS ENUM('self', 'child', 'parent', 'spouse', 'other');--> statement-breakpoint
CREATE TYPE "public"."appointment_status" AS ENUM('pending_approval', 'confirmed', 'in_waiting_room', 'seen', 'completed', 'no_show', 'excused_absence', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."booked_by" AS ENUM('practice', 'patient_online');--> statement-breakpoint
CREATE TABLE "clinics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"country" char(2) NOT NULL,
	"default_language" "language" DEFAULT 'en' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinics_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"permissions" text[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"failed_sign_ins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_users_email_unique" UNIQUE("email"),
	CONSTRAINT "staff_users_clinicId_id_unique" UNIQUE("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "patient_user_profiles" (
	"clinic_id" uuid NOT NULL,
	"patient_user_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"relationship" "household_relationship" NOT NULL,
	"approved" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_user_profiles_patient_user_id_patient_id_pk" PRIMARY KEY("patient_user_id","patient_id")
);
--> statement-breakpoint
CREATE TABLE "patient_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_users_clinicId_email_unique" UNIQUE("clinic_id","email"),
	CONSTRAINT "patient_users_clinicId_id_unique" UNIQUE("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"phone" text,
	"email" text,
	"language" "language" DEFAULT 'en' NOT NULL,
	"date_of_birth" date,
	"search_text" text GENERATED ALWAYS AS (translate(lower("patients"."first_name" || ' ' || "patients"."last_name" || ' ' || coalesce("patients"."email", '') || ' ' || coalesce("patients"."phone", '')), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy')) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patients_clinicId_id_unique" UNIQUE("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "agendas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"doctor_id" uuid,
	"allow_patient_scheduling" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agendas_clinicId_id_unique" UNIQUE("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"agenda_id" uuid NOT NULL,
	"motif_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"booking_reference" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "appointment_status" NOT NULL,
	"booked_by" "booked_by" DEFAULT 'practice' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancellation_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_clinicId_bookingReference_unique" UNIQUE("clinic_id","booking_reference")
);
--> statement-breakpoint
CREATE TABLE "motifs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"duration_minutes" integer DEFAULT 20 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "motifs_clinicId_id_unique" UNIQUE("clinic_id","id")
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_user_profiles" ADD CONSTRAINT "patient_user_profiles_clinic_id_patient_user_id_patient_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_user_id") REFERENCES "public"."patient_users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_user_profiles" ADD CONSTRAINT "patient_user_profiles_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_users" ADD CONSTRAINT "patient_users_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agendas" ADD CONSTRAINT "agendas_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agendas" ADD CONSTRAINT "agendas_clinic_id_doctor_id_staff_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","doctor_id") REFERENCES "public"."staff_users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_clinic_id_agenda_id_agendas_clinic_id_id_fk" FOREIGN KEY ("clinic_id","agenda_id") REFERENCES "public"."agendas"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_clinic_id_motif_id_motifs_clinic_id_id_fk" FOREIGN KEY ("clinic_id","motif_id") REFERENCES "public"."motifs"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motifs" ADD CONSTRAINT "motifs_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_users_clinic_id_role_index" ON "staff_users" USING btree ("clinic_id","role");--> statement-breakpoint
CREATE INDEX "patient_user_profiles_clinic_id_patient_id_index" ON "patient_user_profiles" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "patients_clinic_id_last_name_first_name_index" ON "patients" USING btree ("clinic_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "patients_clinic_id_phone_index" ON "patients" USING btree ("clinic_id","phone");--> statement-breakpoint
CREATE INDEX "patients_clinic_id_email_index" ON "patients" USING btree ("clinic_id","email");--> statement-breakpoint
CREATE INDEX "patients_search_text_trgm" ON "patients" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "appointments_clinic_id_starts_at_index" ON "appointments" USING btree ("clinic_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_clinic_id_patient_id_starts_at_index" ON "appointments" USING btree ("clinic_id","patient_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_clinic_id_agenda_id_starts_at_index" ON "appointments" USING btree ("clinic_id","agenda_id","starts_at");