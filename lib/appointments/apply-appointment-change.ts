import "server-only";
import { announceAgendaChange } from "@/lib/realtime/hub-changes";
import type { StaffContext } from "@/lib/auth/staff-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, ConflictError } from "@/lib/errors/app-errors";
import { enqueueStored } from "@/lib/notifications/events/ingest-event";
import type { Queueing } from "@/lib/notifications/queue/event-queue";
import { clinicLocalDateTime } from "@/lib/time/clinic-time";
import { recordAppointmentEvent, seriesSummary } from "./appointment-events";
import { changeAppointment, type AppointmentChanged } from "./change-appointment";
import { followingOccurrences } from "./change-series";
import { syncReminders } from "@/lib/reminders/schedule-reminders";
import type { AppointmentChange } from "./schemas";

// One appointment changed inside the caller's transaction: the change, its reminders re-timed or
// cancelled, the agenda's viewers told, and a rule knowingly overruled kept in the audit trail.
async function changeOne(scoped: StaffContext, appointmentId: string, change: AppointmentChange, now: Date) {
  const changed = await changeAppointment(scoped, appointmentId, change, now);
  await syncReminders(scoped.db, changed.after, now);
  await announceAgendaChange(scoped.db, changed.after);
  if (changed.overruled)
    await recordAudit(
      scoped.db,
      scoped,
      {
        action: "appointment.moved_outside_hours",
        patientId: changed.after.patientId,
        detail: {
          appointmentId,
          startsAt: change.action === "reschedule" ? change.startsAt : null,
          rule: changed.overruled.problem,
          reason: changed.overruled.reason,
        },
      },
      now,
    );
  return changed;
}

// This occurrence and the later ones of its series, all or none: the first refusal names its
// date and rolls the others back.
async function changeFollowing(
  scoped: StaffContext,
  appointmentId: string,
  change: Extract<AppointmentChange, { action: "reschedule" | "cancel" }>,
  now: Date,
) {
  const all: AppointmentChanged[] = [];
  for (const { occurrence, change: own } of await followingOccurrences(scoped, appointmentId, change)) {
    try {
      all.push(await changeOne(scoped, occurrence.id, own, now));
    } catch (error) {
      if (!(error instanceof AppError) || occurrence.id === appointmentId) throw error;
      const when = clinicLocalDateTime(occurrence.startsAt, scoped.clinic.timeZone).replace("T", " ");
      const what = own.action === "cancel" ? "cancelled" : `moved to ${own.startsAt.replace("T", " ")}`;
      throw new ConflictError(
        error.code,
        `The occurrence of ${when} cannot be ${what}: ${error.message} Nothing was changed.`,
        error.fields,
        { occurrence: { id: occurrence.id, startsAt: when } },
      );
    }
  }
  return { changed: all.find((c) => c.after.id === appointmentId)!, series: seriesSummary(all.map((c) => c.after)) };
}

// Staff change an appointment (or, for a series, this one and the following): the changes and
// the patient event that announces them are saved in one transaction; the event is queued
// once committed. A change to several occurrences is announced once, naming how many.
export async function applyAppointmentChange(ctx: StaffContext & Queueing, appointmentId: string, change: AppointmentChange, now: Date) {
  const { changed, series, event } = await ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const { changed, series } =
      change.action !== "set_status" && change.scope === "following"
        ? await changeFollowing(scoped, appointmentId, change, now)
        : { changed: await changeOne(scoped, appointmentId, change, now), series: undefined };
    return { changed, series, event: await recordAppointmentEvent(tx, changed, { staffId: ctx.staff.id }, series) };
  });
  await enqueueStored(ctx.queue, [event]);
  return { appointment: changed.after, changedCount: series?.count ?? 1, event: event && { id: event.id, type: event.type } };
}
