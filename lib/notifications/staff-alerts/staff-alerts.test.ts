import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendas, events, staffNotifications } from "@/db/schema";
import { applyAppointmentChange } from "@/lib/appointments/apply-appointment-change";
import { bookAppointment as book } from "@/lib/appointments/book-appointment";
import { makeAppointment, makeBookableAgenda, makePatient, makeStaff, staffContextFor } from "@/lib/testing/factories";
import { bookAppointment, pipelineFixture, publish, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { processEvent } from "../events/process-event";

// Staff alerts the app raises itself: from the patient events of its own actions and of
// other systems' (a cancellation by the patient, through the API).
let f: PipelineFixture;
let reception: { id: string };
let doctor: { id: string };
beforeAll(async () => {
  f = await pipelineFixture();
  reception = await makeStaff(f.db, f.clinic.id, "receptionist");
  doctor = await makeStaff(f.db, f.clinic.id, "doctor");
});
afterAll(() => f.close());

// Processes what the queue was handed since `from`, as its consumer would.
async function drainQueue(from: number) {
  for (let i = from; i < f.queued.length; i++) await processEvent(f.deps, f.queued[i]);
}
const alertsOf = async (eventKey: string) => {
  const [alert] = await f.db.select().from(events).where(eq(events.eventKey, eventKey));
  return alert ? f.db.select().from(staffNotifications).where(eq(staffNotifications.eventId, alert.id)) : [];
};

describe("staff alerts raised by the app", () => {
  it("a patient's cancellation through the API alerts reception and the agenda's doctor, linking to the appointment", async () => {
    const { agenda, appointment } = await bookAppointment(f, {}, { status: "cancelled" });
    await f.db.update(agendas).set({ doctorId: doctor.id }).where(eq(agendas.id, agenda.id));
    const mark = f.queued.length;
    const { id } = await publish(f, { type: "appointment.cancelled", data: { appointmentId: appointment.id, cancelledBy: "patient" } });
    await drainQueue(mark);
    const alerts = await alertsOf(`alert:${id}`);
    expect(alerts.map((a) => a.staffUserId).sort()).toEqual([reception.id, doctor.id].sort());
    expect(alerts[0]).toMatchObject({ type: "staff.cancellation", title: "Cancellation", link: `/appointments/${appointment.id}` });
    expect(alerts[0].body).toContain("was cancelled by the patient");
    // Processing the patient event again raises nothing new.
    await processEvent(f.deps, id);
    expect(await alertsOf(`alert:${id}`)).toHaveLength(2);
  });

  it("a booking made in the app alerts the agenda's doctor and the other receptionists, not the one who booked", async () => {
    const { agenda, motif } = await makeBookableAgenda(f.db, f.clinic.id);
    await f.db.update(agendas).set({ doctorId: doctor.id }).where(eq(agendas.id, agenda.id));
    const booker = await staffContextFor(f.db, f.clinic);
    const patient = await makePatient(f.db, f.clinic.id);
    const { appointment } = await book(
      booker,
      { agendaId: agenda.id, visitReasonId: motif.id, patientId: patient.id, startsAt: "2027-04-06T10:00" },
      new Date("2027-04-01T08:00:00Z"),
    );
    const [confirmed] = await f.db
      .select()
      .from(events)
      .where(eq(events.eventKey, `app:${appointment.id}:appointment.confirmed`));
    const mark = f.queued.length;
    await processEvent(f.deps, confirmed.id);
    await drainQueue(mark);
    const alerts = await alertsOf(`alert:${confirmed.id}`);
    expect(alerts.map((a) => a.staffUserId)).toContain(doctor.id);
    expect(alerts.map((a) => a.staffUserId)).toContain(reception.id);
    expect(alerts.map((a) => a.staffUserId)).not.toContain(booker.staff.id);
    expect(alerts[0]).toMatchObject({ type: "staff.new_session", title: "New session" });

    // Cancelled by a receptionist in the app: the doctor hears, the one who cancelled does not.
    await applyAppointmentChange(booker, appointment.id, { action: "cancel" }, new Date("2027-04-02T08:00:00Z"));
    const cancellations = await f.db
      .select()
      .from(events)
      .where(inArray(events.type, ["appointment.cancelled"]));
    const cancelled = cancellations.find((e) => e.payload.appointmentId === appointment.id)!;
    const from = f.queued.length;
    await processEvent(f.deps, cancelled.id);
    await drainQueue(from);
    const told = (await alertsOf(`alert:${cancelled.id}`)).map((a) => a.staffUserId);
    expect(told).toContain(doctor.id);
    expect(told).not.toContain(booker.staff.id);
  });

  it("a lab report ready alerts the patient's doctor (their latest appointment's), or the doctor the event names, never with the report's content", async () => {
    const lab = await makeStaff(f.db, f.clinic.id, "lab");
    const other = await makeStaff(f.db, f.clinic.id, "doctor");
    const { patient, agenda } = await bookAppointment(
      f,
      {},
      { startsAt: new Date(Date.now() - 7 * 86_400_000), endsAt: new Date(Date.now() - 7 * 86_400_000 + 1_800_000) },
    );
    await f.db.update(agendas).set({ doctorId: doctor.id }).where(eq(agendas.id, agenda.id));
    // A later appointment with another doctor, still to come: the latest past one decides.
    const next = await makeBookableAgenda(f.db, f.clinic.id);
    await f.db.update(agendas).set({ doctorId: other.id }).where(eq(agendas.id, next.agenda.id));
    await makeAppointment(
      f.db,
      { clinicId: f.clinic.id, agendaId: next.agenda.id, motifId: next.motif.id, patientId: patient.id },
      { startsAt: new Date(Date.now() + 7 * 86_400_000), endsAt: new Date(Date.now() + 7 * 86_400_000 + 1_800_000) },
    );

    const mark = f.queued.length;
    const { id } = await publish(f, { type: "clinical.report_ready", data: { patientId: patient.id, documentId: "HBA1C-2027-001" } });
    await drainQueue(mark);
    const alerts = await alertsOf(`alert:${id}`);
    expect(alerts.map((a) => a.staffUserId).sort()).toEqual([doctor.id, lab.id].sort());
    expect(alerts[0]).toMatchObject({ type: "staff.lab_result", link: `/patients/${patient.id}` });
    expect(alerts[0].body).toBe("Lab result ready for Anne ROUX.");
    expect(JSON.stringify(alerts)).not.toContain("HBA1C");

    const from = f.queued.length;
    const named = await publish(f, { type: "clinical.report_ready", data: { patientId: patient.id, doctorId: other.id } });
    await drainQueue(from);
    expect((await alertsOf(`alert:${named.id}`)).map((a) => a.staffUserId).sort()).toEqual([other.id, lab.id].sort());
  });
});
