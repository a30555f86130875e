CREATE TABLE "agenda_motifs" (
	"clinic_id" uuid NOT NULL,
	"agenda_id" uuid NOT NULL,
	"motif_id" uuid NOT NULL,
	CONSTRAINT "agenda_motifs_agenda_id_motif_id_pk" PRIMARY KEY("agenda_id","motif_id")
);
--> statement-breakpoint
CREATE TABLE "closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"agenda_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closures_dates" CHECK ("closures"."starts_on" <= "closures"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "opening_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"agenda_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"opens_at" smallint NOT NULL,
	"closes_at" smallint NOT NULL,
	CONSTRAINT "opening_hours_weekday" CHECK ("opening_hours"."weekday" between 1 and 7),
	CONSTRAINT "opening_hours_times" CHECK ("opening_hours"."opens_at" >= 0 and "opening_hours"."opens_at" < "opening_hours"."closes_at" and "opening_hours"."closes_at" <= 1440)
);
--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "landline" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "postal_address" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "preferred_channel" "channel";--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "agendas" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "motifs" ADD COLUMN "colour" text DEFAULT '#0e7490' NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_motifs" ADD CONSTRAINT "agenda_motifs_clinic_id_agenda_id_agendas_clinic_id_id_fk" FOREIGN KEY ("clinic_id","agenda_id") REFERENCES "public"."agendas"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_motifs" ADD CONSTRAINT "agenda_motifs_clinic_id_motif_id_motifs_clinic_id_id_fk" FOREIGN KEY ("clinic_id","motif_id") REFERENCES "public"."motifs"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_clinic_id_agenda_id_agendas_clinic_id_id_fk" FOREIGN KEY ("clinic_id","agenda_id") REFERENCES "public"."agendas"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_clinic_id_agenda_id_agendas_clinic_id_id_fk" FOREIGN KEY ("clinic_id","agenda_id") REFERENCES "public"."agendas"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closures_clinic_id_starts_on_index" ON "closures" USING btree ("clinic_id","starts_on");--> statement-breakpoint
CREATE INDEX "opening_hours_clinic_id_agenda_id_index" ON "opening_hours" USING btree ("clinic_id","agenda_id");--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinicId_externalId_unique" UNIQUE("clinic_id","external_id");--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
-- Two appointments that are not cancelled never overlap on one agenda: the database decides
-- which of two simultaneous bookings wins (the other gets 23P01, answered 409). Existing
-- overlaps are not moved or cancelled behind anyone's back: the migration stops and says so.
DO $$
DECLARE overlapping integer;
BEGIN
  SELECT count(*) INTO overlapping
  FROM "appointments" a JOIN "appointments" b
    ON a."agenda_id" = b."agenda_id" AND a."id" < b."id"
   AND a."status" <> 'cancelled' AND b."status" <> 'cancelled'
   AND tstzrange(a."starts_at", a."ends_at") && tstzrange(b."starts_at", b."ends_at");
  IF overlapping > 0 THEN
    RAISE EXCEPTION '% pairs of appointments overlap on one agenda; move or cancel one of each pair before migrating (a local demo database: delete .data/ and start again)', overlapping;
  END IF;
END $$;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap" EXCLUDE USING gist ("agenda_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" <> 'cancelled');
