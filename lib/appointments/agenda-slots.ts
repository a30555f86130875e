import "server-only";
import type { StaffContext } from "@/lib/auth/staff-context";
import { InvalidInputError } from "@/lib/errors/app-errors";
import { freeSlots } from "@/lib/scheduling/free-slots";
import { clinicLocalDateTime } from "@/lib/time/clinic-time";
import { loadAgendaCalendar, offeredVisitReason } from "./agendas";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// An agenda's free slots for a visit reason over local dates [from, to] (at most six weeks),
// each with its clinic-time label.
export async function agendaSlots(ctx: Ctx, agendaId: string, query: { from: string; to: string; visitReasonId: string }, now: Date) {
  const calendar = await loadAgendaCalendar(ctx, agendaId, query.from, query.to);
  const reason = await offeredVisitReason(ctx, agendaId, query.visitReasonId);
  if (!reason) throw new InvalidInputError("Invalid query string.", { visitReasonId: ["is not a visit reason this agenda offers"] });
  const slots = freeSlots({
    timeZone: ctx.clinic.timeZone,
    from: query.from,
    to: query.to,
    ...calendar,
    // A blocked period holds its time as an appointment does.
    booked: [...calendar.booked, ...calendar.blocked],
    durationMinutes: reason.durationMinutes,
    now,
  });
  return {
    timeZone: ctx.clinic.timeZone,
    durationMinutes: reason.durationMinutes,
    slots: slots.map((s) => ({
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      local: clinicLocalDateTime(s.startsAt, ctx.clinic.timeZone),
    })),
  };
}
