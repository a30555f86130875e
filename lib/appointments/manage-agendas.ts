import "server-only";
import { and, asc, eq, gte, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { agendaMotifs, agendas, closures, motifs, openingHours, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import type { AgendaCreate, AgendaUpdate, ClosureCreate } from "./agenda-input";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;

// Every id an admin names must be this clinic's: another clinic's is refused by name.
// An agenda belongs to one of this clinic's doctors (or to no one: a room). Its doctor is the
// one templates name, alerts go to, and who lands on it when signing in.
async function assertPractitioner(db: Database, ctx: Ctx, staffId: string) {
  const [doctor] = await db
    .select({ role: staffUsers.role, active: staffUsers.active })
    .from(staffUsers)
    .where(and(eq(staffUsers.clinicId, ctx.clinicId), eq(staffUsers.id, staffId)));
  if (!doctor) throw new InvalidInputError("Invalid agenda.", { doctorId: ["names a staff member who is not this clinic's"] });
  if (doctor.role !== "doctor" || !doctor.active)
    throw new InvalidInputError("Invalid agenda.", { doctorId: ["must be an active doctor of this clinic"] });
}

async function assertOwned(
  db: Database,
  ctx: Ctx,
  table: typeof motifs | typeof staffUsers | typeof agendas,
  ids: string[],
  field: string,
  what: string,
) {
  if (!ids.length) return;
  const found = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.clinicId, ctx.clinicId), inArray(table.id, ids)));
  if (found.length !== new Set(ids).size)
    throw new InvalidInputError(`Invalid ${what}.`, { [field]: [`names a ${what} that is not this clinic's`] });
}

// For Settings → Agendas: every agenda (retired ones last), its week and the visit reasons it offers.
export async function agendaSettings(ctx: Ctx, today: string) {
  const [rows, week, offered, upcoming] = await Promise.all([
    ctx.db.select().from(agendas).where(inClinic(ctx, agendas)).orderBy(asc(agendas.retiredAt), asc(agendas.name)),
    ctx.db.select().from(openingHours).where(inClinic(ctx, openingHours)).orderBy(asc(openingHours.weekday), asc(openingHours.opensAt)),
    ctx.db.select().from(agendaMotifs).where(inClinic(ctx, agendaMotifs)),
    ctx.db
      .select()
      .from(closures)
      .where(inClinic(ctx, closures, gte(closures.endsOn, today)))
      .orderBy(asc(closures.startsOn)),
  ]);
  return {
    agendas: rows.map((a) => ({
      id: a.id,
      name: a.name,
      doctorId: a.doctorId,
      retired: Boolean(a.retiredAt),
      week: week.filter((w) => w.agendaId === a.id).map(({ weekday, opensAt, closesAt }) => ({ weekday, opensAt, closesAt })),
      visitReasonIds: offered.filter((o) => o.agendaId === a.id).map((o) => o.motifId),
    })),
    closures: upcoming.map(({ id, agendaId, startsOn, endsOn, reason }) => ({ id, agendaId, startsOn, endsOn, reason })),
  };
}

export async function createAgenda(ctx: Ctx, input: AgendaCreate, now: Date) {
  return ctx.db.transaction(async (tx) => {
    if (input.doctorId) await assertPractitioner(tx, ctx, input.doctorId);
    const [agenda] = await tx
      .insert(agendas)
      .values({ clinicId: ctx.clinicId, name: input.name, doctorId: input.doctorId ?? null })
      .returning();
    await recordAudit(tx, ctx, { action: "agenda.created", detail: { agendaId: agenda.id, name: agenda.name } }, now);
    return agenda;
  });
}

// Renames, retires or brings back an agenda, replaces its week or the visit reasons it offers;
// one transaction, one audit entry with what changed.
export async function updateAgenda(ctx: Ctx, agendaId: string, change: AgendaUpdate, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(agendas)
      .where(inClinic(ctx, agendas, eq(agendas.id, agendaId)))
      .for("update");
    if (!before) throw new NotFoundError("Agenda");
    if (change.doctorId) await assertPractitioner(tx, ctx, change.doctorId);
    if (change.visitReasonIds) await assertOwned(tx, ctx, motifs, change.visitReasonIds, "visitReasonIds", "visit reason");
    const values = {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.doctorId !== undefined ? { doctorId: change.doctorId } : {}),
      ...(change.retired !== undefined ? { retiredAt: change.retired ? (before.retiredAt ?? now) : null } : {}),
    };
    const [after] = Object.keys(values).length
      ? await tx.update(agendas).set(values).where(eq(agendas.id, agendaId)).returning()
      : [before];
    if (change.week) {
      await tx.delete(openingHours).where(inClinic(ctx, openingHours, eq(openingHours.agendaId, agendaId)));
      if (change.week.length) await tx.insert(openingHours).values(change.week.map((s) => ({ clinicId: ctx.clinicId, agendaId, ...s })));
    }
    if (change.visitReasonIds) {
      await tx.delete(agendaMotifs).where(inClinic(ctx, agendaMotifs, eq(agendaMotifs.agendaId, agendaId)));
      const ids = [...new Set(change.visitReasonIds)];
      if (ids.length) await tx.insert(agendaMotifs).values(ids.map((motifId) => ({ clinicId: ctx.clinicId, agendaId, motifId })));
    }
    await recordAudit(tx, ctx, { action: "agenda.updated", detail: { agendaId, change } }, now);
    return { id: after.id, name: after.name, doctorId: after.doctorId, retired: Boolean(after.retiredAt) };
  });
}

export async function addClosure(ctx: Ctx, input: ClosureCreate, now: Date) {
  return ctx.db.transaction(async (tx) => {
    if (input.agendaId) {
      const [agenda] = await tx
        .select({ id: agendas.id })
        .from(agendas)
        .where(inClinic(ctx, agendas, eq(agendas.id, input.agendaId)));
      if (!agenda) throw new NotFoundError("Agenda");
    }
    const [closure] = await tx
      .insert(closures)
      .values({ clinicId: ctx.clinicId, ...input })
      .returning();
    await recordAudit(tx, ctx, { action: "closure.added", detail: { closureId: closure.id, ...input } }, now);
    return { id: closure.id, agendaId: closure.agendaId, startsOn: closure.startsOn, endsOn: closure.endsOn, reason: closure.reason };
  });
}

export async function removeClosure(ctx: Ctx, closureId: string, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(closures)
      .where(inClinic(ctx, closures, eq(closures.id, closureId)))
      .returning();
    if (!removed) throw new NotFoundError("Closure");
    await recordAudit(
      tx,
      ctx,
      { action: "closure.removed", detail: { closureId, agendaId: removed.agendaId, startsOn: removed.startsOn, endsOn: removed.endsOn } },
      now,
    );
    return { removed: closureId };
  });
}
