import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { agendas, appointments, auditEvents, closures, events, type Clinic } from "@/db/schema";
import { makeAppointment, makeBookableAgenda, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { applyAppointmentChange } from "./apply-appointment-change";
import { bookAppointment } from "./book-appointment";

// A move is a booking at a new time: the agenda's hours and closures hold for both, through the
// same function; staff may overrule the hours knowingly, with a reason kept in the audit trail.
let handle: DatabaseHandle;
let paris: Clinic;
let refs: { clinicId: string; agendaId: string; motifId: string; patientId: string };
// Monday 30 November 2026, 09:00 Paris; the agenda opens Monday to Saturday 08–12 and 14–18.
const now = new Date("2026-11-30T08:00:00Z");
let hour = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { timeZone: "Europe/Paris" });
  const patient = await makePatient(handle.db, paris.id);
  const { agenda, motif } = await makeBookableAgenda(handle.db, paris.id);
  refs = { clinicId: paris.id, agendaId: agenda.id, motifId: motif.id, patientId: patient.id };
  await handle.db
    .insert(closures)
    .values({ clinicId: paris.id, agendaId: agenda.id, startsOn: "2026-12-08", endsOn: "2026-12-08", reason: "Formation" });
});
afterAll(() => handle.close());

// Each on its own morning hour of Wednesday 2 December (Paris is UTC+1).
const upcoming = () =>
  makeAppointment(handle.db, refs, { startsAt: new Date(Date.parse("2026-12-02T07:00:00Z") + hour++ * 3600_000), status: "confirmed" });
const rescheduledEvents = (appointmentId: string) =>
  handle.db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.type, "appointment.rescheduled"), eq(events.clinicId, paris.id)))
    .then(async (rows) => {
      const [stored] = await handle.db.select().from(appointments).where(eq(appointments.id, appointmentId));
      return { rows, stored };
    });

