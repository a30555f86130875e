CREATE TABLE "patient_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "patient_sessions_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "patient_devices" ADD COLUMN "app_version" text;--> statement-breakpoint
ALTER TABLE "patient_devices" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "patient_devices" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "patient_sessions" ADD CONSTRAINT "patient_sessions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_sessions" ADD CONSTRAINT "patient_sessions_clinic_id_patient_user_id_patient_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_user_id") REFERENCES "public"."patient_users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_sessions_patient_user_id_index" ON "patient_sessions" USING btree ("patient_user_id");