import "server-only";
import { announceAgendaChange } from "@/lib/realtime/hub-changes";
import { randomInt } from "node:crypto";
import { eq, gte, lt, ne } from "drizzle-orm";
import { agendas, appointments, clinics, patients } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import { databaseRefusal, EXCLUSION_VIOLATION, UNIQUE_VIOLATION } from "@/lib/errors/database-error";
import { enqueueStored } from "@/lib/notifications/events/ingest-event";
import type { Queueing } from "@/lib/notifications/queue/event-queue";
import { clinicDayRange, clinicLocalDate, clinicLocalToUtc } from "@/lib/time/clinic-time";
import { recordNewAppointmentEvent } from "./appointment-events";
import { offeredVisitReason, requireOpenAgenda } from "./agendas";
import { slotProblem, slotRefusal } from "./slot-rules";
import { syncReminders, type ClinicReminderRules } from "@/lib/reminders/schedule-reminders";
import type { Booking } from "./schemas";

// Letters and digits a receptionist can read out on the phone without confusion (no 0/O, 1/I).
const REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const reference = (prefix: string) =>
  `${prefix}-${Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join("")}`;

// The patient's other appointments (not cancelled) on the clinic day of `startsAt`, any agenda.
async function sameDayAppointments(ctx: Pick<StaffContext, "db" | "clinicId" | "clinic">, patientId: string, startsAt: Date) {
  const { start, end } = clinicDayRange(clinicLocalDate(startsAt, ctx.clinic.timeZone), ctx.clinic.timeZone);
  return ctx.db
    .select({ id: appointments.id, startsAt: appointments.startsAt, agendaName: agendas.name })
    .from(appointments)
    .innerJoin(agendas, eq(agendas.id, appointments.agendaId))
    .where(
      inClinic(
        ctx,
        appointments,
        eq(appointments.patientId, patientId),
        gte(appointments.startsAt, start),
        lt(appointments.startsAt, end),
        ne(appointments.status, "cancelled"),
      ),
    )
    .orderBy(appointments.startsAt);
}

type Scoped = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// What every booking checks before its slots: the agenda is open, offers the visit reason, and
// the patient exists and is active. Returns what the new appointments are made of.
export async function bookingBasis(scoped: Scoped, booking: Pick<Booking, "agendaId" | "visitReasonId" | "patientId" | "notes">) {
  await requireOpenAgenda(scoped, booking.agendaId);
  const reason = await offeredVisitReason(scoped, booking.agendaId, booking.visitReasonId);
  if (!reason) throw new InvalidInputError("Invalid booking.", { visitReasonId: ["is not a visit reason this agenda offers"] });
  const [patient] = await scoped.db
    .select({ id: patients.id, active: patients.active })
    .from(patients)
    .where(inClinic(scoped, patients, eq(patients.id, booking.patientId)))
    .limit(1);
  if (!patient) throw new NotFoundError("Patient");
  if (!patient.active) throw new ConflictError("patient_inactive", "This patient's record is deactivated: reactivate it before booking.");
  const [clinic] = await scoped.db.select({ slug: clinics.slug }).from(clinics).where(eq(clinics.id, scoped.clinicId));
  return {
    agendaId: booking.agendaId,
    reason,
    patientId: patient.id,
    referencePrefix: clinic.slug.slice(0, 2).toUpperCase(),
    notes: booking.notes || null,
  };
}

export type BookingBasis = Awaited<ReturnType<typeof bookingBasis>>;

// One confirmed appointment, saved with its reminders and announced to the agenda's viewers.
// many: for a series or an import, the clinic's reminder rules read once for all of them, and
// the series the appointment is an occurrence of.
export async function insertAppointment(
  scoped: Scoped,
  basis: BookingBasis,
  startsAt: Date,
  now: Date,
  many: { seriesId?: string; reminderRules?: ClinicReminderRules } = {},
) {
  const { seriesId } = many;
  const [appointment] = await scoped.db
    .insert(appointments)
    .values({
      clinicId: scoped.clinicId,
      agendaId: basis.agendaId,
      motifId: basis.reason.id,
      patientId: basis.patientId,
      bookingReference: reference(basis.referencePrefix),
      startsAt,
      endsAt: new Date(startsAt.getTime() + basis.reason.durationMinutes * 60_000),
      status: "confirmed",
      bookedBy: "practice",
      statusChangedAt: now,
      seriesId,
      notes: basis.notes,
    })
    .returning();
  await syncReminders(scoped.db, appointment, now, many.reminderRules);
  await announceAgendaChange(scoped.db, appointment);
  return appointment;
}

// A booking the database refused: two people took the same time at once (the exclusion
// constraint), or a reference collided.
export function bookingConflict(error: unknown): never {
  const refused = databaseRefusal(error);
  if (refused?.code === EXCLUSION_VIOLATION)
    throw new ConflictError("slot_taken", "This time was just booked by someone else. Pick another slot.");
  if (refused?.code === UNIQUE_VIOLATION) throw new ConflictError("try_again", "The booking could not be saved this time. Try again.");
  throw error;
}

// The one place staff book: the slot is checked against the agenda's hours, and the database
// decides between two people booking it at once (an exclusion constraint: one wins, the other
// gets a 409). The confirmation event is saved in the same transaction and queued after it.
export async function bookAppointment(ctx: StaffContext & Queueing, booking: Booking, now: Date) {
  const startsAt = clinicLocalToUtc(booking.startsAt, ctx.clinic.timeZone);
  const { appointment, event } = await ctx.db
    .transaction(async (tx) => {
      const scoped = { ...ctx, db: tx };
      const basis = await bookingBasis(scoped, booking);
      const problem = await slotProblem(
        scoped,
        { agendaId: booking.agendaId, startsAt, durationMinutes: basis.reason.durationMinutes },
        now,
      );
      if (problem) throw slotRefusal(problem, "booking");
      const appointment = await insertAppointment(scoped, basis, startsAt, now);
      // After the insert, so a taken slot is said first; refusing rolls the booking back.
      if (!booking.sameDayConfirmed) {
        const sameDay = (await sameDayAppointments(scoped, basis.patientId, startsAt)).filter((a) => a.id !== appointment.id);
        if (sameDay.length)
          throw new ConflictError(
            "same_day_booking",
            "This patient already has an appointment that day: book anyway only if a second visit is meant.",
            undefined,
            { appointments: sameDay },
          );
      }
      return { appointment, event: await recordNewAppointmentEvent(tx, appointment, ctx.staff.id) };
    })
    .catch(bookingConflict);
  await enqueueStored(ctx.queue, [event]);
  return { appointment, event: { id: event.id, type: event.type } };
}
