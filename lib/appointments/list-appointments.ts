import "server-only";
import { asc, eq, gte, lt } from "drizzle-orm";
import { agendas, appointments, motifs, patients } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { clinicDayRange } from "@/lib/time/clinic-time";
import { appointmentRowColumns } from "./appointment-rows";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// One clinic day of appointments (the clinic's day, whatever the server's zone), optionally one agenda.
export async function listAppointmentsOfDay(ctx: Ctx, day: { date: string; agendaId?: string }) {
  const { start, end } = clinicDayRange(day.date, ctx.clinic.timeZone);
  return ctx.db
    .select({ ...appointmentRowColumns, patientId: patients.id, patientName: patients.lastName, patientFirstName: patients.firstName })
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
        day.agendaId ? eq(appointments.agendaId, day.agendaId) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(agendas.name));
}
