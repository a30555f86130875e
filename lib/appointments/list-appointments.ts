import "server-only";
import { asc, eq, gte, inArray, lt } from "drizzle-orm";
import { agendas, appointments, motifs, patients } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { NotFoundError } from "@/lib/errors/app-errors";
import { clinicDayRange } from "@/lib/time/clinic-time";
import { appointmentRowColumns } from "./appointment-rows";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// What the printed day list adds to each row: how to call the patient, reception's note.
export const dayListColumns = {
  notes: appointments.notes,
  dateOfBirth: patients.dateOfBirth,
  phone: patients.phone,
  landline: patients.landline,
};

// The appointments of clinic days [from, to] (the clinic's days, whatever the server's zone),
// of some agendas or all: one query for a day of several agendas, or a week of one. extra:
// more columns of the appointment or its patient (the day list's).
export async function listAppointmentsBetween<Extra extends Partial<typeof dayListColumns> = Record<never, never>>(
  ctx: Ctx,
  range: { from: string; to: string; agendaIds?: string[] },
  extra?: Extra,
) {
  if (range.agendaIds && !range.agendaIds.length) return [];
  const start = clinicDayRange(range.from, ctx.clinic.timeZone).start;
  const end = clinicDayRange(range.to, ctx.clinic.timeZone).end;
  return ctx.db
    .select({
      ...appointmentRowColumns,
      patientId: patients.id,
      patientName: patients.lastName,
      patientFirstName: patients.firstName,
      ...(extra as Extra),
    })
    .from(appointments)
    .innerJoin(agendas, eq(agendas.id, appointments.agendaId))
    .innerJoin(motifs, eq(motifs.id, appointments.motifId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(
      inClinic(
        ctx,
        appointments,
        gte(appointments.startsAt, start),
        lt(appointments.startsAt, end),
        range.agendaIds ? inArray(appointments.agendaId, range.agendaIds) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(agendas.name));
}

// One clinic day of appointments, optionally one agenda (the Appointments list).
export function listAppointmentsOfDay(ctx: Ctx, day: { date: string; agendaId?: string }) {
  return listAppointmentsBetween(ctx, { from: day.date, to: day.date, agendaIds: day.agendaId ? [day.agendaId] : undefined });
}

// One appointment with its patient's name, for its own page. Another clinic's is not found.
export async function getAppointment(ctx: Ctx, appointmentId: string) {
  const [row] = await ctx.db
    .select({
      ...appointmentRowColumns,
      patientId: patients.id,
      patientName: patients.lastName,
      patientFirstName: patients.firstName,
      cancellationReason: appointments.cancellationReason,
      seriesId: appointments.seriesId,
      notes: appointments.notes,
    })
    .from(appointments)
    .innerJoin(agendas, eq(agendas.id, appointments.agendaId))
    .innerJoin(motifs, eq(motifs.id, appointments.motifId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(inClinic(ctx, appointments, eq(appointments.id, appointmentId)))
    .limit(1);
  if (!row) throw new NotFoundError("Appointment");
  return row;
}
