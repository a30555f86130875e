import { describe, expect, it } from "vitest";
import type { Appointment } from "@/db/schema";
import { eventForChange } from "./appointment-events";

const base = { startsAt: new Date("2026-05-01T08:00:00Z"), status: "confirmed" } as Appointment;
const change = (before: Partial<Appointment>, after: Partial<Appointment>) => eventForChange({ ...base, ...before }, { ...base, ...after });

describe("what a change made in the app announces to the patient", () => {
  it("cancelling announces a cancellation; turning down a pending request, a rejection", () => {
    expect(change({}, { status: "cancelled" })).toBe("appointment.cancelled");
    expect(change({ status: "pending_approval" }, { status: "cancelled", startsAt: base.startsAt })).toBe("appointment.rejected");
  });
  it("moving announces the new time; approving, the confirmation", () => {
    expect(change({}, { startsAt: new Date("2026-05-02T08:00:00Z") })).toBe("appointment.rescheduled");
    expect(change({ status: "pending_approval" }, { status: "confirmed" })).toBe("appointment.confirmed");
  });
  it("no-show and completion are announced; waiting-room moves are not", () => {
    expect(change({}, { status: "no_show" })).toBe("appointment.no_show");
    expect(change({ status: "seen" }, { status: "completed" })).toBe("appointment.completed");
    expect(change({}, { status: "in_waiting_room" })).toBeNull();
    expect(change({ status: "seen" }, { status: "confirmed" })).toBeNull();
  });
});
