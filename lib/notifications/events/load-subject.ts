import "server-only";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import type { PatientStoredEvent } from "@/lib/notifications/event-catalog";
import { agendas, appointments, motifs, patients, staffUsers, type Agenda, type Appointment, type Motif, type Patient } from "@/db/schema";

export type AppointmentSubject = Appointment & { agenda: Agenda; motif: Motif; doctorName: string | null };
// doctorId (events about a patient, not an appointment): the doctor of their latest appointment
// (the next one if none has passed), the one "the patient's doctor" alerts go to.
export type NotificationSubject = { patient: Patient; appointment: AppointmentSubject | null; doctorId?: string | null };
export type SubjectOrMissing = NotificationSubject | { missing: "appointment" | "patient" };

type Refs = { appointmentId?: string; bookingReference?: string; patientId?: string };

// What an event is about, as its payload names it: an appointment (by id or reference), or a patient.
function refsOf(event: PatientStoredEvent): Refs {
  const p = event.payload;
  if ("patientId" in p) return { patientId: p.patientId };
  return { appointmentId: p.appointmentId, bookingReference: p.bookingReference };
}

// The patients (and appointments) a batch of events is about, in two queries, each looked up
// in its event's own clinic only.
export async function loadSubjects(db: Database, batch: PatientStoredEvent[]): Promise<Map<string, SubjectOrMissing>> {
  const refs = batch.map((e) => ({ event: e, ...refsOf(e) }));
  const byAppointment = refs.filter((r) => r.appointmentId || r.bookingReference);
  const byPatient = refs.filter((r) => !(r.appointmentId || r.bookingReference) && r.patientId);

  const appointmentMatch: SQL[] = byAppointment.map((r) =>
    and(
      eq(appointments.clinicId, r.event.clinicId),
      r.appointmentId ? eq(appointments.id, r.appointmentId) : eq(appointments.bookingReference, r.bookingReference!),
    )!,
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
      ? db
          .select()
          .from(patients)
          .where(
            inArray(
              patients.id,
              byPatient.map((r) => r.patientId!),
            ),
          )
      : Promise.resolve([]),
  ]);

  const subjects = new Map<string, SubjectOrMissing>();
  for (const r of byAppointment) {
    const row = appointmentRows.find(
      (a) =>
        a.appointment.clinicId === r.event.clinicId &&
        (r.appointmentId ? a.appointment.id === r.appointmentId : a.appointment.bookingReference === r.bookingReference),
    );
    subjects.set(
      r.event.id,
      row
        ? { patient: row.patient, appointment: { ...row.appointment, agenda: row.agenda, motif: row.motif, doctorName: row.doctorName } }
        : { missing: "appointment" },
    );
  }
  const doctors = await doctorsOf(
    db,
    patientRows.filter((p) => byPatient.some((r) => r.patientId === p.id && DOCTOR_EVENTS.has(r.event.type))),
  );
  for (const r of refs.filter((x) => !subjects.has(x.event.id))) {
    const patient = patientRows.find((p) => p.id === r.patientId && p.clinicId === r.event.clinicId);
    subjects.set(
      r.event.id,
      patient
        ? { patient, appointment: null, ...(DOCTOR_EVENTS.has(r.event.type) ? { doctorId: doctors.get(patient.id) ?? null } : {}) }
        : { missing: "patient" },
    );
  }
  return subjects;
}

// Patient events whose staff alert goes to the patient's doctor.
const DOCTOR_EVENTS = new Set(["clinical.report_ready"]);

// Each patient's doctor: the agenda doctor of their latest appointment not cancelled, or of
// the next one when none has started yet. One query for the batch, each in its clinic.
async function doctorsOf(db: Database, people: Patient[]): Promise<Map<string, string>> {
  if (!people.length) return new Map();
  const rows = await executeRows<{ patient_id: string; doctor_id: string }>(
    db,
    sql`select distinct on (a.patient_id) a.patient_id, g.doctor_id
        from ${appointments} a join ${agendas} g on g.id = a.agenda_id and g.clinic_id = a.clinic_id
        where a.clinic_id = any(${sql.param(people.map((p) => p.clinicId))}::uuid[]) and a.patient_id = any(${sql.param(people.map((p) => p.id))}::uuid[])
          and a.status <> 'cancelled' and g.doctor_id is not null
        order by a.patient_id, (a.starts_at <= now()) desc, case when a.starts_at <= now() then -extract(epoch from a.starts_at) else extract(epoch from a.starts_at) end`,
  );
  return new Map(rows.map((r) => [r.patient_id, r.doctor_id]));
}
