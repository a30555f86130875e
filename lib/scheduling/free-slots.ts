import { addLocalDays, clinicLocalDateTime, clinicLocalToUtc } from "@/lib/time/clinic-time";

// Free slots of an agenda: its weekly opening hours, minus closures, minus what is booked,
// cut into the visit reason's duration, in the clinic's time zone. Pure (`now` is an input),
// so staff booking and the patient portal's self-scheduling offer the very same slots.

// One open stretch of a weekday (ISO: 1 = Monday … 7 = Sunday), minutes after local midnight.
export type OpenStretch = { weekday: number; opensAt: number; closesAt: number };
// Closed local days, first and last included.
export type ClosedDays = { startsOn: string; endsOn: string };
export type Interval = { startsAt: Date; endsAt: Date };

export type SlotQuery = {
  timeZone: string;
  // Local dates, both included.
  from: string;
  to: string;
  week: readonly OpenStretch[];
  closures: readonly ClosedDays[];
  // Appointments that hold time on the agenda (not cancelled), in any order.
  booked: readonly Interval[];
  durationMinutes: number;
  now: Date;
};

const MINUTE = 60_000;

function localTime(date: string, minutes: number): string {
  const h = String(Math.floor(minutes / 60)).padStart(2, "0");
  const m = String(minutes % 60).padStart(2, "0");
  return `${date}T${h}:${m}`;
}

// A stretch's ends as instants. 24:00 is the next day's midnight; a clock time the DST jump
// skips (02:30 on the spring-forward night) resolves to the first instant after it.
function stretchInterval(date: string, stretch: OpenStretch, timeZone: string): Interval {
  const startsAt = clinicLocalToUtc(localTime(date, stretch.opensAt), timeZone);
  const endsAt =
    stretch.closesAt === 1440
      ? clinicLocalToUtc(`${nextDate(date)}T00:00`, timeZone)
      : clinicLocalToUtc(localTime(date, stretch.closesAt), timeZone);
  return { startsAt, endsAt };
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const isClosed = (date: string, closures: readonly ClosedDays[]) => closures.some((c) => c.startsOn <= date && date <= c.endsOn);

const nextDate = (date: string) => addLocalDays(date, 1);

// The local dates from `from` to `to`, both included.
export function localDatesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = nextDate(d)) dates.push(d);
  return dates;
}

// The agenda's open intervals over the dates, closures left out, in time order.
export function openIntervals(query: Pick<SlotQuery, "timeZone" | "from" | "to" | "week" | "closures">): Interval[] {
  const open: Interval[] = [];
  for (const date of localDatesBetween(query.from, query.to)) {
    if (isClosed(date, query.closures)) continue;
    const weekday = isoWeekday(date);
    const stretches = query.week.filter((s) => s.weekday === weekday).sort((a, b) => a.opensAt - b.opensAt);
    for (const stretch of stretches) open.push(stretchInterval(date, stretch, query.timeZone));
  }
  return open;
}

export function freeSlots(query: SlotQuery): Interval[] {
  const duration = query.durationMinutes * MINUTE;
  const booked = [...query.booked].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const slots: Interval[] = [];
  let first = 0; // booked[first] is the earliest appointment that may still overlap
  for (const stretch of openIntervals(query)) {
    let cursor = stretch.startsAt.getTime();
    const close = stretch.endsAt.getTime();
    while (first < booked.length && booked[first].endsAt.getTime() <= cursor) first++;
    // Each gap between appointments is cut from its start, so a slot follows an appointment
    // that ended off the grid instead of wasting the minutes after it.
    for (let i = first; cursor + duration <= close;) {
      const next = booked[i];
      if (next && next.startsAt.getTime() < cursor + duration) {
        cursor = Math.max(cursor, next.endsAt.getTime());
        i++;
        continue;
      }
      if (cursor >= query.now.getTime()) slots.push({ startsAt: new Date(cursor), endsAt: new Date(cursor + duration) });
      cursor += duration;
    }
  }
  return slots;
}

export type BookingProblem = "in_the_past" | "outside_opening_hours" | "closed" | "blocked";

// Whether an appointment of this length may start here, overlaps with other appointments aside
// (the database refuses those): open at that time on that day, not a closed day, not during a
// blocked period (a meeting, a home visit), not already past.
export function bookingProblem(
  query: Pick<SlotQuery, "timeZone" | "week" | "closures" | "now" | "durationMinutes"> & { blocked?: readonly Interval[] },
  startsAt: Date,
): BookingProblem | null {
  if (startsAt < query.now) return "in_the_past";
  const date = clinicLocalDateTime(startsAt, query.timeZone).slice(0, 10);
  if (isClosed(date, query.closures)) return "closed";
  const endsAt = startsAt.getTime() + query.durationMinutes * MINUTE;
  const fits = openIntervals({ ...query, from: date, to: date }).some((o) => o.startsAt <= startsAt && endsAt <= o.endsAt.getTime());
  if (!fits) return "outside_opening_hours";
  const blocked = (query.blocked ?? []).some((b) => b.startsAt.getTime() < endsAt && startsAt < b.endsAt);
  return blocked ? "blocked" : null;
}
