import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, id, instant } from "./columns";
import { staffUsers } from "./staff";

export const importStatusEnum = pgEnum("import_status", ["uploaded", "running", "done", "failed"]);
// What the file holds: patients, or future appointments of patients already imported.
export const importKindEnum = pgEnum("import_kind", ["patients", "appointments"]);

// A CSV of patients from the clinic's previous software: the file (in the file store), how it
// was read, and the run's progress and counts, which the import page polls.
export const patientImports = pgTable(
  "patient_imports",
  {
    id: id(),
    clinicId: clinicRef(),
    staffUserId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    fileName: text().notNull(),
    storageKey: text().notNull(),
    sizeBytes: integer().notNull(),
    encoding: text().notNull(),
    delimiter: text().notNull(),
    kind: importKindEnum().notNull().default("patients"),
    // Patient field → column number, as used for the run.
    mapping: jsonb().$type<Record<string, number>>(),
    status: importStatusEnum().notNull().default("uploaded"),
    processed: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    skipped: integer().notNull().default(0),
    failure: text(),
    createdAt: createdAt(),
    finishedAt: instant(),
  },
  (t) => [index().on(t.clinicId, t.createdAt)],
);

// Each row the import skipped, with its line in the file and why: the downloadable report.
export const patientImportErrors = pgTable(
  "patient_import_errors",
  {
    importId: uuid()
      .notNull()
      .references(() => patientImports.id, { onDelete: "cascade" }),
    line: integer().notNull(),
    reason: text().notNull(),
    // The row as the file has it (cut at 300 characters), beside its line in the report.
    content: text().notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

// The column mapping a clinic used last, offered again for its next file.
export const importMappings = pgTable("import_mappings", {
  clinicId: clinicRef().primaryKey(),
  // Patient field → header text (headers, not positions: the next export may reorder them).
  mapping: jsonb().$type<Record<string, string>>().notNull(),
  updatedAt: createdAt(),
});

export type PatientImport = typeof patientImports.$inferSelect;
