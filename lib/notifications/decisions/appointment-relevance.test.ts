import { describe, expect, it } from "vitest";
import { appointmentSkipReason } from "./appointment-relevance";

const now = new Date("2026-04-10T09:00:00Z");
const later = new Date("2026-04-10T11:00:00Z");
const earlier = new Date("2026-04-10T08:00:00Z");

describe("is the appointment still what the event says at send time?", () => {
  it("sends a reminder for an upcoming appointment", () => {
    expect(appointmentSkipReason("appointment.reminder", { status: "confirmed", startsAt: later }, now)).toBeNull();
    expect(appointmentSkipReason("appointment.reminder", { status: "pending_approval", startsAt: later }, now)).toBeNull();
  });

  it("skips a reminder once the appointment is seen, in the waiting room or excused, and sends it again when that is undone", () => {
    for (const status of ["seen", "in_waiting_room", "excused_absence", "cancelled", "completed", "no_show"] as const) {
      expect(appointmentSkipReason("appointment.reminder", { status, startsAt: later }, now)?.reason).toBe("appointment_status_changed");
    }
    expect(appointmentSkipReason("appointment.reminder", { status: "confirmed", startsAt: later }, now)).toBeNull();
  });

  it("never sends a reminder or a move notice after the appointment started", () => {
    expect(appointmentSkipReason("appointment.reminder", { status: "confirmed", startsAt: earlier }, now)?.reason).toBe(
      "appointment_already_started",
    );
    expect(appointmentSkipReason("appointment.rescheduled", { status: "confirmed", startsAt: now }, now)?.reason).toBe(
      "appointment_already_started",
    );
  });

  it("does not announce a cancellation that was undone", () => {
    expect(appointmentSkipReason("appointment.cancelled", { status: "confirmed", startsAt: later }, now)?.reason).toBe(
      "appointment_status_changed",
    );
    expect(appointmentSkipReason("appointment.cancelled", { status: "cancelled", startsAt: earlier }, now)).toBeNull();
  });
});
