import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  agendas,
  consentRecords,
  deliveries,
  deliveryAttempts,
  events,
  motifs,
  patientDevices,
  patientUserProfiles,
  patientUsers,
  patients,
} from "@/db/schema";
import en from "@/lib/i18n/messages/en.json";
import { bookAppointment, deliveriesOf, pipelineFixture, publish, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { processEvent } from "./process-event";

let f: PipelineFixture;
beforeAll(async () => {
  f = await pipelineFixture();
});
afterAll(() => f.close());
beforeEach(() => f.sink.store.clear());

const cancelled = (appointmentId: string, id?: string) => ({ id, type: "appointment.cancelled" as const, data: { appointmentId } });

describe("a cancelled appointment", () => {
  it("goes out on the event's channels, and every other channel records why not", async () => {
    const { appointment } = await bookAppointment(f, {}, { status: "cancelled" });
    const { id } = await publish(f, cancelled(appointment.id));
    const rows = await deliveriesOf(f, id);
    expect(rows.email).toMatchObject({ status: "sent", providerMessageId: expect.stringMatching(/^ses-/), attempts: 1 });
    expect(rows.sms).toMatchObject({ status: "sent", segments: 1 });
    // No inbound message in 24 h and no opt-in: no WhatsApp template may be sent.
    expect(rows.whatsapp).toMatchObject({ status: "skipped", skipReason: "whatsapp_no_opt_in" });
    expect(f.sink.store.messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    expect(f.sink.store.messages.find((m) => m.channel === "sms")?.text).toContain("est annulé");
    const [event] = await f.db.select().from(events).where(eq(events.id, id));
    expect(event.status).toBe("processed");
    expect(event.decisions).toContainEqual({ channel: "telegram", send: false, reason: "not_an_event_channel" });
  });

  it("shows a patient without an email address as an Email row SKIPPED with the reason", async () => {
    const { appointment } = await bookAppointment(f, { email: null }, { status: "cancelled" });
    const rows = await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id);
    expect(rows.email).toMatchObject({ status: "skipped", skipReason: "no_email" });
    expect(en.skipReasons.no_email).toBe("No email address on file.");
  });

  it("sends a WhatsApp template to a patient who opted in", async () => {
    const { appointment } = await bookAppointment(f, { phone: "+33611111111" }, { status: "cancelled" });
    await f.db
      .insert(consentRecords)
      .values({ clinicId: f.clinic.id, channel: "whatsapp", address: "+33611111111", state: "opted_in", source: "patient_portal" });
    const rows = await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id);
    expect(rows.whatsapp).toMatchObject({ status: "sent", providerMessageId: expect.stringMatching(/^wamid\./) });
    expect(f.sink.store.messages.find((m) => m.channel === "whatsapp")?.template?.name).toBe("appointment_cancelled");
  });
});

describe("the clinic's notification switches", () => {
  it("an agenda with SMS off sends no SMS for a cancellation it booked, but the patient's online booking still gets one", async () => {
    const practice = await bookAppointment(f, {}, { status: "cancelled", bookedBy: "practice" });
    await f.db.update(agendas).set({ notifySms: false }).where(eq(agendas.id, practice.agenda.id));
    const practiceRows = await deliveriesOf(f, (await publish(f, cancelled(practice.appointment.id))).id);
    expect(practiceRows.sms).toMatchObject({ status: "skipped", skipReason: "agenda_channel_off" });
    expect(practiceRows.email.status).toBe("sent");

    const online = await bookAppointment(f, {}, { status: "cancelled", bookedBy: "patient_online" });
    await f.db.update(agendas).set({ notifySms: false }).where(eq(agendas.id, online.agenda.id));
    const onlineRows = await deliveriesOf(f, (await publish(f, cancelled(online.appointment.id))).id);
    expect(onlineRows.sms.status).toBe("sent");
  });

  it("a visit reason with notifications off sends nothing at all", async () => {
    const booked = await bookAppointment(f, {}, { status: "cancelled", bookedBy: "patient_online" });
    await f.db.update(motifs).set({ notificationsEnabled: false }).where(eq(motifs.id, booked.motif.id));
    const rows = await deliveriesOf(f, (await publish(f, cancelled(booked.appointment.id))).id);
    expect(Object.values(rows).map((r) => [r.status, r.skipReason])).toEqual([
      ["skipped", "motif_notifications_off"],
      ["skipped", "motif_notifications_off"],
      ["skipped", "motif_notifications_off"],
    ]);
    expect(f.sink.store.messages).toEqual([]);
  });

  it("a patient with notifications off gets nothing for practice bookings", async () => {
    const booked = await bookAppointment(f, { notificationsEnabled: false }, { status: "cancelled" });
    const rows = await deliveriesOf(f, (await publish(f, cancelled(booked.appointment.id))).id);
    expect(rows.email.skipReason).toBe("patient_notifications_off");
    expect(rows.sms.skipReason).toBe("patient_notifications_off");
  });

  it("a number that replied STOP gets no SMS", async () => {
    const booked = await bookAppointment(f, { phone: "+33622222222" }, { status: "cancelled" });
    await f.db
      .insert(consentRecords)
      .values({ clinicId: f.clinic.id, channel: "sms", address: "+33622222222", state: "opted_out", source: "sms_keyword" });
    const rows = await deliveriesOf(f, (await publish(f, cancelled(booked.appointment.id))).id);
    expect(rows.sms.skipReason).toBe("sms_opted_out");
  });
});

