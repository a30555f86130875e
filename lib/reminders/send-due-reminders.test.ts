import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { events, scheduledReminders, type Clinic } from "@/db/schema";
import { makeAppointment, makeBookableAgenda, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { applyAppointmentChange } from "@/lib/appointments/apply-appointment-change";
import { changeAppointment } from "@/lib/appointments/change-appointment";
import { syncReminders } from "./schedule-reminders";
import { sendDueReminders } from "./send-due-reminders";

let handle: DatabaseHandle;
let paris: Clinic;
let refs: { agendaId: string; visitReasonId: string; patientId: string };
const booked = new Date("2026-11-30T08:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { timeZone: "Europe/Paris" });
  const { agenda, motif } = await makeBookableAgenda(handle.db, paris.id);
  const patient = await makePatient(handle.db, paris.id, { phone: "+33612345678" });
  refs = { agendaId: agenda.id, visitReasonId: motif.id, patientId: patient.id };
});
afterAll(() => handle.close());

const queued: string[] = [];
const tick = (at: string) => sendDueReminders(handle.db, new Date(at), async (ids) => void queued.push(...ids));

describe("the reminder tick", () => {
  it("hands each due reminder to the pipeline once, with a stable id, whatever the number of ticks", async () => {
    const { appointment } = await bookAppointment(
      await staffContextFor(handle.db, paris),
      { ...refs, startsAt: "2026-12-02T10:00" },
      booked,
    );
    expect(await tick("2026-12-01T08:00:00Z")).toMatchObject({ sent: 0, skipped: 0 }); // a day and an hour before: nothing due
    expect(await tick("2026-12-01T09:00:30Z")).toMatchObject({ sent: 1, skipped: 0 }); // the 24 h one
    expect(await tick("2026-12-01T09:01:30Z")).toMatchObject({ sent: 0, skipped: 0 }); // a second tick sends nothing
    const [event] = await handle.db
      .select()
      .from(events)
      .where(eq(events.eventKey, `reminder:${appointment.id}:1440:${appointment.startsAt.toISOString()}`));
    expect(event).toMatchObject({
      type: "appointment.reminder",
      source: "scheduler",
      payload: { appointmentId: appointment.id, offset: "24h" },
    });
    expect(queued).toEqual([event.id]);
    // A late tick finds the day's two reminders due: only the one nearest the start goes.
    expect(await tick("2026-12-02T08:45:00Z")).toMatchObject({ sent: 1, skipped: 1 });
    const rows = await handle.db.select().from(scheduledReminders).where(eq(scheduledReminders.appointmentId, appointment.id));
    expect(rows.map((r) => [r.offsetMinutes, r.status, r.reason]).sort()).toEqual([
      [120, "skipped", "superseded_by_later_reminder"],
      [1440, "sent", null],
      [30, "sent", null],
    ]);
  });

  it("skips a reminder whose appointment is no longer upcoming, and one that would reach the start", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const { appointment } = await bookAppointment(ctx, { ...refs, startsAt: "2026-12-03T10:00" }, booked);
    // Marked in the waiting room early, without going through the app's sync (another system).
    await changeAppointment(ctx, appointment.id, { action: "set_status", status: "in_waiting_room" }, new Date("2026-12-03T08:55:00Z"));
    const result = await tick("2026-12-03T09:00:00Z");
    expect(result.sent).toBe(0);
    const rows = await handle.db.select().from(scheduledReminders).where(eq(scheduledReminders.appointmentId, appointment.id));
    expect(rows.filter((r) => r.status === "skipped").map((r) => r.reason)).toContain("appointment_status_changed");
  });

  // The tick's clock moved as a late QStash delivery or a restarted server would move it.
  const rowsOf = async (appointmentId: string) =>
    new Map(
      (await handle.db.select().from(scheduledReminders).where(eq(scheduledReminders.appointmentId, appointmentId))).map((r) => [
        r.offsetMinutes,
        r,
      ]),
    );

  it("after a tick an hour late, checks the backup its delay after the reminder went, not after its planned time", async () => {
    const { appointment } = await bookAppointment(
      await staffContextFor(handle.db, paris),
      { ...refs, startsAt: "2026-12-04T15:00" },
      booked,
    );
    await tick("2026-12-04T13:00:00Z"); // the 2 h reminder was due at 12:00Z
    const twoHours = (await rowsOf(appointment.id)).get(120)!;
    expect(twoHours).toMatchObject({ status: "sent", backupStatus: "waiting" });
    expect(twoHours.backupDueAt).toEqual(new Date("2026-12-04T13:15:00Z"));
  });

  it("puts off a reminder a tick finds in quiet hours until they end, and sends it then", async () => {
    const { appointment } = await bookAppointment(
      await staffContextFor(handle.db, paris),
      { ...refs, startsAt: "2026-12-05T16:00" },
      booked,
    );
    await tick("2026-12-04T21:30:00Z"); // 22:30 in Paris; the 24 h reminder was due at 16:00
    const waiting = (await rowsOf(appointment.id)).get(1440)!;
    expect(waiting).toMatchObject({ status: "scheduled", dueAt: new Date("2026-12-05T07:00:00Z") });
    expect(waiting.deferredFrom).toEqual(new Date("2026-12-04T15:00:00Z"));
    await tick("2026-12-05T07:00:30Z");
    const sent = (await rowsOf(appointment.id)).get(1440)!;
    expect(sent.status).toBe("sent");
    expect(sent.backupDueAt).toEqual(new Date("2026-12-05T07:15:30Z"));
  });

  it("skips a 24 h reminder found two hours before the start, with its backup: the 2 h one follows alone", async () => {
    const { appointment } = await bookAppointment(
      await staffContextFor(handle.db, paris),
      { ...refs, startsAt: "2026-12-08T15:00" },
      booked,
    );
    await tick("2026-12-08T11:50:00Z"); // T−2h10
    const late = (await rowsOf(appointment.id)).get(1440)!;
    expect(late).toMatchObject({
      status: "skipped",
      reason: "too_late_to_help",
      backupStatus: "skipped",
      backupReason: "first_reminder_skipped",
    });
    expect((await rowsOf(appointment.id)).get(120)!.status).toBe("scheduled");
    await tick("2026-12-08T12:00:30Z");
    const rows = await rowsOf(appointment.id);
    expect([rows.get(1440)!.status, rows.get(120)!.status, rows.get(30)!.status]).toEqual(["skipped", "sent", "scheduled"]);
  });

  it("reminds of a request awaiting approval only once the practice confirms it", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const pending = await makeAppointment(
      handle.db,
      { clinicId: paris.id, agendaId: refs.agendaId, motifId: refs.visitReasonId, patientId: refs.patientId },
      { startsAt: new Date("2026-12-09T09:00:00Z"), endsAt: new Date("2026-12-09T09:20:00Z"), status: "pending_approval" },
    );
    await syncReminders(handle.db, pending, booked);
    expect([...(await rowsOf(pending.id)).values()].filter((r) => r.status === "scheduled")).toEqual([]);
    await applyAppointmentChange(ctx, pending.id, { action: "set_status", status: "confirmed" }, booked);
    expect([...(await rowsOf(pending.id)).values()].map((r) => r.status)).toEqual(["scheduled", "scheduled", "scheduled"]);
  });

  it("a move to 08:15 keeps the 2 h WhatsApp: the 30 min reminder, pushed to 08:00 with it, goes as the same message", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const { appointment } = await bookAppointment(ctx, { ...refs, startsAt: "2026-12-10T10:00" }, booked);
    await applyAppointmentChange(ctx, appointment.id, { action: "reschedule", startsAt: "2026-12-10T08:15" }, booked);
    const rows = await rowsOf(appointment.id);
    expect(rows.get(120)).toMatchObject({ status: "scheduled", dueAt: new Date("2026-12-10T07:00:00Z"), channels: ["whatsapp", "push"] });
    expect(rows.get(30)).toMatchObject({ status: "skipped", reason: "merged_with_earlier_reminder" });
  });
});
