import "server-only";
import { announceAgendaChange } from "@/lib/realtime/hub-changes";
import type { StaffContext } from "@/lib/auth/staff-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueStored } from "@/lib/notifications/events/ingest-event";
import type { Queueing } from "@/lib/notifications/queue/event-queue";
import { recordAppointmentEvent } from "./appointment-events";
import { changeAppointment } from "./change-appointment";
import { syncReminders } from "@/lib/reminders/schedule-reminders";
import type { AppointmentChange } from "./schemas";

// Staff change an appointment: the change, its reminders re-timed or cancelled, and the patient
// event that announces it are saved in one transaction; the event is queued once committed.
export async function applyAppointmentChange(ctx: StaffContext & Queueing, appointmentId: string, change: AppointmentChange, now: Date) {
  const { changed, event } = await ctx.db.transaction(async (tx) => {
    const changed = await changeAppointment({ ...ctx, db: tx }, appointmentId, change, now);
    await syncReminders(tx, changed.after, now);
    await announceAgendaChange(tx, changed.after);
    if (changed.overruled)
      await recordAudit(
        tx,
        ctx,
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
    return { changed, event: await recordAppointmentEvent(tx, changed, { staffId: ctx.staff.id }) };
  });
  await enqueueStored(ctx.queue, [event]);
  return { appointment: changed.after, event: event && { id: event.id, type: event.type } };
}
