import type { AppointmentStatus } from "@/db/schema";
import { isUpcoming } from "@/lib/scheduling/appointment-status";
import type { PatientEventType } from "@/lib/notifications/event-catalog";
import type { SkipReason } from "@/lib/notifications/skip-reasons";

// The statuses an appointment must still have, at send time, for each event to go out.
// A reminder for an appointment marked "seen" by mistake is skipped; if the status is
// removed again before the send time, the same reminder goes out.
const EXPECTED: Partial<Record<PatientEventType, (s: AppointmentStatus) => boolean>> = {
  "appointment.confirmed": (s) => s === "confirmed",
  "appointment.pending_approval": (s) => s === "pending_approval",
  "appointment.rejected": (s) => s === "cancelled",
  "appointment.cancelled": (s) => s === "cancelled",
  "doctor.emergency_leave": (s) => s === "cancelled",
  "appointment.rescheduled": isUpcoming,
  "appointment.reminder": isUpcoming,
  "appointment.completed": (s) => s === "completed" || s === "seen",
  "appointment.no_show": (s) => s === "no_show",
};

// Events that announce something still to come must not go out once it has started.
const MUST_BE_AHEAD: ReadonlySet<PatientEventType> = new Set(["appointment.reminder", "appointment.rescheduled"]);

export function appointmentSkipReason(
  eventType: PatientEventType,
  appointment: { status: AppointmentStatus; startsAt: Date },
  now: Date,
): { reason: SkipReason; detail: string } | null {
  const expected = EXPECTED[eventType];
  if (expected && !expected(appointment.status)) {
    return { reason: "appointment_status_changed", detail: `status is ${appointment.status}` };
  }
  if (MUST_BE_AHEAD.has(eventType) && appointment.startsAt.getTime() <= now.getTime()) {
    return { reason: "appointment_already_started", detail: `started at ${appointment.startsAt.toISOString()}` };
  }
  return null;
}
