import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { excluded } from "@/db/excluded";
import { importMappings, patientImportErrors, patientImports, patients, type PatientImport } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { ConflictError, InvalidInputError } from "@/lib/errors/app-errors";
import { describeError, logError } from "@/lib/errors/log-error";
import { fileStore } from "@/lib/storage/file-store";
import { csvRecords } from "./csv-records";
import type { CsvEncoding } from "./detect";
import { appointmentBooker } from "./import-appointments";
import { appointmentMappingSchema, rowToAppointment, type AppointmentMapping } from "./row-to-appointment";
import { importMappingSchema, rowToPatient, type ImportedPatient, type ImportMapping } from "./row-to-patient";
import { getImport, importHeaders, publicImport } from "./upload-import";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;

const BATCH = 500;
// Appointments are booked one by one: the page's progress moves every so many rows.
const PROGRESS_EVERY = 100;
const DRY_RUN_ERRORS = 100;

// content: the skipped row as the file has it, shown beside its line and reason.
export type ImportError = { line: number; reason: string; content: string };
export type ImportTally = { rows: number; created: number; updated: number; skipped: number; errors: ImportError[] };

const CONTENT_CHARS = 300;
const rowContent = (record: string[], delimiter: string) => {
  const text = record.join(delimiter === "\t" ? " | " : `${delimiter} `);
  return text.length > CONTENT_CHARS ? `${text.slice(0, CONTENT_CHARS)}…` : text;
};

// Optional fields an empty cell leaves as they are: a re-import of a thinner export does not
// erase what the clinic has since added.
const keep = (column: string) => sql.raw(`coalesce(excluded."${column}", "patients"."${column}")`);

// A batch written in one statement per kind of row, updating by the clinic's patient number;
// `xmax = 0` tells a row just inserted from one updated. A row without a language gets the
// clinic's when it is new (a French clinic's patients hear French) and keeps its own when it
// is updated; a row with one sets it.
async function upsert(ctx: Ctx, batch: ImportedPatient[]) {
  const said = batch.filter((p) => p.language);
  const unsaid = batch.filter((p) => !p.language);
  const a = said.length ? await upsertRows(ctx, said, true) : { created: 0, updated: 0 };
  const b = unsaid.length ? await upsertRows(ctx, unsaid, false) : { created: 0, updated: 0 };
  return { created: a.created + b.created, updated: a.updated + b.updated };
}

async function upsertRows(ctx: Ctx, batch: ImportedPatient[], setsLanguage: boolean) {
  const rows = await ctx.db
    .insert(patients)
    .values(batch.map((p) => ({ clinicId: ctx.clinicId, ...p, language: p.language ?? ctx.clinic.defaultLanguage })))
    .onConflictDoUpdate({
      target: [patients.clinicId, patients.externalId],
      set: {
        firstName: excluded("first_name"),
        lastName: excluded("last_name"),
        dateOfBirth: keep("date_of_birth"),
        phone: keep("phone"),
        landline: keep("landline"),
        email: keep("email"),
        postalAddress: keep("postal_address"),
        language: setsLanguage ? excluded("language") : sql.raw(`"patients"."language"`),
        updatedAt: sql`now()`,
      },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created };
}

export type AnyMapping = Record<string, number | undefined>;

// The mapping checked against what the file holds: patients need their number and names,
// appointments their patient number, agenda, visit reason and date.
function checkedMapping(kind: "patients" | "appointments", mapping: AnyMapping) {
  const parsed = (kind === "appointments" ? appointmentMappingSchema : importMappingSchema).safeParse(mapping);
  if (!parsed.success) throw new InvalidInputError("Invalid column mapping.", { mapping: [parsed.error.issues[0].message] });
  return parsed.data;
}

// Reads the whole file as it streams: each row becomes a patient (or, for a file of
// appointments, a booking) or a reason with its line. A dry run writes nothing and answers the
// first errors; a run writes patients in batches of 500 and books appointments row by row,
// keeps every error for the report and its progress on the import row.
export async function processImport(
  ctx: Ctx,
  importId: string,
  anyMapping: AnyMapping,
  options: { dryRun: boolean },
  now: Date,
): Promise<ImportTally> {
  const row = await getImport(ctx, importId);
  const mapping = checkedMapping(row.kind, anyMapping);
  if (row.kind === "patients" || !options.dryRun) return processRows(ctx, row, mapping, options, now);
  // A dry run of appointments books them all in one transaction (each row in a savepoint of
  // its own), then rolls it back: two rows of the file on the same time are found as a run
  // would find them.
  let tally: ImportTally | undefined;
  await ctx.db
    .transaction(async (tx) => {
      tally = await processRows({ ...ctx, db: tx }, row, mapping, options, now);
      throw new DryRunRollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof DryRunRollback)) throw error;
    });
  return tally!;
}

class DryRunRollback extends Error {}

