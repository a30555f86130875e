import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { appointments, closures, events, scheduledReminders, type Clinic } from "@/db/schema";
import { makeAppointment, makeBookableAgenda, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { clinicLocalDateTime } from "@/lib/time/clinic-time";
import { applyAppointmentChange } from "./apply-appointment-change";
import { bookSeries } from "./book-series";

// Weekly physiotherapy for 10 weeks, booked on a Paris agenda (Monday to Saturday 08–12 and
// 14–18) from Tuesday 16 March 2027: Paris springs forward on Sunday 28 March.
let handle: DatabaseHandle;
let paris: Clinic;
let refs: { clinicId: string; agendaId: string; motifId: string };
const now = new Date("2027-03-15T08:00:00Z");
const weekly10 = { intervalWeeks: 1, count: 10 };

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { timeZone: "Europe/Paris" });
  const { agenda, motif } = await makeBookableAgenda(handle.db, paris.id, { durationMinutes: 30 });
  refs = { clinicId: paris.id, agendaId: agenda.id, motifId: motif.id };
});
afterAll(() => handle.close());

const booking = async (startsAt: string) => {
  const patient = await makePatient(handle.db, paris.id);
  return { agendaId: refs.agendaId, visitReasonId: refs.motifId, patientId: patient.id, startsAt, repeat: weekly10 };
};
const seriesOf = (patientId: string) =>
  handle.db.select().from(appointments).where(eq(appointments.patientId, patientId)).orderBy(asc(appointments.startsAt));
const local = (d: Date) => clinicLocalDateTime(d, "Europe/Paris");
const eventsFor = async (ids: string[], type: string) =>
  (
    await handle.db
      .select()
      .from(events)
      .where(and(eq(events.clinicId, paris.id), eq(events.type, type)))
  ).filter((e) => ids.includes(e.payload.appointmentId as string));

