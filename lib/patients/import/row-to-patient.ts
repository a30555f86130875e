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
  "postalCode",
  "city",
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

// How a reason names a field, as the clinic's staff call it.
const FIELD_WORDS: Record<string, string> = {
  externalId: "patient number",
  lastName: "last name",
  firstName: "first name",
  dateOfBirth: "date of birth",
  email: "email",
  postalAddress: "address",
  language: "language",
};

// A cell quoted in a reason, short enough to read in a table.
const shown = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;

// One CSV row as a patient, or the reason in words why it cannot be one, quoting the cell
// ('date of birth "31/02/1980" does not exist').
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
  if (nul.length) return { ok: false, reason: "the row contains a NUL character (the file may be damaged)" };
  const language = cell("language") ? LANGUAGES[cell("language").toLowerCase()] : undefined;
  if (cell("language") && !language) return { ok: false, reason: `language ${shown(cell("language"))} is neither French nor English` };
  // A postal code and a city in columns of their own join the street, as a letter prints them.
  const town = [cell("postalCode"), cell("city")].filter(Boolean).join(" ");
  const address = [cell("postalAddress"), town].filter(Boolean).join(", ");
  const parsed = patientCreateSchema.safeParse({
    externalId: cell("externalId"),
    lastName: cell("lastName"),
    firstName: cell("firstName"),
    dateOfBirth: cell("dateOfBirth") ? isoBirthDate(cell("dateOfBirth"), country) : null,
    email: cell("email"),
    postalAddress: address,
    ...(language ? { language } : {}),
  });
  if (!parsed.success) return { ok: false, reason: inWords(parsed.error.issues[0], cell) };
  if (!parsed.data.externalId) return { ok: false, reason: "the patient number is missing (a re-import updates by it)" };
  if (parsed.data.dateOfBirth && parsed.data.dateOfBirth > today)
    return { ok: false, reason: `date of birth ${shown(cell("dateOfBirth"))} is in the future` };
  let phone = cell("phone") ? toE164Mobile(cell("phone"), country) : null;
  let landline = cell("landline") ? toE164Phone(cell("landline"), country) : null;
  if (cell("landline") && !landline) return { ok: false, reason: `landline ${shown(cell("landline"))} is not a phone number` };
  if (cell("phone") && !phone) {
    // Old software often keeps one phone column: a landline found there is kept as the landline.
    const fixed = toE164Phone(cell("phone"), country);
    if (!fixed) return { ok: false, reason: `mobile ${shown(cell("phone"))} is not a phone number` };
    if (landline && landline !== fixed)
      return { ok: false, reason: `mobile ${shown(cell("phone"))} is a landline, and the row already has another landline` };
    landline = fixed;
    phone = null;
  }
  return { ok: true, patient: { ...parsed.data, externalId: parsed.data.externalId, phone, landline } };
}

function inWords(issue: z.core.$ZodIssue, cell: (field: ImportField) => string): string {
  const field = String(issue.path[0] ?? "");
  const words = FIELD_WORDS[field] ?? field;
  const raw = IMPORT_FIELDS.includes(field as ImportField) ? cell(field as ImportField) : "";
  if (!raw) return `the ${words} is missing`;
  if (field === "dateOfBirth")
    return /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(raw)
      ? `date of birth ${shown(raw)} does not exist`
      : `date of birth ${shown(raw)} is not a date`;
  if (field === "email") return `email ${shown(raw)} is not an email address`;
  if (issue.code === "too_big") return `the ${words} is too long (${raw.length} characters)`;
  return `${words} ${shown(raw)} ${issue.message}`;
}

// How previous software heads its patient number column ("N° dossier", "MRN", "IPP").
export const PATIENT_NUMBER_HEADER = /^(n[°o]?\.?\s*(de\s*)?dossier|num[ée]ro|patient\s*(id|number|no)|id|mrn|ipp|chart)/i;

const HEADER_HINTS: Record<ImportField, RegExp> = {
  externalId: PATIENT_NUMBER_HEADER,
  lastName: /^(nom(\s*de\s*famille)?|last\s*name|surname|family\s*name)$/i,
  firstName: /^(pr[ée]nom|first\s*name|given\s*name)$/i,
  dateOfBirth: /(naissance|birth|dob|ddn)/i,
  phone: /(portable|mobile|cell|t[ée]l[ée]phone\s*mobile|gsm)/i,
  landline: /(fixe|landline|home\s*phone|t[ée]l[ée]phone$|^t[ée]l\.?$|^phone$)/i,
  email: /(e-?mail|courriel|mail)/i,
  postalAddress: /(adresse|address|^rue$|street)/i,
  postalCode: /(code\s*postal|^cp$|postal\s*code|post\s*code|zip)/i,
  city: /^(ville|city|commune|localit[ée]|town)$/i,
  language: /(langue|language)/i,
};

// A first guess at a mapping from the header row, for the admin to check: each field takes
// the first column whose header it recognises and no field before it took.
export function guessMapping<F extends string>(headers: string[], fields: readonly F[], hints: Record<F, RegExp>) {
  const mapping: Partial<Record<F, number>> = {};
  for (const field of fields) {
    const index = headers.findIndex((h, i) => hints[field].test(h.trim()) && !Object.values(mapping).includes(i));
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

export function suggestMapping(headers: string[]): ImportMapping {
  return guessMapping(headers, IMPORT_FIELDS, HEADER_HINTS) as ImportMapping;
}

export const importIdSchema = z.object({ id: z.uuid("must be an import id") });
