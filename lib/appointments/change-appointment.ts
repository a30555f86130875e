import "server-only";
import { and, eq } from "drizzle-orm";
import { appointments, type Appointment, type AppointmentStatus } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors/app-errors";
import { databaseRefusal, EXCLUSION_VIOLATION } from "@/lib/errors/database-error";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { clinicLocalToUtc } from "@/lib/time/clinic-time";
import type { AppointmentChange } from "./schemas";
import { rescheduleProblem, statusChangeProblem, type ChangeProblem } from "@/lib/scheduling/appointment-status";
import type { BookingProblem } from "@/lib/scheduling/free-slots";
import { OVERRIDABLE, slotProblem, slotRefusal } from "./slot-rules";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;
// overruled: the agenda's rule a move was knowingly allowed to break, and why (for the audit).
export type AppointmentChanged = { before: Appointment; after: Appointment; overruled?: { problem: BookingProblem; reason: string } };

// A move keeps the appointment's length unless it is given a new one (dragging its edge).
function movedDurationMinutes(before: Appointment, change: Extract<AppointmentChange, { action: "reschedule" }>): number {
  return change.durationMinutes ?? (before.endsAt.getTime() - before.startsAt.getTime()) / 60_000;
}

function planChange(before: Appointment, change: AppointmentChange, timeZone: string, now: Date) {
  if (change.action === "reschedule") {
    const startsAt = clinicLocalToUtc(change.startsAt, timeZone);
    const duration = movedDurationMinutes(before, change) * 60_000;
    return {
      problem: rescheduleProblem(before, startsAt, now),
      values: { startsAt, endsAt: new Date(startsAt.getTime() + duration) },
    };
  }
  const status = (change.action === "cancel" ? "cancelled" : change.status) as AppointmentStatus;
  return {
    problem: statusChangeProblem(before, status, now),
    values: {
      status,
      statusChangedAt: now,
      cancellationReason: change.action === "cancel" ? (change.reason ?? null) : before.cancellationReason,
    },
  };
}

// Staff change an appointment: a status, a cancellation or a new time. Returns the row
// before and after, which is what the notification pipeline turns into patient events.
export async function changeAppointment(
  ctx: Ctx,
  appointmentId: string,
  change: AppointmentChange,
  now: Date,
): Promise<AppointmentChanged> {
  const [before] = await ctx.db
    .select()
    .from(appointments)
    .where(inClinic(ctx, appointments, eq(appointments.id, appointmentId)))
    .limit(1);
  if (!before) throw new NotFoundError("Appointment");

  const { problem, values } = planChange(before, change, ctx.clinic.timeZone, now);
  if (problem) throw conflict(problem);
  // A move is a booking at a new time: the same rules, asked of the same function.
  let overruled: AppointmentChanged["overruled"];
  if (change.action === "reschedule") {
    const slot = {
      agendaId: before.agendaId,
      startsAt: clinicLocalToUtc(change.startsAt, ctx.clinic.timeZone),
      durationMinutes: movedDurationMinutes(before, change),
    };
    const broken = await slotProblem(ctx, slot, now);
    if (broken && !(OVERRIDABLE.has(broken) && change.outsideHoursReason)) throw slotRefusal(broken, "move");
    if (broken) overruled = { problem: broken, reason: change.outsideHoursReason! };
  }

  // Guarded on the status we read: if someone else changed it meanwhile, nothing is overwritten.
  // A new time that overlaps another appointment on the agenda is refused by the database.
  const [after] = await ctx.db
    .update(appointments)
    .set(values)
    .where(inClinic(ctx, appointments, and(eq(appointments.id, appointmentId), eq(appointments.status, before.status))))
    .returning()
    .catch((error: unknown) => {
      if (databaseRefusal(error)?.code === EXCLUSION_VIOLATION)
        throw new ConflictError("slot_taken", "Another appointment already holds this time on the agenda. Pick another time.");
      throw error;
    });
  if (!after) throw new ConflictError("stale", "This appointment was just changed by someone else. Reload and try again.");
  return { before, after, ...(overruled ? { overruled } : {}) };
}

function conflict(problem: ChangeProblem) {
  return new ConflictError(problem.code, problem.message);
}
