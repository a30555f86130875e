import "server-only";
import { and, eq } from "drizzle-orm";
import { appointments, blockedPeriods } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { inClinic } from "@/lib/clinics/scope";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import { announceAgendaChange } from "@/lib/realtime/hub-changes";
import { clinicLocalToUtc } from "@/lib/time/clinic-time";
import { holdingTime, requireOpenAgenda } from "./agendas";
import type { BlockedPeriodInput } from "./schemas";

// Staff take time out of an agenda's day (a meeting, a home visit): no slot is offered then,
// and bookings and moves into it are refused unless overruled with a reason. Time that already
// holds an appointment is not blocked over: the receptionist moves the patient first.
export async function blockTime(ctx: StaffContext, agendaId: string, input: BlockedPeriodInput, now: Date) {
  const startsAt = clinicLocalToUtc(input.startsAt, ctx.clinic.timeZone);
  const endsAt = clinicLocalToUtc(input.endsAt, ctx.clinic.timeZone);
  if (endsAt <= now) throw new InvalidInputError("Invalid blocked period.", { endsAt: ["is in the past"] });
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    await requireOpenAgenda(scoped, agendaId);
    const overlapping = await tx
      .select({ id: appointments.id, startsAt: appointments.startsAt, bookingReference: appointments.bookingReference })
      .from(appointments)
      .where(inClinic(ctx, appointments, ...holdingTime(agendaId, startsAt, endsAt)));
    if (overlapping.length)
      throw new ConflictError(
        "appointments_in_the_way",
        "Appointments are booked in that time: move or cancel them first, then block it.",
        undefined,
        { appointments: overlapping },
      );
    const [block] = await tx
      .insert(blockedPeriods)
      .values({ clinicId: ctx.clinicId, agendaId, startsAt, endsAt, reason: input.reason, createdBy: ctx.staff.id })
      .returning();
    await recordAudit(tx, ctx, { action: "agenda.time_blocked", detail: { agendaId, blockId: block.id, ...input } }, now);
    await announceAgendaChange(tx, { clinicId: ctx.clinicId, agendaId });
    return { blockedPeriod: block };
  });
}

// The time is given back to the agenda: its slots are offered again.
export async function unblockTime(ctx: StaffContext, agendaId: string, blockId: string, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(blockedPeriods)
      .where(inClinic(ctx, blockedPeriods, and(eq(blockedPeriods.id, blockId), eq(blockedPeriods.agendaId, agendaId))))
      .returning();
    if (!removed) throw new NotFoundError("Blocked period");
    await recordAudit(tx, ctx, { action: "agenda.time_unblocked", detail: { agendaId, blockId, reason: removed.reason } }, now);
    await announceAgendaChange(tx, { clinicId: ctx.clinicId, agendaId });
    return { removed: { id: removed.id } };
  });
}
