-- Patient search folds ligatures, apostrophes and hyphens and covers the patient number and the
-- landline. Dropping the generated column drops its trigram index, so it is built again.
ALTER TABLE "patients" drop column "search_text";--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "search_text" text GENERATED ALWAYS AS (replace(replace(translate(lower("patients"."first_name" || ' ' || "patients"."last_name" || ' ' || coalesce("patients"."email", '') || ' ' || coalesce("patients"."phone", '') || ' ' || coalesce("patients"."landline", '') || ' ' || coalesce("patients"."external_id", '')), 'àâäáãåçéèêëíìîïñóòôöõøúùûüýÿ''’ʼ`-‐‑–', 'aaaaaaceeeeiiiinoooooouuuuyy'), 'œ', 'oe'), 'æ', 'ae')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "patients_search_text_trgm" ON "patients" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
-- A finer sample of search_text, so the planner sees that a family name shared by a few hundred
-- patients is rare enough for the trigram index rather than a walk of the name-ordered one.
ALTER TABLE "patients" ALTER COLUMN "search_text" SET STATISTICS 1000;
