// PATCH /api/appointments/:id — set a status, cancel, or reschedule (clinic wall-clock time);
// the change is announced to the patient through the notification pipeline.
import { recordAppointmentEvent } from "@/lib/appointments/appointment-events";
import { changeAppointment } from "@/lib/appointments/change-appointment";
import { appointmentChangeSchema, appointmentIdSchema } from "@/lib/appointments/schemas";
import { staffRoute } from "@/lib/api/staff-route";
import { notificationRuntime } from "@/lib/notifications/runtime";

export const PATCH = staffRoute(
  { permission: "manage_appointments", params: appointmentIdSchema, body: appointmentChangeSchema },
  async ({ ctx, params, body }) => {
    const { changed, event } = await ctx.db.transaction(async (tx) => {
      const changed = await changeAppointment({ ...ctx, db: tx }, params.id, body, new Date());
      return { changed, event: await recordAppointmentEvent(tx, changed) };
    });
    if (event?.needsQueue) await notificationRuntime().queue.enqueue(event.id);
    return { appointment: changed.after, event: event && { id: event.id, type: event.type } };
  },
);