describe("reminders at send time", () => {
  const reminder = (appointmentId: string, id?: string) => ({
    id,
    type: "appointment.reminder" as const,
    data: { appointmentId, offset: "24h" },
  });

  it("are skipped once the appointment is marked seen, and sent if the status is removed before the send time", async () => {
    const { appointment } = await bookAppointment(f, {}, { status: "seen" });
    const skipped = await deliveriesOf(f, (await publish(f, reminder(appointment.id, `rem-${appointment.id}-1`))).id);
    expect(skipped.sms).toMatchObject({ status: "skipped", skipReason: "appointment_status_changed" });

    const { appointments } = await import("@/db/schema");
    await f.db.update(appointments).set({ status: "confirmed" }).where(eq(appointments.id, appointment.id));
    const sent = await deliveriesOf(f, (await publish(f, reminder(appointment.id, `rem-${appointment.id}-2`))).id);
    expect(sent.sms.status).toBe("sent");
  });

  it("send one SMS for a parent and child with appointments the same day on the same agenda", async () => {
    const parent = await bookAppointment(f, { phone: "+33633333333", email: null }, { startsAt: new Date("2027-01-12T09:00:00Z") });
    const [child] = await f.db
      .insert(patients)
      .values({ clinicId: f.clinic.id, firstName: "Léo", lastName: "Roux", phone: "+33633333333", language: "fr" })
      .returning();
    const { appointments } = await import("@/db/schema");
    const [childAppointment] = await f.db
      .insert(appointments)
      .values({
        ...parent.appointment,
        id: undefined,
        patientId: child.id,
        bookingReference: `C-${child.id.slice(0, 6)}`,
        startsAt: new Date("2027-01-12T09:30:00Z"),
        endsAt: new Date("2027-01-12T09:50:00Z"),
      })
      .returning();

    const first = await deliveriesOf(f, (await publish(f, reminder(parent.appointment.id))).id);
    const second = await deliveriesOf(f, (await publish(f, reminder(childAppointment.id))).id);
    expect(first.sms.status).toBe("sent");
    expect(second.sms).toMatchObject({ status: "skipped", skipReason: "household_duplicate_sms" });
    expect(f.sink.store.messages.filter((m) => m.channel === "sms")).toHaveLength(1);
  });

  it("go to every app device of the household once, and a dead token deactivates its device with the reason", async () => {
    const { patient, appointment } = await bookAppointment(f, { email: null, phone: null });
    const [account] = await f.db
      .insert(patientUsers)
      .values({ clinicId: f.clinic.id, email: `parent-${patient.id}@example.com`, name: "Parent" })
      .returning();
    await f.db
      .insert(patientUserProfiles)
      .values({ clinicId: f.clinic.id, patientUserId: account.id, patientId: patient.id, relationship: "child", approved: true });
    const [live, dead] = await f.db
      .insert(patientDevices)
      .values([
        { clinicId: f.clinic.id, patientUserId: account.id, token: `live-${patient.id}`, platform: "ios" },
        { clinicId: f.clinic.id, patientUserId: account.id, token: `dead-${patient.id}`, platform: "android" },
      ])
      .returning();
    f.sink.store.queueFaults("push", []);
    const unregistered = {
      status: 404,
      body: {
        error: {
          code: 404,
          status: "NOT_FOUND",
          message: "not found",
          details: [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode: "UNREGISTERED" }],
        },
      },
    };
    // The first push call (live token) succeeds; the second answers UNREGISTERED.
    const originalTake = f.sink.store.takeFault.bind(f.sink.store);
    let calls = 0;
    f.sink.store.takeFault = (channel) => (channel === "push" && ++calls === 2 ? unregistered : originalTake(channel));
    try {
      const rows = await deliveriesOf(f, (await publish(f, reminder(appointment.id))).id);
      const statuses = [rows[`push:${live.token}`].status, rows[`push:${dead.token}`].status].sort();
      expect(statuses).toEqual(["failed", "sent"]);
    } finally {
      f.sink.store.takeFault = originalTake;
    }
    const devices = await f.db.select().from(patientDevices).where(eq(patientDevices.patientUserId, account.id));
    const deactivated = devices.filter((d) => !d.active);
    expect(deactivated).toHaveLength(1);
    expect(deactivated[0].deactivationReason).toContain("messaging/registration-token-not-registered");
  });
});

