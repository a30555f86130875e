import { eq } from "drizzle-orm";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, patients } from "@/db/schema";
import { changeNotificationSwitch, listNotificationSwitches } from "@/lib/appointments/notification-switches";
import { listDeliveries } from "@/lib/notifications/log/list-deliveries";
import { deliveryLogQuerySchema } from "@/lib/notifications/log/schemas";
import { staffContextFor } from "@/lib/testing/factories";
import { bookAppointment, deliveriesOf, pipelineFixture, publish, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { explainAppointment, explainPatient } from "./why-not";

// The switches an admin flips, the decisions they cause, and the explainer that reads both back:
// recorded at the time, never recomputed.
let f: PipelineFixture;
let admin: Awaited<ReturnType<typeof staffContextFor>>;
beforeAll(async () => {
  f = await pipelineFixture();
  admin = await staffContextFor(f.db, f.clinic, "admin");
});
afterAll(() => f.close());

describe("notification switches and the explainer", () => {
  it("an agenda's SMS turned off: audited, the cancellation goes by email only, and the explainer names who turned it off", async () => {
    const { agenda, appointment, patient } = await bookAppointment(f, {}, { status: "cancelled" });
    await changeNotificationSwitch(admin, { target: "agenda", id: agenda.id, switch: "sms", on: false }, new Date());
    // The same again changes and records nothing.
    await changeNotificationSwitch(admin, { target: "agenda", id: agenda.id, switch: "sms", on: false }, new Date());
    const trail = await f.db.select().from(auditEvents).where(eq(auditEvents.action, "notification_switch.changed"));
    expect(trail).toEqual([
      expect.objectContaining({
        staffUserId: admin.staff.id,
        detail: expect.objectContaining({ target: "agenda", id: agenda.id, switch: "sms", before: true, after: false }),
      }),
    ]);
    const listed = await listNotificationSwitches(admin);
    expect(listed.agendas.find((a) => a.id === agenda.id)!.switches.sms).toMatchObject({ on: false, lastChange: { by: admin.staff.name } });

    const { id } = await publish(f, { type: "appointment.cancelled", data: { appointmentId: appointment.id } });
    const rows = await deliveriesOf(f, id);
    expect(rows.sms).toMatchObject({ status: "skipped", skipReason: "agenda_channel_off" });
    expect(rows.email.status).toBe("sent");

    const explained = await explainAppointment(admin, appointment.id);
    const sms = explained.find((e) => e.kind === "delivery" && e.channel === "sms");
    expect(sms).toMatchObject({ status: "skipped", reason: "agenda_channel_off", attribution: { by: admin.staff.name } });
    expect(explained.find((e) => e.kind === "delivery" && e.channel === "email")).toMatchObject({ status: "sent", attribution: null });
    expect((await explainPatient(admin, patient.id)).map((e) => e.id)).toEqual(expect.arrayContaining([sms!.id]));

    // Support finds the email by its provider message id, and by the patient's address and name.
    const find = (q: string) => listDeliveries(admin, deliveryLogQuerySchema.parse({ q }));
    expect((await find(rows.email.providerMessageId!)).deliveries.map((d) => d.id)).toEqual([rows.email.id]);
    expect((await find("ANNE@example.com")).deliveries.map((d) => d.id)).toContain(rows.email.id);
    expect((await find("anne ro")).deliveries.map((d) => d.id)).toEqual(expect.arrayContaining([rows.email.id, rows.sms.id]));
    expect((await find(appointment.bookingReference)).deliveries.map((d) => d.id)).toEqual(
      expect.arrayContaining([rows.email.id, rows.sms.id]),
    );
    expect((await find("no-such-message-id")).deliveries).toEqual([]);

    // By the patient's mobile as a receptionist types it: the SMS to the number, and the email
    // to the patient too, with the patient named as the match.
    const national = parsePhoneNumberFromString(patient.phone!)!.formatNational().replace(/ /g, ".");
    const byPhone = await find(national);
    expect(byPhone.deliveries.map((d) => d.id)).toEqual(expect.arrayContaining([rows.email.id, rows.sms.id]));
    expect(byPhone.matchedPatients).toEqual([{ id: patient.id, name: `${patient.firstName} ${patient.lastName}` }]);
  });

  it("a visit reason's switch and a patient's own are attributed from their audit entries", async () => {
    const { appointment, motif } = await bookAppointment(f, { email: null }, { status: "cancelled" });
    await changeNotificationSwitch(admin, { target: "visit_reason", id: motif.id, on: false }, new Date());
    const off = await publish(f, { type: "appointment.cancelled", data: { appointmentId: appointment.id } });
    expect((await deliveriesOf(f, off.id)).sms).toMatchObject({ status: "skipped", skipReason: "motif_notifications_off" });
    expect(
      (await explainAppointment(admin, appointment.id)).find((e) => e.kind === "delivery" && e.reason === "motif_notifications_off"),
    ).toMatchObject({ attribution: { by: admin.staff.name } });

    // The patient's switch is on the record; its change is a patient.updated audit entry.
    const moved = await bookAppointment(f, { email: null, phone: "+33698765432" });
    await f.db.update(patients).set({ notificationsEnabled: false }).where(eq(patients.id, moved.patient.id));
    await f.db.insert(auditEvents).values({
      clinicId: f.clinic.id,
      staffUserId: admin.staff.id,
      action: "patient.updated",
      patientId: moved.patient.id,
      detail: { notificationsEnabled: { before: true, after: false } },
      at: new Date(Date.now() - 1000),
    });
    const again = await publish(f, { type: "appointment.rescheduled", data: { appointmentId: moved.appointment.id } });
    // A move goes by WhatsApp and email: WhatsApp is held by the patient's switch.
    const whatsapp = (await deliveriesOf(f, again.id)).whatsapp;
    expect(whatsapp).toMatchObject({ status: "skipped", skipReason: "patient_notifications_off" });
    expect((await explainPatient(admin, moved.patient.id)).find((e) => e.id === whatsapp.id)).toMatchObject({
      attribution: { by: admin.staff.name },
    });
  });
});
