import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, type Clinic } from "@/db/schema";
import { InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import { makeBookableAgenda, makeClinic, makeStaff, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { agendaCreateSchema, agendaUpdateSchema, closureCreateSchema, visitReasonCreateSchema } from "./agenda-input";
import { agendaSlots } from "./agenda-slots";
import { listAgendas } from "./agendas";
import { addClosure, agendaSettings, createAgenda, removeClosure, updateAgenda } from "./manage-agendas";
import { createVisitReason } from "./manage-visit-reasons";

let handle: DatabaseHandle;
let paris: Clinic;
let other: Clinic;
const now = new Date("2026-11-30T08:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { timeZone: "Europe/Paris" });
  other = await makeClinic(handle.db);
});
afterAll(() => handle.close());

describe("managing agendas", () => {
  it("replaces the week, refuses overlapping stretches at the edge, and audits the change", async () => {
    const { agenda } = await makeBookableAgenda(handle.db, paris.id);
    const ctx = await staffContextFor(handle.db, paris, "admin");
    expect(
      agendaUpdateSchema.safeParse({
        week: [
          { weekday: 1, opens: "08:00", closes: "12:00" },
          { weekday: 1, opens: "11:00", closes: "13:00" },
        ],
      }).success,
    ).toBe(false);
    expect(agendaUpdateSchema.safeParse({ week: [{ weekday: 1, opens: "12:00", closes: "08:00" }] }).error?.issues[0].path).toEqual([
      "week",
      0,
      "closes",
    ]);
    await updateAgenda(
      ctx,
      agenda.id,
      agendaUpdateSchema.parse({ name: "Dr Ada", week: [{ weekday: 3, opens: "09:00", closes: "10:00" }] }),
      now,
    );
    const { agendas } = await agendaSettings(ctx, "2026-11-30");
    expect(agendas.find((a) => a.id === agenda.id)).toMatchObject({ name: "Dr Ada", week: [{ weekday: 3, opensAt: 540, closesAt: 600 }] });
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "agenda.updated"));
    expect(audit.staffUserId).toBe(ctx.staff.id);
  });

  it("a closure takes the day's slots away, for one agenda or the whole clinic; removing it gives them back", async () => {
    const { agenda, motif } = await makeBookableAgenda(handle.db, paris.id);
    const ctx = await staffContextFor(handle.db, paris, "admin");
    const slots = async () =>
      (await agendaSlots(ctx, agenda.id, { from: "2026-12-04", to: "2026-12-04", visitReasonId: motif.id }, now)).slots.length;
    expect(await slots()).toBeGreaterThan(0);
    const closure = await addClosure(
      ctx,
      closureCreateSchema.parse({ agendaId: agenda.id, startsOn: "2026-12-04", endsOn: "2026-12-04", reason: "Day off" }),
      now,
    );
    expect(await slots()).toBe(0);
    await removeClosure(ctx, closure.id, now);
    expect(await slots()).toBeGreaterThan(0);
    await addClosure(ctx, closureCreateSchema.parse({ agendaId: null, startsOn: "2026-12-03", endsOn: "2026-12-05" }), now);
    expect(await slots()).toBe(0);
  });

  it("keeps every id inside the clinic: another clinic's agenda, visit reason or closure is refused", async () => {
    const foreign = await makeBookableAgenda(handle.db, other.id);
    const ctx = await staffContextFor(handle.db, paris, "admin");
    await expect(updateAgenda(ctx, foreign.agenda.id, { name: "x" }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addClosure(ctx, { agendaId: foreign.agenda.id, startsOn: "2026-12-04", endsOn: "2026-12-04", reason: "" }, now),
    ).rejects.toBeInstanceOf(NotFoundError);
    const { agenda } = await makeBookableAgenda(handle.db, paris.id);
    await expect(updateAgenda(ctx, agenda.id, { visitReasonIds: [foreign.motif.id] }, now)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      createVisitReason(ctx, visitReasonCreateSchema.parse({ name: "Bilan", durationMinutes: 30, agendaIds: [foreign.agenda.id] }), now),
    ).rejects.toMatchObject({ fields: { agendaIds: [expect.any(String)] } });
    const theirs = await addClosure(
      await staffContextFor(handle.db, other, "admin"),
      { agendaId: null, startsOn: "2026-12-10", endsOn: "2026-12-10", reason: "" },
      now,
    );
    await expect(removeClosure(ctx, theirs.id, now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a retired agenda is no longer offered for booking; brought back, it is", async () => {
    const { agenda } = await makeBookableAgenda(handle.db, paris.id);
    const ctx = await staffContextFor(handle.db, paris, "admin");
    await updateAgenda(ctx, agenda.id, { retired: true }, now);
    expect((await listAgendas(ctx)).map((a) => a.id)).not.toContain(agenda.id);
    await updateAgenda(ctx, agenda.id, { retired: false }, now);
    expect((await listAgendas(ctx)).map((a) => a.id)).toContain(agenda.id);
  });

  it("a new visit reason is offered on the agendas named", async () => {
    const { agenda } = await makeBookableAgenda(handle.db, paris.id);
    const ctx = await staffContextFor(handle.db, paris, "admin");
    const reason = await createVisitReason(
      ctx,
      visitReasonCreateSchema.parse({ name: "Vaccination", durationMinutes: 10, colour: "#15803d", agendaIds: [agenda.id] }),
      now,
    );
    expect((await listAgendas(ctx)).find((a) => a.id === agenda.id)!.visitReasonIds).toContain(reason.id);
    expect(visitReasonCreateSchema.safeParse({ name: "x", durationMinutes: 1e20, colour: "red" }).success).toBe(false);
  });

  it("an agenda belongs to one of the clinic's active doctors, or to no one (a room)", async () => {
    const ctx = await staffContextFor(handle.db, paris, "admin");
    const doctor = await makeStaff(handle.db, paris.id, "doctor");
    const receptionist = await makeStaff(handle.db, paris.id, "receptionist");
    const foreignDoctor = await makeStaff(handle.db, other.id, "doctor");
    const create = (doctorId: string | null) => createAgenda(ctx, agendaCreateSchema.parse({ name: `Agenda ${doctorId}`, doctorId }), now);

    const own = await create(doctor.id);
    expect((await listAgendas(ctx)).find((a) => a.id === own.id)?.doctorId).toBe(doctor.id);
    const room = await create(null);
    expect((await listAgendas(ctx)).find((a) => a.id === room.id)?.doctorId).toBeNull();
    await expect(create(receptionist.id)).rejects.toMatchObject({
      status: 400,
      fields: { doctorId: ["must be an active doctor of this clinic"] },
    });
    await expect(create(foreignDoctor.id)).rejects.toMatchObject({
      status: 400,
      fields: { doctorId: [expect.stringContaining("not this clinic's")] },
    });
    await expect(updateAgenda(ctx, room.id, agendaUpdateSchema.parse({ doctorId: receptionist.id }), now)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await updateAgenda(ctx, room.id, agendaUpdateSchema.parse({ doctorId: doctor.id }), now);
    expect((await listAgendas(ctx)).find((a) => a.id === room.id)?.doctorId).toBe(doctor.id);
  });
});
