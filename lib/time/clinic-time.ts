import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import { z } from "zod";

// Instants are stored in UTC; days and wall-clock times are the clinic's. These are the
// only conversions between the two, so DST is handled in one place (by @date-fns/tz).

function parts(local: string): number[] {
  return local.split(/[-T:]/).map(Number);
}

// Years the clinic's calendar can hold: no birth before 1900, no booking after 2100.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

// A date and time that exist as written: no 30 February, no month 13, no 24:00 or 09:60
// (JavaScript's Date would silently roll those over into another day).
export function isRealLocalDateTime(local: string): boolean {
  const [y, mo, d, h = 0, mi = 0] = parts(local);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return y >= MIN_YEAR && y <= MAX_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h <= 23 && mi <= 59;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

// The shape is checked first; only a well-shaped value is then asked whether it exists.
export const localDateSchema = z
  .string()
  .regex(LOCAL_DATE, "must be a date like 2026-03-29")
  .refine((v) => !LOCAL_DATE.test(v) || isRealLocalDateTime(v), `must be a real date between ${MIN_YEAR} and ${MAX_YEAR}`);
export const localDateTimeSchema = z
  .string()
  .regex(LOCAL_DATE_TIME, "must be a local date and time like 2026-03-29T09:30")
  .refine((v) => !LOCAL_DATE_TIME.test(v) || isRealLocalDateTime(v), `must be a real date and time between ${MIN_YEAR} and ${MAX_YEAR}`);

// The UTC instant of a wall-clock time in the clinic's zone. A time skipped by a DST jump
// (02:30 on the spring-forward night in Paris) resolves to the first valid instant after it.
export function clinicLocalToUtc(local: string, timeZone: string): Date {
  const [y, mo, d, h = 0, mi = 0] = parts(local);
  return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime());
}

// [start, end) of a clinic day in UTC. Not always 24 h: 23 h or 25 h on DST days.
export function clinicDayRange(localDate: string, timeZone: string): { start: Date; end: Date } {
  const [y, mo, d] = parts(localDate);
  const start = new TZDate(y, mo - 1, d, timeZone);
  return { start: new Date(start.getTime()), end: new Date(addDays(start, 1).getTime()) };
}

export function clinicLocalDate(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}

export function clinicLocalDateTime(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}

// A local date `days` later (or earlier): calendar arithmetic at noon UTC, which no zone shifts.
export function addLocalDays(localDate: string, days: number): string {
  return addDays(new Date(`${localDate}T12:00:00Z`), days)
    .toISOString()
    .slice(0, 10);
}
