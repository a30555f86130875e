import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { events, scheduledReminders, type Clinic } from "@/db/schema";
import { makeBookableAgenda, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { changeAppointment } from "@/lib/appointments/change-appointment";
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
});
