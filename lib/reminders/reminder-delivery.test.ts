import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  consentRecords,
  deliveries,
  patientDevices,
  patients,
  patientUserProfiles,
  patientUsers,
  reminderRules,
  scheduledReminders,
  type ReminderStep,
} from "@/db/schema";
import { processEvent } from "@/lib/notifications/events/process-event";
import { applyReceipt } from "@/lib/notifications/receipts/apply-receipt";
import { makeBookableAgenda, makePatient, staffContextFor } from "@/lib/testing/factories";
import { pipelineFixture, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { applyAppointmentChange } from "@/lib/appointments/apply-appointment-change";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { changeAppointment } from "@/lib/appointments/change-appointment";
import { sendDueReminders } from "./send-due-reminders";

// The scheduled path end to end: booked through the app, the tick hands the due reminders to
// the real pipeline, which sends them to the local provider sinks.
let f: PipelineFixture;
let refs: { agendaId: string; visitReasonId: string };
const booked = new Date("2027-03-01T08:00:00Z");

beforeAll(async () => {
  f = await pipelineFixture();
  const { agenda, motif } = await makeBookableAgenda(f.db, f.clinic.id);
  refs = { agendaId: agenda.id, visitReasonId: motif.id };
});
afterAll(() => f.close());
beforeEach(() => f.sink.store.clear());

// The tick, with each queued event processed as the queue's consumer would.
const tick = (at: string) =>
  sendDueReminders(f.db, new Date(at), async (ids) => void (await Promise.all(ids.map((id) => processEvent(f.deps, id)))));
const sent = (channel: string) => f.sink.store.messages.filter((m) => m.channel === channel);

async function patientWithWhatsAppAndPhone(phone: string) {
  const patient = await makePatient(f.db, f.clinic.id, { phone, email: null, language: "fr" });
  await f.db
    .insert(consentRecords)
    .values({ clinicId: f.clinic.id, channel: "whatsapp", address: phone, state: "opted_in", source: "paper_form" });
  const [account] = await f.db
    .insert(patientUsers)
    .values({ clinicId: f.clinic.id, email: `${patient.id}@example.com`, name: "Patient" })
    .returning();
  await f.db
    .insert(patientUserProfiles)
    .values({ clinicId: f.clinic.id, patientUserId: account.id, patientId: patient.id, relationship: "self", approved: true });
  await f.db
    .insert(patientDevices)
    .values({ clinicId: f.clinic.id, patientUserId: account.id, token: `device-${patient.id}`, platform: "ios" });
  return patient;
}

async function book(patientId: string, startsAt: string) {
  const ctx = await staffContextFor(f.db, f.clinic);
  return { ctx, ...(await bookAppointment(ctx, { ...refs, patientId, startsAt }, booked)) };
}

describe("a scheduled reminder with push as WhatsApp's backup", () => {
  it("sends the push when WhatsApp is not delivered within the delay", async () => {
    const patient = await patientWithWhatsAppAndPhone("+33640000001");
    const { appointment } = await book(patient.id, "2027-03-10T15:00"); // 14:00 UTC; the 2 h reminder at 12:00 UTC
    await tick("2027-03-10T12:00:10Z");
    expect(sent("whatsapp")).toHaveLength(1);
    expect(sent("push")).toHaveLength(0);
    await tick("2027-03-10T12:10:00Z"); // the delay (15 min) is not over
    expect(sent("push")).toHaveLength(0);
    await tick("2027-03-10T12:15:10Z");
    expect(sent("push")).toHaveLength(1);
    const [row] = await f.db
      .select()
      .from(scheduledReminders)
      .where(and(eq(scheduledReminders.appointmentId, appointment.id), eq(scheduledReminders.offsetMinutes, 120)));
    expect(row).toMatchObject({ status: "sent", backupStatus: "sent", channels: ["whatsapp", "push"] });
    await tick("2027-03-10T12:20:00Z"); // and only once
    expect(sent("push")).toHaveLength(1);
  });

  it("sends no push when WhatsApp was delivered in time", async () => {
    const patient = await patientWithWhatsAppAndPhone("+33640000002");
    const { appointment } = await book(patient.id, "2027-03-11T15:00");
    await tick("2027-03-11T12:00:10Z");
    const [whatsapp] = await f.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.appointmentId, appointment.id), eq(deliveries.channel, "whatsapp")));
    expect(whatsapp.status).toBe("sent");
    const receipt = {
      channel: "whatsapp" as const,
      providerMessageId: whatsapp.providerMessageId!,
      status: "delivered" as const,
      occurredAt: new Date("2027-03-11T12:01:00Z"),
      receiptKey: `d-${whatsapp.id}`,
      raw: {},
    };
    expect(await applyReceipt(f.db, f.clinic.id, receipt)).toBe("applied");
    const result = await tick("2027-03-11T12:15:10Z");
    expect(result).toMatchObject({ backupsSent: 0, backupsNotNeeded: 1 });
    expect(sent("push")).toHaveLength(0);
    const [row] = await f.db
      .select()
      .from(scheduledReminders)
      .where(and(eq(scheduledReminders.appointmentId, appointment.id), eq(scheduledReminders.offsetMinutes, 120)));
    expect(row).toMatchObject({ backupStatus: "not_needed", backupReason: "first_channel_delivered" });
  });

  it("goes straight to push when WhatsApp cannot reach the patient, and needs no backup after it", async () => {
    const patient = await patientWithWhatsAppAndPhone("+33640000003");
    await f.db.delete(consentRecords).where(eq(consentRecords.address, "+33640000003"));
    const { appointment } = await book(patient.id, "2027-03-12T15:00");
    await tick("2027-03-12T12:00:10Z");
    expect(sent("whatsapp")).toHaveLength(0);
    expect(sent("push")).toHaveLength(1);
    const rows = await f.db.select().from(deliveries).where(eq(deliveries.appointmentId, appointment.id));
    expect(rows.find((r) => r.channel === "whatsapp")).toMatchObject({ status: "skipped", skipReason: "whatsapp_no_opt_in" });
    expect(await tick("2027-03-12T12:15:10Z")).toMatchObject({ backupsSent: 0, backupsSkipped: 1 });
  });

  it("sends nothing after a cancellation, backup included", async () => {
    const patient = await patientWithWhatsAppAndPhone("+33640000004");
    const { ctx, appointment } = await book(patient.id, "2027-03-13T15:00");
    await tick("2027-03-13T12:00:10Z");
    await changeAppointment(ctx, appointment.id, { action: "cancel" }, new Date("2027-03-13T12:05:00Z"));
    f.sink.store.clear();
    expect(await tick("2027-03-13T13:30:10Z")).toMatchObject({ sent: 0, backupsSent: 0 });
    expect(f.sink.store.messages).toHaveLength(0);
  });
});

