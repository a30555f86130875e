import "server-only";
import type { StaffContext } from "@/lib/auth/staff-context";
import { InvalidInputError } from "@/lib/errors/app-errors";
import { bookingProblem, type BookingProblem } from "@/lib/scheduling/free-slots";
import { clinicLocalDate } from "@/lib/time/clinic-time";
import { loadAgendaCalendar, type AgendaCalendar } from "./agendas";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

export const SLOT_PROBLEMS: Record<BookingProblem, string> = {
  in_the_past: "is in the past",
  outside_opening_hours: "is outside this agenda's opening hours (or runs past them)",
  closed: "is on a day this agenda is closed",
  blocked: "is during time blocked on this agenda (a meeting, a home visit)",
};

// Problems staff may knowingly overrule, with a reason (an urgent patient seen at 19:30): the
// agenda's hours, closures and blocked time. The past never is, and an overlap with another
// appointment is the database's to refuse.
export const OVERRIDABLE: ReadonlySet<BookingProblem> = new Set(["outside_opening_hours", "closed", "blocked"]);

// The same question of an agenda's calendar already loaded (a series asks it of many dates).
export function calendarProblem(
  calendar: AgendaCalendar,
  timeZone: string,
  slot: { startsAt: Date; durationMinutes: number },
  now: Date,
): BookingProblem | null {
  const { week, closures, blocked } = calendar;
  return bookingProblem({ timeZone, week, closures, blocked, now, durationMinutes: slot.durationMinutes }, slot.startsAt);
}

// Booking and moving ask the same question here: may an appointment of this length start then
// on this agenda, by its opening hours, its closures and the clinic's? Null when it may.
export async function slotProblem(
  ctx: Ctx,
  slot: { agendaId: string; startsAt: Date; durationMinutes: number },
  now: Date,
): Promise<BookingProblem | null> {
  const date = clinicLocalDate(slot.startsAt, ctx.clinic.timeZone);
  return calendarProblem(await loadAgendaCalendar(ctx, slot.agendaId, date, date), ctx.clinic.timeZone, slot, now);
}

// The refusal a client can act on: its code says which rule, and whether it may be overruled.
export function slotRefusal(problem: BookingProblem, what: "booking" | "move"): InvalidInputError {
  const message =
    what === "move" && OVERRIDABLE.has(problem)
      ? `This time ${SLOT_PROBLEMS[problem]}. To move it there anyway, say why (outsideHoursReason).`
      : `Invalid ${what}.`;
  return new InvalidInputError(message, { startsAt: [SLOT_PROBLEMS[problem]] }, problem);
}
