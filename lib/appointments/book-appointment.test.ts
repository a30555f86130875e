import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { appointments, closures, events, type Clinic } from "@/db/schema";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import { makeBookableAgenda, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { agendaSlots } from "./agenda-slots";
import { bookAppointment } from "./book-appointment";

let handle: DatabaseHandle;
let paris: Clinic;
let newYork: Clinic;
let refs: { agendaId: string; visitReasonId: string; patientId: string };
// Monday 30 November 2026, 09:00 in Paris.
const now = new Date("2026-11-30T08:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { timeZone: "Europe/Paris" });
  newYork = await makeClinic(handle.db, { timeZone: "America/New_York", country: "US" });
  const { agenda, motif } = await makeBookableAgenda(handle.db, paris.id, { durationMinutes: 30 });
  const patient = await makePatient(handle.db, paris.id, { phone: "+33612345678" });
  refs = { agendaId: agenda.id, visitReasonId: motif.id, patientId: patient.id };
});
afterAll(() => handle.close());

const book = async (startsAt: string, overrides: Partial<typeof refs> = {}, clinic = paris) =>
  bookAppointment(await staffContextFor(handle.db, clinic), { ...refs, ...overrides, startsAt }, now);

describe("booking an appointment", () => {
  it("books a free slot, confirmed, with a readable reference, and records its confirmation event", async () => {
    const { appointment, event } = await book("2026-12-02T09:00");
    expect(appointment).toMatchObject({
      status: "confirmed",
      bookedBy: "practice",
      startsAt: new Date("2026-12-02T08:00:00Z"),
      endsAt: new Date("2026-12-02T08:30:00Z"),
    });
    expect(appointment.bookingReference).toMatch(/^[A-Z0-9]{2}-[A-HJ-NP-Z2-9]{6}$/);
    const [stored] = await handle.db.select().from(events).where(eq(events.id, event.id));
    expect(stored).toMatchObject({ type: "appointment.confirmed", payload: { appointmentId: appointment.id } });
  });

  it("gives one appointment and one 409 when two people book the same slot at once", async () => {
    const results = await Promise.allSettled([book("2026-12-03T10:00"), book("2026-12-03T10:00")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(refused.reason.code).toBe("slot_taken");
    // An overlapping start is refused too, not only the same one.
    await expect(book("2026-12-03T10:15")).rejects.toMatchObject({ code: "slot_taken" });
    const rows = await handle.db.select().from(appointments).where(eq(appointments.agendaId, refs.agendaId));
    expect(rows.filter((a) => a.startsAt.toISOString().startsWith("2026-12-03"))).toHaveLength(1);
  });

  it("warns before booking a patient twice on one day (any agenda), and books the second visit once reception confirms it", async () => {
    const patient = await makePatient(handle.db, paris.id);
    const other = await makeBookableAgenda(handle.db, paris.id);
    await book("2026-12-04T09:00", { patientId: patient.id });
    const again = book("2026-12-04T16:00", { patientId: patient.id, agendaId: other.agenda.id, visitReasonId: other.motif.id });
    await expect(again).rejects.toMatchObject({
      code: "same_day_booking",
      details: { appointments: [{ startsAt: new Date("2026-12-04T08:00:00Z"), agendaName: expect.any(String) }] },
    });
    const count = async () => (await handle.db.select().from(appointments).where(eq(appointments.patientId, patient.id))).length;
    expect(await count()).toBe(1);
    // Another day is no warning; a confirmed second visit is booked.
    await book("2026-12-05T09:00", { patientId: patient.id });
    await bookAppointment(
      await staffContextFor(handle.db, paris),
      {
        ...refs,
        patientId: patient.id,
        agendaId: other.agenda.id,
        visitReasonId: other.motif.id,
        startsAt: "2026-12-04T16:00",
        sameDayConfirmed: true,
      },
      now,
    );
    expect(await count()).toBe(3);
  });

  it("refuses the lunch break, a closed day, the past and a visit reason the agenda does not offer, naming the field", async () => {
    await expect(book("2026-12-02T13:00")).rejects.toMatchObject({ fields: { startsAt: [expect.stringContaining("opening hours")] } });
    await handle.db
      .insert(closures)
      .values({ clinicId: paris.id, agendaId: null, startsOn: "2026-12-25", endsOn: "2026-12-25", reason: "Noël" });
    await expect(book("2026-12-25T09:00")).rejects.toMatchObject({ fields: { startsAt: [expect.stringContaining("closed")] } });
    await expect(book("2026-11-30T08:00")).rejects.toBeInstanceOf(InvalidInputError);
    const other = await makeBookableAgenda(handle.db, paris.id);
    await expect(book("2026-12-02T11:00", { visitReasonId: other.motif.id })).rejects.toMatchObject({
      fields: { visitReasonId: [expect.any(String)] },
    });
  });

  it("answers another clinic's agenda or patient as not found", async () => {
    await expect(book("2026-12-02T11:00", {}, newYork)).rejects.toBeInstanceOf(NotFoundError);
    const foreign = await makePatient(handle.db, newYork.id);
    await expect(book("2026-12-02T11:00", { patientId: foreign.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("offers free slots without the booked time and without closed days", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const { slots } = await agendaSlots(
      ctx,
      refs.agendaId,
      { from: "2026-12-02", to: "2026-12-02", visitReasonId: refs.visitReasonId },
      now,
    );
    const times = slots.map((s) => s.local.slice(11));
    expect(times).not.toContain("09:00");
    expect(times).toContain("09:30");
    expect(times).not.toContain("13:00");
    const christmas = await agendaSlots(
      ctx,
      refs.agendaId,
      { from: "2026-12-25", to: "2026-12-25", visitReasonId: refs.visitReasonId },
      now,
    );
    expect(christmas.slots).toEqual([]);
  });
});