async function processRows(
  ctx: Ctx,
  row: PatientImport,
  mapping: ImportMapping | AppointmentMapping,
  options: { dryRun: boolean },
  now: Date,
): Promise<ImportTally> {
  const importId = row.id;
  const book = row.kind === "appointments" ? await appointmentBooker(ctx, now) : null;
  const today = now.toISOString().slice(0, 10);
  const tally: ImportTally = { rows: 0, created: 0, updated: 0, skipped: 0, errors: [] };
  const seen = new Map<string, number>();
  let batch: ImportedPatient[] = [];
  let failures: ImportError[] = [];

  const flush = async () => {
    if (!options.dryRun) {
      if (batch.length) {
        const { created, updated } = await upsert(ctx, batch);
        tally.created += created;
        tally.updated += updated;
      }
      if (failures.length)
        await ctx.db
          .insert(patientImportErrors)
          .values(failures.map((f) => ({ importId, ...f })))
          .onConflictDoNothing();
      await ctx.db
        .update(patientImports)
        .set({ processed: tally.rows, created: tally.created, updated: tally.updated, skipped: tally.skipped })
        .where(eq(patientImports.id, importId));
    }
    batch = [];
    failures = [];
  };
  const fail = (line: number, reason: string, record: string[]) => {
    tally.skipped++;
    const error = { line, reason, content: rowContent(record, row.delimiter) };
    if (!options.dryRun || tally.errors.length < DRY_RUN_ERRORS) tally.errors.push(error);
    if (!options.dryRun) failures.push(error);
  };

  let header = true;
  for await (const { line, record } of csvRecords(
    fileStore().stream(row.storageKey) as AsyncIterable<Buffer>,
    row.encoding as CsvEncoding,
    row.delimiter,
  )) {
    if (header) {
      header = false;
      continue;
    }
    tally.rows++;
    if (book) {
      const read = rowToAppointment(record, mapping as AppointmentMapping, ctx.clinic.country);
      const booked = read.ok ? await book(read.appointment) : read;
      if ("reason" in booked) fail(line, booked.reason, record);
      else if (booked.outcome === "booked") tally.created++;
      else tally.updated++;
      if (tally.rows % PROGRESS_EVERY === 0 || failures.length >= BATCH) await flush();
      continue;
    }
    const result = rowToPatient(record, mapping as ImportMapping, ctx.clinic.country, today);
    if (!result.ok) fail(line, result.reason, record);
    else if (seen.has(result.patient.externalId))
      fail(
        line,
        `patient number "${result.patient.externalId.slice(0, 40)}" is already on line ${seen.get(result.patient.externalId)}`,
        record,
      );
    else {
      seen.set(result.patient.externalId, line);
      batch.push(result.patient);
    }
    if (batch.length >= BATCH || failures.length >= BATCH) await flush();
  }
  await flush();
  // Only the run's own report is kept; a dry run answers at most the first errors.
  if (!options.dryRun) tally.errors = tally.errors.slice(0, DRY_RUN_ERRORS);
  return tally;
}

// Claims the import for a run (never two runs of one file at once), remembers the mapping by
// header name for the clinic's next file, then runs it; the page polls the row's progress.
export async function startImport(ctx: Ctx, importId: string, mapping: AnyMapping, now: Date) {
  const checked = checkedMapping((await getImport(ctx, importId)).kind, mapping) as Record<string, number>;
  const [claimed] = await ctx.db
    .update(patientImports)
    .set({ status: "running", mapping: checked, processed: 0, created: 0, updated: 0, skipped: 0, failure: null, finishedAt: null })
    .where(inClinic(ctx, patientImports, and(eq(patientImports.id, importId), ne(patientImports.status, "running"))))
    .returning();
  if (!claimed) {
    await getImport(ctx, importId); // 404 when it is not this clinic's
    throw new ConflictError("import_running", "This import is already running.");
  }
  await ctx.db.delete(patientImportErrors).where(eq(patientImportErrors.importId, importId));
  // The patients' mapping is the one a clinic's monthly export reuses.
  if (claimed.kind === "patients") {
    const headers = await importHeaders(claimed);
    const byHeader = Object.fromEntries(
      Object.entries(mapping).flatMap(([field, index]) => (headers[index!] ? [[field, headers[index!]]] : [])),
    );
    await ctx.db
      .insert(importMappings)
      .values({ clinicId: ctx.clinicId, mapping: byHeader, updatedAt: now })
      .onConflictDoUpdate({ target: importMappings.clinicId, set: { mapping: byHeader, updatedAt: now } });
  }
  const run = async () => {
    try {
      const tally = await processImport(ctx, importId, mapping, { dryRun: false }, now);
      await ctx.db.update(patientImports).set({ status: "done", finishedAt: new Date() }).where(eq(patientImports.id, importId));
      await recordAudit(
        ctx.db,
        ctx,
        {
          action: claimed.kind === "appointments" ? "appointments.imported" : "patients.imported",
          detail: {
            importId,
            fileName: claimed.fileName,
            rows: tally.rows,
            created: tally.created,
            updated: tally.updated,
            skipped: tally.skipped,
          },
        },
        new Date(),
      );
    } catch (error) {
      logError(`patient import ${importId} failed`, error);
      await ctx.db
        .update(patientImports)
        .set({ status: "failed", failure: describeError(error).slice(0, 500), finishedAt: new Date() })
        .where(eq(patientImports.id, importId));
    }
  };
  return { import: publicImport(claimed), run };
}
