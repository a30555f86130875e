import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { appointments, patients } from "@/db/schema";
import { listAgendas, listVisitReasons } from "@/lib/appointments/agendas";
import { bookingBasis, insertAppointment } from "@/lib/appointments/book-appointment";
import { SLOT_PROBLEMS, slotProblem } from "@/lib/appointments/slot-rules";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { AppError } from "@/lib/errors/app-errors";
import { databaseRefusal, EXCLUSION_VIOLATION } from "@/lib/errors/database-error";
import { loadReminderRules } from "@/lib/reminders/schedule-reminders";
import { clinicLocalToUtc } from "@/lib/time/clinic-time";
import type { ImportedAppointment } from "./row-to-appointment";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;
export type BookedRow = { outcome: "booked" | "already_there" } | { reason: string };

// Names as the previous software may spell them: case, accents, apostrophes and dashes aside.
const nameKey = (name: string) =>
  name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s'’\-–—]+/g, " ")
    .trim();
const shown = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;

// Books the rows of a file of future appointments, each through the booking rules (the
// agenda's hours, closures and blocked time, no overlap: the same functions as a booking made
// in the agenda), one transaction per row. A row already in the agenda (the same patient,
// agenda and start) is left as it is, so a file imported twice books nothing twice. The
// patient is not sent a confirmation (they booked with the previous software); reminders are
// planned as for any booking.
export async function appointmentBooker(ctx: Ctx, now: Date) {
  const [agendas, reasons, reminderRules] = await Promise.all([
    listAgendas(ctx),
    listVisitReasons(ctx),
    loadReminderRules(ctx.db, ctx.clinicId),
  ]);
  const agendaByName = new Map(agendas.map((a) => [nameKey(a.name), a]));
  const reasonByName = new Map(reasons.map((r) => [nameKey(r.name), r]));
  const { timeZone } = ctx.clinic;

  return async function book(row: ImportedAppointment): Promise<BookedRow> {
    const agenda = agendaByName.get(nameKey(row.agenda));
    if (!agenda) return { reason: `agenda ${shown(row.agenda)} is not one of the clinic's open agendas` };
    const reason = reasonByName.get(nameKey(row.visitReason));
    if (!reason) return { reason: `visit reason ${shown(row.visitReason)} is not one of the clinic's visit reasons` };
    if (!agenda.visitReasonIds.includes(reason.id)) return { reason: `${agenda.name} does not offer ${shown(reason.name)}` };
    const [patient] = await ctx.db
      .select({ id: patients.id })
      .from(patients)
      .where(inClinic(ctx, patients, eq(patients.externalId, row.externalId)))
      .limit(1);
    if (!patient) return { reason: `no patient has the number ${shown(row.externalId)} (import the patients first)` };
    const startsAt = clinicLocalToUtc(row.startsAt, timeZone);
    const when = row.startsAt.replace("T", " ");
    try {
      return await ctx.db.transaction(async (tx): Promise<BookedRow> => {
        const scoped = { ...ctx, db: tx };
        const [already] = await tx
          .select({ id: appointments.id })
          .from(appointments)
          .where(
            inClinic(
              ctx,
              appointments,
              and(
                eq(appointments.patientId, patient.id),
                eq(appointments.agendaId, agenda.id),
                eq(appointments.startsAt, startsAt),
                ne(appointments.status, "cancelled"),
              ),
            ),
          )
          .limit(1);
        if (already) return { outcome: "already_there" };
        const basis = await bookingBasis(scoped, { agendaId: agenda.id, visitReasonId: reason.id, patientId: patient.id });
        const problem = await slotProblem(scoped, { agendaId: agenda.id, startsAt, durationMinutes: reason.durationMinutes }, now);
        if (problem) return { reason: `${when} ${SLOT_PROBLEMS[problem]}` };
        await insertAppointment(scoped, basis, startsAt, now, { reminderRules });
        return { outcome: "booked" };
      });
    } catch (error) {
      if (databaseRefusal(error)?.code === EXCLUSION_VIOLATION)
        return { reason: `${when} is taken by another appointment on ${agenda.name}` };
      // A deactivated patient, a retired agenda: the service's own sentence.
      if (error instanceof AppError) return { reason: error.message };
      throw error;
    }
  };
}