describe("a status changed, then restored", () => {
  it("holds the reminders while the appointment is not upcoming, and sends them once it is again before their time", async () => {
    const patient = await patientWithWhatsAppAndPhone("+33640000009");
    const { ctx, appointment } = await book(patient.id, "2027-03-18T15:00");
    await applyAppointmentChange(
      ctx,
      appointment.id,
      { action: "set_status", status: "excused_absence" },
      new Date("2027-03-17T09:00:00Z"),
    );
    expect(await tick("2027-03-17T14:00:10Z")).toMatchObject({ sent: 0 }); // the 24 h one, held
    await applyAppointmentChange(ctx, appointment.id, { action: "set_status", status: "confirmed" }, new Date("2027-03-18T10:00:00Z"));
    expect(await tick("2027-03-18T12:00:10Z")).toMatchObject({ sent: 1 }); // the 2 h one goes out
    expect(sent("whatsapp").filter((m) => JSON.stringify(m).includes("33640000009"))).toHaveLength(1);
    const rows = await f.db.select().from(scheduledReminders).where(eq(scheduledReminders.appointmentId, appointment.id));
    expect(rows.map((r) => [r.offsetMinutes, r.status, r.reason]).sort()).toEqual([
      [120, "sent", null],
      [1440, "cancelled", "appointment_status_changed"],
      [30, "scheduled", null],
    ]);
  });
});

describe("scheduled reminders of one household", () => {
  it("share one SMS for two appointments the same day on the same agenda", async () => {
    const step: ReminderStep = { offsetMinutes: 60, channels: ["sms"], backup: null };
    await f.db.insert(reminderRules).values({ clinicId: f.clinic.id, agendaId: refs.agendaId, steps: [step] });
    const parent = await makePatient(f.db, f.clinic.id, { phone: "+33650000001", email: null });
    const [child] = await f.db
      .insert(patients)
      .values({ clinicId: f.clinic.id, firstName: "Léo", lastName: "Roux", phone: "+33650000001", language: "fr" })
      .returning();
    await book(parent.id, "2027-03-15T10:00");
    await book(child.id, "2027-03-15T10:20");
    await tick("2027-03-15T08:00:30Z"); // an hour before 10:00 in Paris (UTC+1)
    await tick("2027-03-15T08:20:30Z"); // and before 10:20
    expect(sent("sms")).toHaveLength(1);
    const rows = await f.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.address, "+33650000001"), eq(deliveries.channel, "sms")));
    expect(rows.map((r) => r.skipReason).sort()).toEqual(["household_duplicate_sms", null]);
    await f.db.delete(reminderRules).where(eq(reminderRules.agendaId, refs.agendaId));
  });
});

describe("two ticks at once", () => {
  it("send each reminder once", async () => {
    const patients = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => makePatient(f.db, f.clinic.id, { phone: `+3366000000${i}`, email: `p${i}@example.com` })),
    );
    for (const [i, p] of patients.entries()) await book(p.id, `2027-03-17T${["08:00", "08:30", "09:00", "09:30", "10:00"][i]}`);
    // The morning before, past the last of them: the five day-before reminders are due.
    const [a, b] = await Promise.all([tick("2027-03-16T09:05:00Z"), tick("2027-03-16T09:05:00Z")]);
    expect(a.sent + b.sent).toBe(5);
    expect(sent("email")).toHaveLength(5);
    const rows = await f.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.eventType, "appointment.reminder"), eq(deliveries.status, "sent")));
    const keys = rows.map((r) => `${r.eventId}:${r.channel}:${r.address}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
