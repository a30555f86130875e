import "server-only";
import { appointmentSeries } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { ConflictError } from "@/lib/errors/app-errors";
import { enqueueStored } from "@/lib/notifications/events/ingest-event";
import type { Queueing } from "@/lib/notifications/queue/event-queue";
import { loadReminderRules } from "@/lib/reminders/schedule-reminders";
import { recurrenceRule, seriesOccurrences, type Recurrence } from "@/lib/scheduling/series-occurrences";
import { clinicLocalToUtc } from "@/lib/time/clinic-time";
import { loadAgendaCalendar } from "./agendas";
import { recordNewAppointmentEvent, seriesSummary } from "./appointment-events";
import { bookingBasis, bookingConflict, insertAppointment } from "./book-appointment";
import type { Booking } from "./schemas";
import { calendarProblem, SLOT_PROBLEMS } from "./slot-rules";

const TAKEN = "is taken by another appointment";

export type SeriesBooking = Booking & { repeat: Recurrence; skipUnavailable?: boolean };

// A recurring booking (weekly physiotherapy for 10 weeks): every occurrence is checked by the
// same rules as a single booking, against the agenda's calendar loaded once for the whole
// stretch. If some dates cannot be booked, nothing is, and the 409 lists them with the reason;
// asked again with skipUnavailable, the others are booked. Each occurrence is its own
// appointment with its own reminders; the patient gets one confirmation naming the series.
export async function bookSeries(ctx: StaffContext & Queueing, booking: SeriesBooking, now: Date) {
  const { timeZone } = ctx.clinic;
  const occurrences = seriesOccurrences(booking.startsAt, booking.repeat).map((local) => ({
    local,
    startsAt: clinicLocalToUtc(local, timeZone),
  }));
  const { series, booked, unavailable, event } = await ctx.db
    .transaction(async (tx) => {
      const scoped = { ...ctx, db: tx };
      const basis = await bookingBasis(scoped, booking);
      const minutes = basis.reason.durationMinutes;
      const calendar = await loadAgendaCalendar(
        scoped,
        booking.agendaId,
        occurrences[0].local.slice(0, 10),
        occurrences.at(-1)!.local.slice(0, 10),
      );
      const checked = occurrences.map((o) => {
        const endsAt = o.startsAt.getTime() + minutes * 60_000;
        const problem = calendarProblem(calendar, timeZone, { startsAt: o.startsAt, durationMinutes: minutes }, now);
        const taken = calendar.booked.some((b) => b.startsAt.getTime() < endsAt && o.startsAt < b.endsAt);
        return { ...o, problem: problem ?? (taken ? ("taken" as const) : null) };
      });
      const unavailable = checked
        .filter((c) => c.problem)
        .map((c) => ({
          startsAt: c.local,
          at: c.startsAt.toISOString(),
          problem: c.problem!,
          reason: c.problem === "taken" ? TAKEN : SLOT_PROBLEMS[c.problem!],
        }));
      if (unavailable.length === checked.length)
        throw new ConflictError("series_unavailable", "None of the series' dates can be booked on this agenda.", undefined, {
          unavailable,
        });
      if (unavailable.length && !booking.skipUnavailable)
        throw new ConflictError(
          "series_unavailable",
          `${unavailable.length} of the ${checked.length} dates cannot be booked: book the others (skipUnavailable), or pick another time.`,
          undefined,
          { unavailable },
        );
      const [series] = await tx
        .insert(appointmentSeries)
        .values({ clinicId: ctx.clinicId, agendaId: booking.agendaId, rule: recurrenceRule(booking.repeat), createdBy: ctx.staff.id })
        .returning();
      const reminderRules = await loadReminderRules(tx, ctx.clinicId);
      const booked = [];
      for (const c of checked)
        if (!c.problem) booked.push(await insertAppointment(scoped, basis, c.startsAt, now, { seriesId: series.id, reminderRules }));
      const event = await recordNewAppointmentEvent(tx, booked[0], ctx.staff.id, seriesSummary(booked));
      return { series, booked, unavailable, event };
    })
    .catch(bookingConflict);
  await enqueueStored(ctx.queue, [event]);
  return {
    appointment: booked[0],
    series: {
      id: series.id,
      appointments: booked.map((a) => ({ id: a.id, startsAt: a.startsAt, bookingReference: a.bookingReference })),
      skipped: unavailable,
    },
    event: { id: event.id, type: event.type },
  };
}
