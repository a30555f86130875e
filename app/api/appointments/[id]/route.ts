// PATCH /api/appointments/:id — set a status, cancel, or reschedule (clinic wall-clock time);
// the change is announced to the patient through the notification pipeline.
import { applyAppointmentChange } from "@/lib/appointments/apply-appointment-change";
import { appointmentChangeSchema, appointmentIdSchema } from "@/lib/appointments/schemas";
import { staffRoute } from "@/lib/api/staff-route";

export const PATCH = staffRoute(
  { permission: "manage_appointments", params: appointmentIdSchema, body: appointmentChangeSchema },
  ({ ctx, params, body }) => applyAppointmentChange(ctx, params.id, body, new Date()),
);
