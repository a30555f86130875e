import "server-only";
import { cleanFileName } from "@/lib/attachments/store-file";
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { importMappings, patientImports } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import { fileStore } from "@/lib/storage/file-store";
import { csvRecords } from "./csv-records";
import { detectDelimiter, detectEncoding } from "./detect";
import { suggestAppointmentMapping } from "./row-to-appointment";
import { suggestMapping, type ImportMapping } from "./row-to-patient";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;

const SAMPLE_BYTES = 64 * 1024;
const PREVIEW_ROWS = 5;

// The header and the first rows, read from the start of the file only.
async function sample(bytes: Uint8Array, encoding: "utf-8" | "windows-1252", delimiter: string) {
  const rows: string[][] = [];
  for await (const { record } of csvRecords([bytes.subarray(0, SAMPLE_BYTES)], encoding, delimiter)) {
    rows.push(record);
    if (rows.length > PREVIEW_ROWS) break;
  }
  return { headers: rows[0] ?? [], preview: rows.slice(1) };
}

// The mapping this clinic used last, by header name, where the new file has those headers.
async function rememberedMapping(ctx: Ctx, headers: string[]): Promise<ImportMapping | null> {
  const [row] = await ctx.db.select().from(importMappings).where(eq(importMappings.clinicId, ctx.clinicId));
  if (!row) return null;
  const mapping: Record<string, number> = {};
  for (const [field, header] of Object.entries(row.mapping)) {
    const index = headers.indexOf(header);
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

// The clinic's last mapping where it still applies, and a guess for the fields it does not
// cover (a new "Langue" column in this month's export), on columns it has not taken.
function proposedMapping(remembered: ImportMapping | null, headers: string[]): ImportMapping {
  const guess = suggestMapping(headers);
  if (!remembered) return guess;
  const taken = new Set(Object.values(remembered));
  const extra = Object.entries(guess).filter(([field, index]) => !(field in remembered) && !taken.has(index));
  return { ...Object.fromEntries(extra), ...remembered };
}

// An uploaded CSV: kept in the file store, its encoding and separator detected, its header
// and first rows shown with a mapping to check (the clinic's last one, or a guess).
export async function uploadImport(ctx: Ctx, file: { name: string; bytes: Uint8Array }, kind: "patients" | "appointments" = "patients") {
  if (!file.bytes.length) throw new InvalidInputError("The file is empty.", { file: ["is empty"] });
  const encoding = detectEncoding(file.bytes.subarray(0, SAMPLE_BYTES));
  const firstLine = new TextDecoder(encoding).decode(file.bytes.subarray(0, 4096)).split(/\r?\n/)[0] ?? "";
  const delimiter = detectDelimiter(firstLine);
  const { headers, preview } = await sample(file.bytes, encoding, delimiter).catch(() => {
    throw new InvalidInputError("This file cannot be read as CSV.", { file: ["is not a CSV file"] });
  });
  if (headers.length < 2) throw new InvalidInputError("The first line must name the columns.", { file: ["has no header row"] });
  const storageKey = `${ctx.clinicId}/imports/${randomUUID()}`;
  await fileStore().put(storageKey, file.bytes);
  const [row] = await ctx.db
    .insert(patientImports)
    .values({
      clinicId: ctx.clinicId,
      staffUserId: ctx.staff.id,
      // A NUL or a control character in the uploaded name is dropped rather than a 500.
      fileName: cleanFileName(file.name, "import.csv"),
      storageKey,
      sizeBytes: file.bytes.length,
      encoding,
      delimiter,
      kind,
    })
    .returning();
  const mapping =
    kind === "appointments" ? suggestAppointmentMapping(headers) : proposedMapping(await rememberedMapping(ctx, headers), headers);
  return { import: publicImport(row), headers, preview, mapping };
}

export function publicImport(row: typeof patientImports.$inferSelect) {
  const { storageKey: _key, clinicId: _clinic, ...rest } = row;
  return rest;
}

export async function getImport(ctx: Pick<StaffContext, "db" | "clinicId">, importId: string) {
  const [row] = await ctx.db
    .select()
    .from(patientImports)
    .where(inClinic(ctx, patientImports, eq(patientImports.id, importId)));
  if (!row) throw new NotFoundError("Import");
  return row;
}

export async function recentImports(ctx: Pick<StaffContext, "db" | "clinicId">) {
  const rows = await ctx.db
    .select()
    .from(patientImports)
    .where(and(eq(patientImports.clinicId, ctx.clinicId)))
    .orderBy(desc(patientImports.createdAt))
    .limit(10);
  return rows.map(publicImport);
}

// The header row of a stored import, read from the start of the file.
export async function importHeaders(row: typeof patientImports.$inferSelect): Promise<string[]> {
  for await (const { record } of csvRecords(
    fileStore().stream(row.storageKey) as AsyncIterable<Buffer>,
    row.encoding as "utf-8" | "windows-1252",
    row.delimiter,
  ))
    return record;
  return [];
}
