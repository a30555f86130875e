CREATE TYPE "public"."import_kind" AS ENUM('patients', 'appointments');--> statement-breakpoint
ALTER TABLE "patient_imports" ADD COLUMN "kind" "import_kind" DEFAULT 'patients' NOT NULL;