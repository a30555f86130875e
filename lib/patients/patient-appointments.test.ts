import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agendas,
  appointments,
  events,
  motifs,
  patientUserProfiles,
  patientUsers,
  scheduledReminders,
  staffNotifications,
} from "@/db/schema";
import type { PatientContext } from "@/lib/auth/patient-session";
import type { Queueing } from "@/lib/notifications/queue/event-queue";
import { processEvent } from "@/lib/notifications/events/process-event";
import { makeAgendaAndMotif, makeAppointment, makePatient, makeStaff } from "@/lib/testing/factories";
import { pipelineFixture, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { cancelOwnAppointment, upcomingAppointments } from "./patient-appointments";

// A patient cancelling from the app: only their own profiles' appointments, and the change goes
// through the same path as staff's (reminders cancelled, the patient event, the staff alert).
let f: PipelineFixture;
let reception: { id: string };
let doctor: { id: string };
beforeAll(async () => {
  f = await pipelineFixture();
  reception = await makeStaff(f.db, f.clinic.id, "receptionist");
  doctor = await makeStaff(f.db, f.clinic.id, "doctor");
});
afterAll(() => f.close());

async function accountWith(approved: boolean) {
  const [user] = await f.db
    .insert(patientUsers)
    .values({ clinicId: f.clinic.id, email: `${crypto.randomUUID()}@example.com`, name: "Parent" })
    .returning();
  const patient = await makePatient(f.db, f.clinic.id, { firstName: "Léa", lastName: "Martin" });
  await f.db
    .insert(patientUserProfiles)
    .values({ clinicId: f.clinic.id, patientUserId: user.id, patientId: patient.id, relationship: "child", approved });
  const { agenda, motif } = await makeAgendaAndMotif(f.db, f.clinic.id);
  await f.db.update(agendas).set({ doctorId: doctor.id }).where(eq(agendas.id, agenda.id));
  const appointment = await makeAppointment(f.db, { clinicId: f.clinic.id, agendaId: agenda.id, motifId: motif.id, patientId: patient.id });
  const ctx: PatientContext & Queueing = {
    db: f.db,
    clinicId: f.clinic.id,
    patientUserId: user.id,
    sessionId: crypto.randomUUID(),
    queue: f.queue,
  };
  return { ctx, patient, appointment, agenda, motif };
}

describe("a patient's own appointments", () => {
  it("lists the upcoming appointments of approved profiles only, without the visit reason", async () => {
    const mine = await accountWith(true);
    const pending = await accountWith(false);
    const { appointments: listed } = await upcomingAppointments(mine.ctx, new Date());
    expect(listed).toEqual([expect.objectContaining({ id: mine.appointment.id, patientFirstName: "Léa", status: "confirmed" })]);
    expect(Object.keys(listed[0])).not.toContain("motifId");
    expect((await upcomingAppointments(pending.ctx, new Date())).appointments).toEqual([]);
    // A visit reason with notifications off is hidden from the patient's list.
    await f.db.update(motifs).set({ notificationsEnabled: false }).where(eq(motifs.id, mine.motif.id));
    expect((await upcomingAppointments(mine.ctx, new Date())).appointments).toEqual([]);
  });

  it("cancels one: reminders cancelled, the event says the patient did it, and reception and the doctor are alerted", async () => {
    const { ctx, appointment } = await accountWith(true);
    await f.db.insert(scheduledReminders).values({
      clinicId: f.clinic.id,
      appointmentId: appointment.id,
      offsetMinutes: 120,
      dueAt: new Date(appointment.startsAt.getTime() - 7_200_000),
      validUntil: appointment.startsAt,
      status: "scheduled",
    });
    const result = await cancelOwnAppointment(ctx, appointment.id, { reason: "Feeling better" }, new Date());
    expect(result.appointment).toMatchObject({ id: appointment.id, status: "cancelled" });
    const [row] = await f.db.select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row).toMatchObject({ status: "cancelled", cancellationReason: "Feeling better" });
    const reminders = await f.db.select().from(scheduledReminders).where(eq(scheduledReminders.appointmentId, appointment.id));
    expect(reminders.every((r) => r.status === "cancelled")).toBe(true);

    const [event] = await f.db
      .select()
      .from(events)
      .where(and(eq(events.clinicId, f.clinic.id), like(events.eventKey, `app:${appointment.id}:appointment.cancelled:%`)));
    expect(event.payload).toMatchObject({ appointmentId: appointment.id, cancelledBy: "patient" });
    const mark = f.queued.length;
    await processEvent(f.deps, event.id);
    for (const id of f.queued.slice(mark)) await processEvent(f.deps, id);
    const [alert] = await f.db
      .select()
      .from(events)
      .where(eq(events.eventKey, `alert:${event.id}`));
    const told = await f.db.select().from(staffNotifications).where(eq(staffNotifications.eventId, alert.id));
    expect(told.map((n) => n.staffUserId).sort()).toEqual([reception.id, doctor.id].sort());
    expect(told[0].body).toContain("by the patient");
  });

  it("answers 404 for another account's appointment and for an unapproved profile's, 409 for one already cancelled", async () => {
    const mine = await accountWith(true);
    const theirs = await accountWith(true);
    const unapproved = await accountWith(false);
    await expect(cancelOwnAppointment(mine.ctx, theirs.appointment.id, {}, new Date())).rejects.toMatchObject({ status: 404 });
    await expect(cancelOwnAppointment(unapproved.ctx, unapproved.appointment.id, {}, new Date())).rejects.toMatchObject({ status: 404 });
    const [untouched] = await f.db.select().from(appointments).where(eq(appointments.id, theirs.appointment.id));
    expect(untouched.status).toBe("confirmed");
    await cancelOwnAppointment(mine.ctx, mine.appointment.id, {}, new Date());
    await expect(cancelOwnAppointment(mine.ctx, mine.appointment.id, {}, new Date())).rejects.toMatchObject({ status: 409 });
  });
});
