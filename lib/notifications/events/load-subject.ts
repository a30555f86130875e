import "server-only";
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { agendas, appointments, motifs, patients, staffUsers, type Agenda, type Appointment, type EventRow, type Motif, type Patient } from "@/db/schema";

export type AppointmentSubject = Appointment & { agenda: Agenda; motif: Motif; doctorName: string | null };
export type NotificationSubject = { patient: Patient; appointment: AppointmentSubject | null };
export type SubjectOrMissing = NotificationSubject | { missing: "appointment" | "patient" };

type Refs = { appointmentId?: string; bookingReference?: string; patientId?: string };

// The patients (and appointments) a batch of events is about, in two queries, each looked up
// in its event's own clinic only.
export async function loadSubjects(db: Database, batch: EventRow[]): Promise<Map<string, SubjectOrMissing>> {
  const refs = batch.map((e) => ({ event: e, ...(e.payload as Refs) }));
  const byAppointment = refs.filter((r) => r.appointmentId || r.bookingReference);
  const byPatient = refs.filter((r) => !(r.appointmentId || r.bookingReference) && r.patientId);

  const appointmentMatch: SQL[] = byAppointment.map((r) =>
    and(eq(appointments.clinicId, r.event.clinicId), r.appointmentId ? eq(appointments.id, r.appointmentId) : eq(appointments.bookingReference, r.bookingReference!))!,
  );
  const [appointmentRows, patientRows] = await Promise.all([
    appointmentMatch.length
      ? db
          .select({ appointment: appointments, patient: patients, agenda: agendas, motif: motifs, doctorName: staffUsers.name })
          .from(appointments)
          .innerJoin(patients, eq(patients.id, appointments.patientId))
          .innerJoin(agendas, eq(agendas.id, appointments.agendaId))
          .innerJoin(motifs, eq(motifs.id, appointments.motifId))
          .leftJoin(staffUsers, eq(staffUsers.id, agendas.doctorId))
          .where(or(...appointmentMatch))
      : Promise.resolve([]),
    byPatient.length
      ? db.select().from(patients).where(inArray(patients.id, byPatient.map((r) => r.patientId!)))
      : Promise.resolve([]),
  ]);

  const subjects = new Map<string, SubjectOrMissing>();
  for (const r of byAppointment) {
    const row = appointmentRows.find(
      (a) => a.appointment.clinicId === r.event.clinicId && (r.appointmentId ? a.appointment.id === r.appointmentId : a.appointment.bookingReference === r.bookingReference),
    );
    subjects.set(
      r.event.id,
      row ? { patient: row.patient, appointment: { ...row.appointment, agenda: row.agenda, motif: row.motif, doctorName: row.doctorName } } : { missing: "appointment" },
    );
  }
  for (const r of refs.filter((x) => !subjects.has(x.event.id))) {
    const patient = patientRows.find((p) => p.id === r.patientId && p.clinicId === r.event.clinicId);
    subjects.set(r.event.id, patient ? { patient, appointment: null } : { missing: "patient" });
  }
  return subjects;
}