describe("a recurring series", () => {
  it("books each occurrence as its own appointment, at 09:00 on the clinic's clock across the DST change, with one confirmation", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const input = await booking("2027-03-16T09:00");
    const result = await bookSeries(ctx, input, now);

    const rows = await seriesOf(input.patientId);
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.seriesId))).toEqual(new Set([result.series.id]));
    expect(new Set(rows.map((r) => r.bookingReference)).size).toBe(10);
    expect(rows.map((r) => local(r.startsAt))).toEqual(
      ["03-16", "03-23", "03-30", "04-06", "04-13", "04-20", "04-27", "05-04", "05-11", "05-18"].map((d) => `2027-${d}T09:00`),
    );
    // UTC+1 before the change, UTC+2 after it.
    expect(rows[1].startsAt.toISOString()).toBe("2027-03-23T08:00:00.000Z");
    expect(rows[2].startsAt.toISOString()).toBe("2027-03-30T07:00:00.000Z");
    // Each its own reminders, due before its own start.
    const reminders = await handle.db
      .select()
      .from(scheduledReminders)
      .where(
        inArray(
          scheduledReminders.appointmentId,
          rows.map((r) => r.id),
        ),
      );
    expect(new Set(reminders.map((r) => r.appointmentId)).size).toBe(10);
    // (The first one's 24 h reminder is skipped: it was booked less than a day ahead; quiet
    // hours may have moved one, keeping its planned time in deferredFrom.)
    for (const r of reminders.filter((r) => r.status === "scheduled"))
      expect((r.deferredFrom ?? r.dueAt).getTime()).toBe(
        rows.find((a) => a.id === r.appointmentId)!.startsAt.getTime() - r.offsetMinutes * 60_000,
      );
    // One message for the series, naming how many and the last one.
    const confirmations = await eventsFor(
      rows.map((r) => r.id),
      "appointment.confirmed",
    );
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0].payload.appointmentId).toBe(rows[0].id);
    expect(confirmations[0].payload).toMatchObject({ series: { count: 10, lastStartsAt: "2027-05-18T07:00:00.000Z" } });
    expect(ctx.queue.queued).toHaveLength(1);
  });

  it("moves the 4th occurrence on to Thursdays at 11:30, keeps the first three, and tells the patient once", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const input = await booking("2027-03-16T11:00");
    await bookSeries(ctx, input, now);
    const before = await seriesOf(input.patientId);
    const fourth = before[3];
    const remindersBefore = await handle.db.select().from(scheduledReminders).where(eq(scheduledReminders.appointmentId, fourth.id));

    const result = await applyAppointmentChange(
      ctx,
      fourth.id,
      { action: "reschedule", startsAt: "2027-04-08T11:30", scope: "following" },
      now,
    );
    expect(result.changedCount).toBe(7);
    const after = await seriesOf(input.patientId);
    expect(after.map((r) => local(r.startsAt))).toEqual([
      "2027-03-16T11:00",
      "2027-03-23T11:00",
      "2027-03-30T11:00",
      ...["04-08", "04-15", "04-22", "04-29", "05-06", "05-13", "05-20"].map((d) => `2027-${d}T11:30`),
    ]);
    // Each keeps its own length and its reminders follow it.
    expect(after.every((r) => r.endsAt.getTime() - r.startsAt.getTime() === 30 * 60_000)).toBe(true);
    const remindersAfter = await handle.db.select().from(scheduledReminders).where(eq(scheduledReminders.appointmentId, fourth.id));
    if (remindersBefore.length) expect(remindersAfter[0].dueAt).not.toEqual(remindersBefore[0].dueAt);
    const moved = await eventsFor(
      after.map((r) => r.id),
      "appointment.rescheduled",
    );
    expect(moved).toHaveLength(1);
    expect(moved[0].payload.appointmentId).toBe(fourth.id);
    expect(moved[0].payload).toMatchObject({ series: { count: 7 } });
  });

  it("moves the following ones a week later, each onto the time its neighbour had", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const input = await booking("2027-03-16T14:00");
    await bookSeries(ctx, input, now);
    const before = await seriesOf(input.patientId);
    await applyAppointmentChange(ctx, before[7].id, { action: "reschedule", startsAt: "2027-05-11T14:00", scope: "following" }, now);
    expect((await seriesOf(input.patientId)).slice(7).map((r) => local(r.startsAt))).toEqual([
      "2027-05-11T14:00",
      "2027-05-18T14:00",
      "2027-05-25T14:00",
    ]);
  });

  it("refuses a move of the following ones when one of them would land on a closure, naming it, and moves none", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const input = await booking("2027-03-16T15:00");
    await bookSeries(ctx, input, now);
    await handle.db
      .insert(closures)
      .values({ clinicId: paris.id, agendaId: refs.agendaId, startsOn: "2027-05-14", endsOn: "2027-05-14", reason: "Pont" });
    const before = await seriesOf(input.patientId);
    const queued = ctx.queue.queued.length;
    await expect(
      applyAppointmentChange(ctx, before[5].id, { action: "reschedule", startsAt: "2027-04-23T15:00", scope: "following" }, now),
    ).rejects.toMatchObject({
      status: 409,
      code: "closed",
      message: expect.stringContaining("The occurrence of 2027-05-11 15:00 cannot be moved to 2027-05-14 15:00"),
    });
    expect((await seriesOf(input.patientId)).map((r) => r.startsAt)).toEqual(before.map((r) => r.startsAt));
    expect(ctx.queue.queued).toHaveLength(queued);
  });

  it("cancels from the 8th on: three cancelled with one message, the 7th kept", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const input = await booking("2027-03-16T16:00");
    await bookSeries(ctx, input, now);
    const before = await seriesOf(input.patientId);
    const result = await applyAppointmentChange(
      ctx,
      before[7].id,
      { action: "cancel", reason: "Fin du traitement", scope: "following" },
      now,
    );
    expect(result.changedCount).toBe(3);
    const after = await seriesOf(input.patientId);
    expect(after.map((r) => r.status)).toEqual([...Array(7).fill("confirmed"), "cancelled", "cancelled", "cancelled"]);
    const waiting = await handle.db
      .select()
      .from(scheduledReminders)
      .where(
        and(
          inArray(
            scheduledReminders.appointmentId,
            after.slice(7).map((r) => r.id),
          ),
          eq(scheduledReminders.status, "scheduled"),
        ),
      );
    expect(waiting).toEqual([]);
    const cancelled = await eventsFor(
      after.map((r) => r.id),
      "appointment.cancelled",
    );
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0].payload).toMatchObject({ series: { count: 3, lastStartsAt: after[9].startsAt.toISOString() } });
  });

  it("refuses 'from this one on' for an appointment that is not part of a series", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const patient = await makePatient(handle.db, paris.id);
    const single = await makeAppointment(
      handle.db,
      { ...refs, patientId: patient.id },
      {
        startsAt: new Date("2027-03-17T09:00:00Z"),
        status: "confirmed",
      },
    );
    await expect(applyAppointmentChange(ctx, single.id, { action: "cancel", scope: "following" }, now)).rejects.toMatchObject({
      status: 400,
      fields: { scope: ["this appointment is not part of a series"] },
    });
  });
  it("books nothing when some dates cannot be booked, and says which and why; asked again, books the others", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const input = await booking("2027-03-16T10:00");
    await handle.db
      .insert(closures)
      .values({ clinicId: paris.id, agendaId: refs.agendaId, startsOn: "2027-04-06", endsOn: "2027-04-06", reason: "Formation" });
    const other = await makePatient(handle.db, paris.id);
    await makeAppointment(
      handle.db,
      { ...refs, patientId: other.id },
      {
        startsAt: new Date("2027-04-20T08:15:00Z"),
        endsAt: new Date("2027-04-20T08:45:00Z"),
        status: "confirmed",
      },
    );

    await expect(bookSeries(ctx, input, now)).rejects.toMatchObject({
      status: 409,
      code: "series_unavailable",
      details: {
        unavailable: [
          { startsAt: "2027-04-06T10:00", at: "2027-04-06T08:00:00.000Z", problem: "closed", reason: "is on a day this agenda is closed" },
          { startsAt: "2027-04-20T10:00", at: "2027-04-20T08:00:00.000Z", problem: "taken", reason: "is taken by another appointment" },
        ],
      },
    });
    expect(await seriesOf(input.patientId)).toHaveLength(0);
    expect(ctx.queue.queued).toEqual([]);

    const result = await bookSeries(ctx, { ...input, skipUnavailable: true }, now);
    expect(result.series.appointments).toHaveLength(8);
    expect(result.series.skipped.map((s) => s.startsAt)).toEqual(["2027-04-06T10:00", "2027-04-20T10:00"]);
    expect(await seriesOf(input.patientId)).toHaveLength(8);
  });
});
