import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, type Clinic } from "@/db/schema";
import { makeAppointment, makeBookableAgenda, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { agendaSlots } from "./agenda-slots";
import { applyAppointmentChange } from "./apply-appointment-change";
import { blockTime, unblockTime } from "./blocked-periods";
import { bookAppointment } from "./book-appointment";

// Time blocked on an agenda's day (a meeting, 14:00–15:30) leaves the free slots, refuses a
// booking or a move into it (unless overruled with a reason), and comes back when unblocked.
let handle: DatabaseHandle;
let paris: Clinic;
let refs: { clinicId: string; agendaId: string; motifId: string; patientId: string };
// Monday 30 November 2026, 09:00 Paris; the agenda opens Monday to Saturday 08–12 and 14–18.
const now = new Date("2026-11-30T08:00:00Z");
const DAY = "2026-12-03";
const MEETING = { startsAt: `${DAY}T14:00`, endsAt: `${DAY}T15:30`, reason: "Réunion d’équipe" };

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { timeZone: "Europe/Paris" });
  const patient = await makePatient(handle.db, paris.id);
  const { agenda, motif } = await makeBookableAgenda(handle.db, paris.id);
  refs = { clinicId: paris.id, agendaId: agenda.id, motifId: motif.id, patientId: patient.id };
});
afterAll(() => handle.close());

const afternoon = async () =>
  (
    await agendaSlots(
      { db: handle.db, clinicId: paris.id, clinic: paris },
      refs.agendaId,
      { from: DAY, to: DAY, visitReasonId: refs.motifId },
      now,
    )
  ).slots
    .map((s) => s.local.slice(11))
    .filter((t) => t >= "14:00");

describe("blocked time on an agenda", () => {
  it("takes its slots away, refuses bookings and moves into it, and gives them back when unblocked", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const before = await afternoon();
    expect(before).toContain("14:00");
    const { blockedPeriod } = await blockTime(ctx, refs.agendaId, MEETING, now);
    const during = await afternoon();
    expect(during.filter((t) => t < "15:30")).toEqual([]);
    expect(during).toContain("15:30");

    const booking = { agendaId: refs.agendaId, visitReasonId: refs.motifId, patientId: refs.patientId };
    await expect(bookAppointment(ctx, { ...booking, startsAt: `${DAY}T14:30` }, now)).rejects.toMatchObject({
      status: 400,
      code: "blocked",
    });
    const appointment = await makeAppointment(handle.db, refs, { startsAt: new Date("2026-12-03T09:00:00Z") });
    await expect(
      applyAppointmentChange(ctx, appointment.id, { action: "reschedule", startsAt: `${DAY}T15:15` }, now),
    ).rejects.toMatchObject({ code: "blocked" });
    // Overruled knowingly (the doctor sees one patient during the meeting), kept in the trail.
    const urgent = "Urgent, seen between two points of the meeting";
    const { appointment: moved } = await applyAppointmentChange(
      ctx,
      appointment.id,
      { action: "reschedule", startsAt: `${DAY}T14:00`, outsideHoursReason: urgent },
      now,
    );
    expect(moved.startsAt.toISOString()).toBe("2026-12-03T13:00:00.000Z");
    const trail = await handle.db.select().from(auditEvents).where(eq(auditEvents.staffUserId, ctx.staff.id));
    expect(trail.map((a) => a.action)).toEqual(["agenda.time_blocked", "appointment.moved_outside_hours"]);
    expect(trail[1].detail).toMatchObject({ rule: "blocked", reason: urgent });

    await applyAppointmentChange(ctx, appointment.id, { action: "cancel" }, now);
    await unblockTime(ctx, refs.agendaId, blockedPeriod.id, now);
    expect(await afternoon()).toEqual(before);
  });

  it("does not block over a booked appointment, names it, and refuses the past, another day's end and another clinic's agenda", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const booked = await makeAppointment(handle.db, refs, { startsAt: new Date("2026-12-04T13:30:00Z") }); // 14:30 Paris
    await expect(
      blockTime(ctx, refs.agendaId, { startsAt: "2026-12-04T14:00", endsAt: "2026-12-04T15:00", reason: "Visite à domicile" }, now),
    ).rejects.toMatchObject({ status: 409, code: "appointments_in_the_way", details: { appointments: [{ id: booked.id }] } });
    await expect(
      blockTime(ctx, refs.agendaId, { startsAt: "2026-11-30T07:00", endsAt: "2026-11-30T08:00", reason: "Trop tard" }, now),
    ).rejects.toMatchObject({ status: 400, fields: { endsAt: ["is in the past"] } });
    const other = await makeClinic(handle.db, { timeZone: "America/New_York" });
    const theirs = await staffContextFor(handle.db, other);
    await expect(blockTime(theirs, refs.agendaId, MEETING, now)).rejects.toMatchObject({ status: 404 });
    await expect(unblockTime(theirs, refs.agendaId, booked.id, now)).rejects.toMatchObject({ status: 404 });
  });
});
