CREATE TABLE "staff_alert_preferences" (
	"clinic_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"in_app" boolean DEFAULT true NOT NULL,
	"web_push" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_alert_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"type" text NOT NULL,
	"roles" jsonb NOT NULL,
	"named_doctor" boolean NOT NULL,
	"staff_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_alert_preferences" ADD CONSTRAINT "staff_alert_preferences_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_alert_preferences" ADD CONSTRAINT "staff_alert_preferences_clinic_id_staff_user_id_staff_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","staff_user_id") REFERENCES "public"."staff_users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_alert_routes" ADD CONSTRAINT "staff_alert_routes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_alert_preferences_staff_user_id_type_index" ON "staff_alert_preferences" USING btree ("staff_user_id","type");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_alert_routes_clinic_id_type_index" ON "staff_alert_routes" USING btree ("clinic_id","type");