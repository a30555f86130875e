import type { AppointmentStatus } from "@/db/schema";

// Which status changes staff may make. Going back to "confirmed" is how a mistaken status
// is removed: the appointment becomes upcoming again and its pending reminders still go out.
const NEXT_STATUSES: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  pending_approval: ["confirmed", "cancelled"],
  confirmed: ["in_waiting_room", "with_doctor", "seen", "completed", "no_show", "excused_absence", "cancelled"],
  in_waiting_room: ["with_doctor", "seen", "completed", "confirmed"],
  with_doctor: ["seen", "completed", "in_waiting_room", "confirmed"],
  seen: ["completed", "with_doctor", "in_waiting_room", "confirmed"],
  no_show: ["confirmed"],
  excused_absence: ["confirmed"],
  completed: [],
  cancelled: [],
};

// Appointments still to come: only these get reminders and appear in the patient's list.
export const UPCOMING_STATUSES: readonly AppointmentStatus[] = ["pending_approval", "confirmed"];

export function isUpcoming(status: AppointmentStatus): boolean {
  return UPCOMING_STATUSES.includes(status);
}

// Reminders are for confirmed appointments only: a request still awaiting the practice's
// approval is not something the patient should be reminded to come to.
export function isRemindable(status: AppointmentStatus): boolean {
  return status === "confirmed";
}

// Why an appointment's reminders stop: cancelled, awaiting approval, or past "upcoming".
export function notRemindableReason(status: AppointmentStatus): string {
  return status === "cancelled"
    ? "appointment_cancelled"
    : status === "pending_approval"
      ? "appointment_awaiting_approval"
      : "appointment_status_changed";
}

// The desk's day, one click at a time: arrived (in the waiting room) → with the doctor → seen.
const DESK_STEPS: Partial<Record<AppointmentStatus, AppointmentStatus>> = {
  confirmed: "in_waiting_room",
  in_waiting_room: "with_doctor",
  with_doctor: "seen",
};

export function nextDeskStep(status: AppointmentStatus): AppointmentStatus | null {
  return DESK_STEPS[status] ?? null;
}

// The desk may mark a no-show once the appointment has started and the patient has not come.
export function mayMarkNoShow(appointment: { status: AppointmentStatus; startsAt: Date }, now: Date): boolean {
  return statusChangeProblem(appointment, "no_show", now) === null;
}

export function allowedNextStatuses(status: AppointmentStatus): readonly AppointmentStatus[] {
  return NEXT_STATUSES[status];
}

export type ChangeProblem = { code: "invalid_transition" | "not_started" | "in_the_past"; message: string };

export function statusChangeProblem(
  appointment: { status: AppointmentStatus; startsAt: Date },
  to: AppointmentStatus,
  now: Date,
): ChangeProblem | null {
  if (!NEXT_STATUSES[appointment.status].includes(to)) {
    return {
      code: "invalid_transition",
      message: `An appointment that is ${appointment.status} cannot become ${to}.`,
    };
  }
  // A patient cannot have missed an appointment that has not started yet.
  if (to === "no_show" && appointment.startsAt.getTime() > now.getTime()) {
    return { code: "not_started", message: "The appointment has not started yet, so it cannot be a no-show." };
  }
  return null;
}

export function rescheduleProblem(appointment: { status: AppointmentStatus }, newStart: Date, now: Date): ChangeProblem | null {
  if (!isUpcoming(appointment.status)) {
    return {
      code: "invalid_transition",
      message: `An appointment that is ${appointment.status} cannot be moved.`,
    };
  }
  if (newStart.getTime() <= now.getTime()) {
    return { code: "in_the_past", message: "The new time must be in the future." };
  }
  return null;
}