describe("moving an appointment keeps the booking rules", () => {
  it.each([
    ["Saturday 21:00, after closing", "2026-12-05T21:00", "outside_opening_hours"],
    ["the lunch break", "2026-12-03T12:50", "outside_opening_hours"],
    ["a start that runs past closing", "2026-12-03T17:50", "outside_opening_hours"],
    ["a Sunday", "2026-12-06T10:00", "outside_opening_hours"],
    ["the agenda's closure day", "2026-12-08T10:00", "closed"],
  ])("refuses %s with the rule named, moves nothing and tells no one", async (_, startsAt, code) => {
    const ctx = await staffContextFor(handle.db, paris);
    const appointment = await upcoming();
    const before = (await rescheduledEvents(appointment.id)).rows.length;
    await expect(applyAppointmentChange(ctx, appointment.id, { action: "reschedule", startsAt }, now)).rejects.toMatchObject({
      status: 400,
      code,
      fields: { startsAt: [expect.any(String)] },
    });
    const { rows, stored } = await rescheduledEvents(appointment.id);
    expect(stored.startsAt).toEqual(appointment.startsAt);
    expect(rows).toHaveLength(before);
    expect(ctx.queue.queued).toEqual([]);
  });

  it("refuses the same times for a booking, through the same rule", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const booking = { agendaId: refs.agendaId, visitReasonId: refs.motifId, patientId: refs.patientId };
    await expect(bookAppointment(ctx, { ...booking, startsAt: "2026-12-05T21:00" }, now)).rejects.toMatchObject({
      code: "outside_opening_hours",
    });
    await expect(bookAppointment(ctx, { ...booking, startsAt: "2026-12-08T10:00" }, now)).rejects.toMatchObject({ code: "closed" });
  });

  it("moves inside the hours and tells the patient", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const appointment = await upcoming();
    const { appointment: after, event } = await applyAppointmentChange(
      ctx,
      appointment.id,
      { action: "reschedule", startsAt: "2026-12-04T15:00" },
      now,
    );
    expect(after.startsAt.toISOString()).toBe("2026-12-04T14:00:00.000Z");
    expect(event?.type).toBe("appointment.rescheduled");
    expect(ctx.queue.queued).toEqual([event!.id]);
  });

  it("changes the length (the grid's resize handle) through the same rules", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const appointment = await upcoming();
    // 11:00 for 90 minutes runs into the lunch break at 12:00: refused, nothing changes.
    await expect(
      applyAppointmentChange(ctx, appointment.id, { action: "reschedule", startsAt: "2026-12-04T11:00", durationMinutes: 90 }, now),
    ).rejects.toMatchObject({ code: "outside_opening_hours" });
    const { appointment: after, event } = await applyAppointmentChange(
      ctx,
      appointment.id,
      { action: "reschedule", startsAt: "2026-12-04T10:00", durationMinutes: 45 },
      now,
    );
    expect([after.startsAt.toISOString(), after.endsAt.toISOString()]).toEqual(["2026-12-04T09:00:00.000Z", "2026-12-04T09:45:00.000Z"]);
    expect(event?.type).toBe("appointment.rescheduled");
    // A later move without a length keeps the new one.
    const { appointment: moved } = await applyAppointmentChange(
      ctx,
      appointment.id,
      { action: "reschedule", startsAt: "2026-12-04T16:00" },
      now,
    );
    expect(moved.endsAt.getTime() - moved.startsAt.getTime()).toBe(45 * 60_000);
  });

  it("refuses a move or a booking on a retired agenda with a 409 that says so", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const { agenda, motif } = await makeBookableAgenda(handle.db, paris.id);
    const appointment = await makeAppointment(
      handle.db,
      { ...refs, agendaId: agenda.id, motifId: motif.id },
      { startsAt: new Date("2026-12-02T09:00:00Z"), status: "confirmed" },
    );
    await handle.db.update(agendas).set({ retiredAt: now }).where(eq(agendas.id, agenda.id));
    const refusal = { status: 409, code: "agenda_retired" };
    await expect(
      applyAppointmentChange(ctx, appointment.id, { action: "reschedule", startsAt: "2026-12-04T10:00" }, now),
    ).rejects.toMatchObject(refusal);
    await expect(
      bookAppointment(ctx, { agendaId: agenda.id, visitReasonId: motif.id, patientId: refs.patientId, startsAt: "2026-12-04T10:00" }, now),
    ).rejects.toMatchObject(refusal);
  });

  it("lets staff overrule the hours with a reason, kept in the audit trail; never the past", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const appointment = await upcoming();
    const reason = "Urgent: seen after hours by Dr Martin";
    const { appointment: after } = await applyAppointmentChange(
      ctx,
      appointment.id,
      { action: "reschedule", startsAt: "2026-12-03T19:30", outsideHoursReason: reason },
      now,
    );
    expect(after.startsAt.toISOString()).toBe("2026-12-03T18:30:00.000Z");
    const trail = await handle.db.select().from(auditEvents).where(eq(auditEvents.staffUserId, ctx.staff.id));
    expect(trail).toMatchObject([
      {
        action: "appointment.moved_outside_hours",
        patientId: refs.patientId,
        detail: { appointmentId: appointment.id, startsAt: "2026-12-03T19:30", rule: "outside_opening_hours", reason },
      },
    ]);

    // A move inside the hours, reason or not, leaves no override in the trail.
    await applyAppointmentChange(
      ctx,
      appointment.id,
      { action: "reschedule", startsAt: "2026-12-04T09:00", outsideHoursReason: reason },
      now,
    );
    expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.staffUserId, ctx.staff.id))).toHaveLength(1);
    await expect(
      applyAppointmentChange(ctx, appointment.id, { action: "reschedule", startsAt: "2026-11-29T10:00", outsideHoursReason: reason }, now),
    ).rejects.toMatchObject({ code: "in_the_past" });
  });
});
