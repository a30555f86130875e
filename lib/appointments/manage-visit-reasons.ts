import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { agendaMotifs, agendas, motifs } from "@/db/schema";
import { changedFields, recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import type { VisitReasonCreate, VisitReasonUpdate } from "./agenda-input";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;
type Tx = Parameters<Parameters<Ctx["db"]["transaction"]>[0]>[0];

// The agendas that offer a visit reason, replaced as a whole; each must be this clinic's.
async function offerOn(tx: Tx, ctx: Ctx, motifId: string, agendaIds: string[]) {
  const ids = [...new Set(agendaIds)];
  if (ids.length) {
    const found = await tx
      .select({ id: agendas.id })
      .from(agendas)
      .where(and(eq(agendas.clinicId, ctx.clinicId), inArray(agendas.id, ids)));
    if (found.length !== ids.length)
      throw new InvalidInputError("Invalid visit reason.", { agendaIds: ["names an agenda that is not this clinic's"] });
  }
  await tx.delete(agendaMotifs).where(inClinic(ctx, agendaMotifs, eq(agendaMotifs.motifId, motifId)));
  if (ids.length) await tx.insert(agendaMotifs).values(ids.map((agendaId) => ({ clinicId: ctx.clinicId, agendaId, motifId })));
}

export async function createVisitReason(ctx: Ctx, input: VisitReasonCreate, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [motif] = await tx
      .insert(motifs)
      .values({ clinicId: ctx.clinicId, name: input.name, durationMinutes: input.durationMinutes, colour: input.colour })
      .returning();
    await offerOn(tx, ctx, motif.id, input.agendaIds);
    await recordAudit(tx, ctx, { action: "visit_reason.created", detail: { visitReasonId: motif.id, ...input } }, now);
    return { id: motif.id, name: motif.name, durationMinutes: motif.durationMinutes, colour: motif.colour };
  });
}

// A new duration applies to bookings from now on; appointments already booked keep theirs.
export async function updateVisitReason(ctx: Ctx, motifId: string, change: VisitReasonUpdate, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(motifs)
      .where(inClinic(ctx, motifs, eq(motifs.id, motifId)))
      .for("update");
    if (!before) throw new NotFoundError("Visit reason");
    const { agendaIds, ...values } = change;
    const [after] = Object.keys(values).length ? await tx.update(motifs).set(values).where(eq(motifs.id, motifId)).returning() : [before];
    if (agendaIds) await offerOn(tx, ctx, motifId, agendaIds);
    await recordAudit(
      tx,
      ctx,
      {
        action: "visit_reason.updated",
        detail: {
          visitReasonId: motifId,
          ...changedFields(before, after, ["name", "durationMinutes", "colour"]),
          ...(agendaIds ? { agendaIds } : {}),
        },
      },
      now,
    );
    return { id: after.id, name: after.name, durationMinutes: after.durationMinutes, colour: after.colour };
  });
}