describe("nothing is sent twice", () => {
  it("the same event id again is answered as a duplicate and processed once", async () => {
    const { appointment } = await bookAppointment(f, {}, { status: "cancelled" });
    const first = await publish(f, cancelled(appointment.id, `ext-${appointment.id}`));
    const again = await publish(f, cancelled(appointment.id, `ext-${appointment.id}`));
    expect(again).toEqual({ id: first.id, duplicate: true });
    expect(f.sink.store.messages).toHaveLength(2);
  });

  it("the same job delivered twice, even at the same moment, sends once", async () => {
    const { appointment } = await bookAppointment(f, {}, { status: "cancelled" });
    const { ingestEvent } = await import("./ingest-event");
    const { id } = await ingestEvent(f.db, f.queue, f.clinic.id, cancelled(appointment.id), "api");
    const outcomes = await Promise.all([processEvent(f.deps, id), processEvent(f.deps, id)]);
    expect(outcomes.filter((o) => o === "processed")).toHaveLength(1);
    expect(await processEvent(f.deps, id)).toBe("already_processed");
    expect(f.sink.store.messages).toHaveLength(2);
  });

  it("a provider 500 then 200 gives one SENT delivery with two attempts", async () => {
    const { appointment } = await bookAppointment(f, { email: null }, { status: "cancelled" });
    f.sink.store.queueFaults("sms", [{ status: 500, body: { code: 20500, message: "Internal Server Error" } }]);
    const rows = await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id);
    expect(rows.sms).toMatchObject({ status: "sent", attempts: 2 });
    const attempts = await f.db
      .select()
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.deliveryId, rows.sms.id))
      .orderBy(deliveryAttempts.attempt);
    expect(attempts.map((a) => [a.outcome, a.errorCode])).toEqual([
      ["transient_error", "20500"],
      ["accepted", null],
    ]);
    expect(f.sink.store.messages.filter((m) => m.channel === "sms")).toHaveLength(1);
  });

  it("a permanent error fails at once with the provider's code, without retrying", async () => {
    const { appointment } = await bookAppointment(f, { email: null }, { status: "cancelled" });
    f.sink.store.queueFaults("sms", [{ status: 400, body: { code: 21211, message: "Invalid 'To' Phone Number" } }]);
    const rows = await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id);
    expect(rows.sms).toMatchObject({
      status: "failed",
      attempts: 1,
      providerErrorCode: "21211",
      providerError: "Invalid 'To' Phone Number",
    });
  });

  it("transient errors stop after the attempt limit", async () => {
    const { appointment } = await bookAppointment(f, { email: null }, { status: "cancelled" });
    f.sink.store.queueFaults(
      "sms",
      [500, 502, 503].map((status) => ({ status, body: { message: "down" } })),
    );
    const rows = await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id);
    expect(rows.sms).toMatchObject({ status: "failed", attempts: 3 });
    expect(f.sink.store.messages).toHaveLength(0);
  });

  it("an appointment of another clinic is never notified", async () => {
    const other = await pipelineFixture({ handle: f.handle });
    try {
      const { appointment } = await bookAppointment(other, {}, { status: "cancelled" });
      const { id } = await publish(f, cancelled(appointment.id));
      expect(
        await f.db
          .select()
          .from(deliveries)
          .where(and(eq(deliveries.eventId, id))),
      ).toEqual([]);
      const [event] = await f.db.select().from(events).where(eq(events.id, id));
      expect(event.decisions).toEqual([{ reason: "appointment_not_found" }]);
    } finally {
      await other.close();
    }
  });
});
