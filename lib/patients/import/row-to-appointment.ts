import { z } from "zod";
import { nulFields } from "@/lib/errors/parse-input";
import { isRealLocalDateTime } from "@/lib/time/clinic-time";
import { guessMapping, IMPORT_FIELDS, PATIENT_NUMBER_HEADER, REQUIRED_FIELDS } from "./row-to-patient";

// The columns a file of future appointments can fill: the patient (by the clinic's patient
// number, so patients are imported first), the agenda and the visit reason by name, the date
// (with its time, or the time in a column of its own).
export const APPOINTMENT_IMPORT_FIELDS = ["externalId", "agenda", "visitReason", "date", "time"] as const;
export type AppointmentImportField = (typeof APPOINTMENT_IMPORT_FIELDS)[number];
export const APPOINTMENT_REQUIRED_FIELDS: readonly AppointmentImportField[] = ["externalId", "agenda", "visitReason", "date"];

export const appointmentMappingSchema = z
  .partialRecord(z.enum(APPOINTMENT_IMPORT_FIELDS), z.number().int().min(0).max(500))
  .refine((m) => APPOINTMENT_REQUIRED_FIELDS.every((f) => m[f] !== undefined), {
    message: `must map ${APPOINTMENT_REQUIRED_FIELDS.join(", ")}`,
  });
export type AppointmentMapping = z.output<typeof appointmentMappingSchema>;

export type ImportedAppointment = { externalId: string; agenda: string; visitReason: string; startsAt: string };

const shown = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;

// "15/12/2026" (day first in France, month first in the United States) or "2026-12-15".
function isoDate(raw: string, country: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (iso) return raw;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  if (!m) return null;
  const [day, month] = country === "US" ? [m[2], m[1]] : [m[1], m[2]];
  return `${m[3]}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

// "09:30", "9h30", "9:30 AM": the wall-clock time, 24-hour.
function clockTime(raw: string): string | null {
  const m = /^(\d{1,2})\s*[:hH.]\s*(\d{2})(?::\d{2})?\s*([AaPp][Mm])?$/.exec(raw);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  if (m[3]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[3].toLowerCase() === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

// One CSV row as a future appointment to book, or the reason in words why it cannot be read
// (whether it can be booked is the booking rules' to say). Pure.
export function rowToAppointment(
  record: string[],
  mapping: AppointmentMapping,
  country: string,
): { ok: true; appointment: ImportedAppointment } | { ok: false; reason: string } {
  const cell = (field: AppointmentImportField) => {
    const index = mapping[field];
    return index === undefined ? "" : (record[index] ?? "").trim();
  };
  if (nulFields(record).length) return { ok: false, reason: "the row contains a NUL character (the file may be damaged)" };
  for (const [field, words] of [
    ["externalId", "patient number"],
    ["agenda", "agenda"],
    ["visitReason", "visit reason"],
    ["date", "date"],
  ] as const)
    if (!cell(field)) return { ok: false, reason: `the ${words} is missing` };
  // The date may carry its time ("15/12/2026 09:30"); a time column, if mapped, says it instead.
  const [datePart, ...rest] = cell("date").split(/\s+|T/);
  const timeRaw = cell("time") || rest.join(" ");
  const date = isoDate(datePart, country);
  if (!date) return { ok: false, reason: `date ${shown(cell("date"))} is not a date` };
  if (!timeRaw) return { ok: false, reason: "the time is missing" };
  const time = clockTime(timeRaw);
  if (!time) return { ok: false, reason: `time ${shown(timeRaw)} is not a time of day` };
  const startsAt = `${date}T${time}`;
  if (!isRealLocalDateTime(startsAt)) return { ok: false, reason: `date ${shown(cell("date"))} does not exist` };
  return { ok: true, appointment: { externalId: cell("externalId"), agenda: cell("agenda"), visitReason: cell("visitReason"), startsAt } };
}

const HEADER_HINTS: Record<AppointmentImportField, RegExp> = {
  externalId: PATIENT_NUMBER_HEADER,
  agenda: /(agenda|praticien|m[ée]decin|doctor|provider|practitioner|resource|calendar)/i,
  visitReason: /(motif|reason|type|acte|visit)/i,
  date: /^(date|d[ée]but|start|rendez-vous|rdv|when|jour|day)/i,
  time: /(heure|time|hour)/i,
};

export function suggestAppointmentMapping(headers: string[]): AppointmentMapping {
  return guessMapping(headers, APPOINTMENT_IMPORT_FIELDS, HEADER_HINTS) as AppointmentMapping;
}

// A run's mapping, of either kind of file: refused at the edge when it could serve neither;
// whether it serves this import's kind is process-import's to say.
const ANY_IMPORT_FIELD = z.enum([...new Set([...IMPORT_FIELDS, ...APPOINTMENT_IMPORT_FIELDS])] as [string, ...string[]]);
export const importRunSchema = z.strictObject({
  mapping: z
    .partialRecord(ANY_IMPORT_FIELD, z.number().int().min(0).max(500))
    .refine((m) => [REQUIRED_FIELDS, APPOINTMENT_REQUIRED_FIELDS].some((required) => required.every((f) => m[f] !== undefined)), {
      message: `must map ${REQUIRED_FIELDS.join(", ")} (patients) or ${APPOINTMENT_REQUIRED_FIELDS.join(", ")} (appointments)`,
    }),
});
