import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { contextFor, makeAppointment, makeBookableAgenda, makeClinic, makePatient } from "@/lib/testing/factories";
import { appointments, type Clinic } from "@/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { ConflictError, NotFoundError } from "@/lib/errors/app-errors";
import { changeAppointment } from "./change-appointment";
import { listAppointmentsOfDay } from "./list-appointments";

let handle: DatabaseHandle;
let paris: Clinic;
let other: Clinic;
let refs: { clinicId: string; agendaId: string; motifId: string; patientId: string };
const now = new Date("2026-03-20T09:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { timeZone: "Europe/Paris" });
  other = await makeClinic(handle.db);
  const patient = await makePatient(handle.db, paris.id);
  // Open all day, every day: these stories are about status, overlaps and time zones; the
  // agenda's hours have their own (move-rules.test.ts).
  const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: 0, closesAt: 1440 }));
  const { agenda, motif } = await makeBookableAgenda(handle.db, paris.id, { week });
  refs = { clinicId: paris.id, agendaId: agenda.id, motifId: motif.id, patientId: patient.id };
});
afterAll(() => handle.close());

// Each on its own hour of 27 March: appointments that hold time never overlap on an agenda.
let hour = 0;
const upcoming = () =>
  makeAppointment(handle.db, refs, { startsAt: new Date(Date.parse("2026-03-27T06:00:00Z") + hour++ * 3600_000), status: "confirmed" });
const ctx = () => contextFor(handle.db, paris);

describe("changing an appointment", () => {
  it("cancels with a reason, and the cancellation is stored", async () => {
    const appointment = await upcoming();
    const { before, after } = await changeAppointment(ctx(), appointment.id, { action: "cancel", reason: "Patient request" }, now);
    expect(before.status).toBe("confirmed");
    expect(after).toMatchObject({ status: "cancelled", cancellationReason: "Patient request", statusChangedAt: now });
    const [stored] = await handle.db.select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(stored.status).toBe("cancelled");
  });

  it("refuses a new time that overlaps another appointment on the agenda with a 409, and moves nothing", async () => {
    const first = await upcoming();
    const second = await upcoming();
    // Paris is UTC+1 on 27 March: the first appointment's start, in clinic time.
    const onFirst = `2026-03-27T${String(first.startsAt.getUTCHours() + 1).padStart(2, "0")}:10`;
    await expect(changeAppointment(ctx(), second.id, { action: "reschedule", startsAt: onFirst }, now)).rejects.toMatchObject({
      status: 409,
      code: "slot_taken",
    });
    const [unchanged] = await handle.db.select().from(appointments).where(eq(appointments.id, second.id));
    expect(unchanged.startsAt).toEqual(second.startsAt);
  });

  it("moves an appointment across the DST change in clinic time, keeping its length", async () => {
    // Booked on Friday 27 March 10:00 Paris (UTC+1), moved to Monday 30 March 10:00 Paris (UTC+2).
    const appointment = await upcoming();
    const { after } = await changeAppointment(ctx(), appointment.id, { action: "reschedule", startsAt: "2026-03-30T10:00" }, now);
    expect(after.startsAt.toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(after.endsAt.getTime() - after.startsAt.getTime()).toBe(20 * 60_000);
    expect(after.status).toBe("confirmed");
  });

  it("refuses to move an appointment into the past, or a cancelled one at all", async () => {
    const appointment = await upcoming();
    await expect(
      changeAppointment(ctx(), appointment.id, { action: "reschedule", startsAt: "2026-03-19T10:00" }, now),
    ).rejects.toMatchObject({ code: "in_the_past" });
    await changeAppointment(ctx(), appointment.id, { action: "cancel" }, now);
    await expect(
      changeAppointment(ctx(), appointment.id, { action: "reschedule", startsAt: "2026-04-01T10:00" }, now),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("lets a mistaken 'seen' be removed again", async () => {
    const appointment = await upcoming();
    await changeAppointment(ctx(), appointment.id, { action: "set_status", status: "seen" }, now);
    const { after } = await changeAppointment(ctx(), appointment.id, { action: "set_status", status: "confirmed" }, now);
    expect(after.status).toBe("confirmed");
  });

  it("does not overwrite a change someone else made in the meantime", async () => {
    const appointment = await upcoming();
    const results = await Promise.allSettled([
      changeAppointment(ctx(), appointment.id, { action: "set_status", status: "in_waiting_room" }, now),
      changeAppointment(ctx(), appointment.id, { action: "cancel" }, now),
    ]);
    const applied = results.filter((r) => r.status === "fulfilled");
    expect(applied).toHaveLength(1);
    const [stored] = await handle.db.select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(stored.status).toBe((applied[0] as PromiseFulfilledResult<{ after: { status: string } }>).value.after.status);
  });

  it("cannot touch another clinic's appointment", async () => {
    const appointment = await upcoming();
    await expect(changeAppointment(contextFor(handle.db, other), appointment.id, { action: "cancel" }, now)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const [stored] = await handle.db.select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(stored.status).toBe("confirmed");
  });
});

describe("the day view", () => {
  it("lists a clinic day by the clinic's clock, not UTC's", async () => {
    // 23:30 Paris on 31 May is 21:30 UTC the same day; 00:30 Paris on 1 June is 22:30 UTC on 31 May.
    const late = await makeAppointment(handle.db, refs, { startsAt: new Date("2026-05-31T21:30:00Z") });
    const afterMidnight = await makeAppointment(handle.db, refs, { startsAt: new Date("2026-05-31T22:30:00Z") });
    const may31 = await listAppointmentsOfDay(ctx(), { date: "2026-05-31" });
    const june1 = await listAppointmentsOfDay(ctx(), { date: "2026-06-01" });
    expect(may31.map((a) => a.id)).toContain(late.id);
    expect(may31.map((a) => a.id)).not.toContain(afterMidnight.id);
    expect(june1.map((a) => a.id)).toContain(afterMidnight.id);
    expect(await listAppointmentsOfDay(contextFor(handle.db, other), { date: "2026-05-31" })).toEqual([]);
  });
});
