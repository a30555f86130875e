import { z } from "zod";
import { nulFields } from "@/lib/errors/parse-input";
import { patientCreateSchema, type PatientCreate } from "../patient-input";
import { toE164Mobile, toE164Phone } from "../phone";

// The patient fields a CSV column can fill. The patient number is required: it is what a
// re-import updates by, so importing the same file twice never makes twins.
export const IMPORT_FIELDS = [
  "externalId",
  "lastName",
  "firstName",
  "dateOfBirth",
  "phone",
  "landline",
  "email",
  "postalAddress",
  "language",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ["externalId", "lastName", "firstName"];

// Field → column number (0-based) in the file.
export const importMappingSchema = z
  .partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(500))
  .refine((m) => REQUIRED_FIELDS.every((f) => m[f] !== undefined), { message: `must map ${REQUIRED_FIELDS.join(", ")}` });
export type ImportMapping = z.output<typeof importMappingSchema>;

export type ImportedPatient = PatientCreate & { externalId: string; phone: string | null; landline: string | null };

// 31/12/1980 is day first in France, month first in the United States; ISO is ISO everywhere.
function isoBirthDate(raw: string, country: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  if (!m) return raw;
  const [day, month] = country === "US" ? [m[2], m[1]] : [m[1], m[2]];
  return `${m[3]}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

const LANGUAGES: Record<string, "fr" | "en"> = {
  fr: "fr",
  francais: "fr",
  français: "fr",
  french: "fr",
  en: "en",
  anglais: "en",
  english: "en",
};

// One CSV row as a patient, or the reason it cannot be one ("phone: is not a mobile number").
export function rowToPatient(
  record: string[],
  mapping: ImportMapping,
  country: string,
  today: string,
): { ok: true; patient: ImportedPatient } | { ok: false; reason: string } {
  const cell = (field: ImportField) => {
    const index = mapping[field];
    return index === undefined ? "" : (record[index] ?? "").trim();
  };
  const nul = nulFields(record);
  if (nul.length) return { ok: false, reason: "contains a NUL character" };
  const language = cell("language") ? LANGUAGES[cell("language").toLowerCase()] : undefined;
  if (cell("language") && !language) return { ok: false, reason: `language: "${cell("language").slice(0, 20)}" is not French or English` };
  const parsed = patientCreateSchema.safeParse({
    externalId: cell("externalId"),
    lastName: cell("lastName"),
    firstName: cell("firstName"),
    dateOfBirth: cell("dateOfBirth") ? isoBirthDate(cell("dateOfBirth"), country) : null,
    email: cell("email"),
    postalAddress: cell("postalAddress"),
    ...(language ? { language } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.join(".") || "row"}: ${issue.message}` };
  }
  if (!parsed.data.externalId) return { ok: false, reason: "externalId: is required (the patient number)" };
  if (parsed.data.dateOfBirth && parsed.data.dateOfBirth > today) return { ok: false, reason: "dateOfBirth: cannot be in the future" };
  const phone = cell("phone") ? toE164Mobile(cell("phone"), country) : null;
  if (cell("phone") && !phone) return { ok: false, reason: `phone: "${cell("phone").slice(0, 30)}" is not a mobile number` };
  const landline = cell("landline") ? toE164Phone(cell("landline"), country) : null;
  if (cell("landline") && !landline) return { ok: false, reason: `landline: "${cell("landline").slice(0, 30)}" is not a phone number` };
  return { ok: true, patient: { ...parsed.data, externalId: parsed.data.externalId, phone, landline } };
}

const HEADER_HINTS: Record<ImportField, RegExp> = {
  externalId: /^(n[°o]?\.?\s*(de\s*)?dossier|num[ée]ro|patient\s*(id|number|no)|id|mrn|ipp|chart)/i,
  lastName: /^(nom(\s*de\s*famille)?|last\s*name|surname|family\s*name)$/i,
  firstName: /^(pr[ée]nom|first\s*name|given\s*name)$/i,
  dateOfBirth: /(naissance|birth|dob|ddn)/i,
  phone: /(portable|mobile|cell|t[ée]l[ée]phone\s*mobile|gsm)/i,
  landline: /(fixe|landline|home\s*phone|t[ée]l[ée]phone$|^t[ée]l\.?$|^phone$)/i,
  email: /(e-?mail|courriel|mail)/i,
  postalAddress: /(adresse|address)/i,
  language: /(langue|language)/i,
};

// A first guess at the mapping from the header row, for the admin to check.
export function suggestMapping(headers: string[]): ImportMapping {
  const mapping: Record<string, number> = {};
  for (const field of IMPORT_FIELDS) {
    const index = headers.findIndex((h, i) => HEADER_HINTS[field].test(h.trim()) && !Object.values(mapping).includes(i));
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

export const importRunSchema = z.strictObject({ mapping: importMappingSchema });
export const importIdSchema = z.object({ id: z.uuid("must be an import id") });
