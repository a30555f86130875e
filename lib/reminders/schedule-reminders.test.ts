import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { reminderRules, scheduledReminders, type Clinic } from "@/db/schema";
import { makeBookableAgenda, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { clinicLocalDateTime } from "@/lib/time/clinic-time";
import { changeAppointment } from "@/lib/appointments/change-appointment";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { syncReminders } from "./schedule-reminders";

let handle: DatabaseHandle;
let paris: Clinic;
let refs: { agendaId: string; visitReasonId: string; patientId: string };
const now = new Date("2026-11-30T08:00:00Z"); // Monday 09:00 in Paris

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { timeZone: "Europe/Paris" });
  const { agenda, motif } = await makeBookableAgenda(handle.db, paris.id);
  const patient = await makePatient(handle.db, paris.id);
  refs = { agendaId: agenda.id, visitReasonId: motif.id, patientId: patient.id };
});
afterAll(() => handle.close());

const rowsOf = (appointmentId: string) =>
  handle.db
    .select()
    .from(scheduledReminders)
    .where(eq(scheduledReminders.appointmentId, appointmentId))
    .orderBy(asc(scheduledReminders.offsetMinutes));
const book = async (startsAt: string) =>
  (await bookAppointment(await staffContextFor(handle.db, paris), { ...refs, startsAt }, now)).appointment;

describe("reminders tied to their appointment", () => {
  it("are created with the booking, re-timed when it moves, cancelled with it", async () => {
    const appointment = await book("2026-12-03T10:00");
    expect((await rowsOf(appointment.id)).map((r) => [r.offsetMinutes, r.status, clinicLocalDateTime(r.dueAt, "Europe/Paris")])).toEqual([
      [30, "scheduled", "2026-12-03T09:30"],
      [120, "scheduled", "2026-12-03T08:00"],
      [1440, "scheduled", "2026-12-02T10:00"],
    ]);
    const ctx = await staffContextFor(handle.db, paris);
    const moved = await changeAppointment(ctx, appointment.id, { action: "reschedule", startsAt: "2026-12-04T15:00" }, now);
    await syncReminders(handle.db, moved.after, now);
    expect((await rowsOf(appointment.id)).map((r) => clinicLocalDateTime(r.dueAt, "Europe/Paris"))).toEqual([
      "2026-12-04T14:30",
      "2026-12-04T13:00",
      "2026-12-03T15:00",
    ]);
    const cancelled = await changeAppointment(ctx, appointment.id, { action: "cancel", reason: "Patient request" }, now);
    await syncReminders(handle.db, cancelled.after, now);
    expect((await rowsOf(appointment.id)).map((r) => [r.status, r.reason])).toEqual(Array(3).fill(["cancelled", "appointment_cancelled"]));
  });

  it("a late booking keeps only the reminders that still make sense, and says why for the other", async () => {
    const appointment = await book("2026-11-30T11:30"); // two and a half hours from now
    expect((await rowsOf(appointment.id)).map((r) => [r.offsetMinutes, r.status, r.reason])).toEqual([
      [30, "scheduled", null],
      [120, "scheduled", null],
      [1440, "skipped", "booked_too_late"],
    ]);
  });

  it("follow the visit reason's rule over the agenda's and the clinic's", async () => {
    await handle.db.insert(reminderRules).values([
      { clinicId: paris.id, steps: [{ offsetMinutes: 48 * 60, channels: ["email"] }] },
      {
        clinicId: paris.id,
        motifId: refs.visitReasonId,
        steps: [{ offsetMinutes: 60, channels: ["sms"] }],
        quietStartsAt: 22 * 60,
        quietEndsAt: 7 * 60,
      },
    ]);
    const appointment = await book("2026-12-07T11:00");
    expect((await rowsOf(appointment.id)).map((r) => r.offsetMinutes)).toEqual([60]);
  });
});
