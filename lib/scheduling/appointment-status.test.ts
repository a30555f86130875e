import { describe, expect, it } from "vitest";
import { appointmentStatusEnum, type AppointmentStatus } from "@/db/schema";
import { allowedNextStatuses, isUpcoming, mayMarkNoShow, nextDeskStep, rescheduleProblem, statusChangeProblem } from "./appointment-status";

const now = new Date("2026-05-04T10:00:00Z");
const tomorrow = new Date("2026-05-05T10:00:00Z");
const yesterday = new Date("2026-05-03T10:00:00Z");

describe("appointment status rules", () => {
  it("lets a mistaken status be removed by going back to confirmed", () => {
    for (const status of ["seen", "with_doctor", "in_waiting_room", "excused_absence", "no_show"] as AppointmentStatus[]) {
      expect(statusChangeProblem({ status, startsAt: yesterday }, "confirmed", now)).toBeNull();
    }
  });

  it("never revives a cancelled or completed appointment", () => {
    for (const status of ["cancelled", "completed"] as AppointmentStatus[]) {
      for (const to of appointmentStatusEnum.enumValues) {
        expect(statusChangeProblem({ status, startsAt: yesterday }, to, now)?.code).toBe("invalid_transition");
      }
    }
  });

  it("refuses a no-show before the appointment has started", () => {
    expect(statusChangeProblem({ status: "confirmed", startsAt: tomorrow }, "no_show", now)?.code).toBe("not_started");
    expect(statusChangeProblem({ status: "confirmed", startsAt: yesterday }, "no_show", now)).toBeNull();
  });

  it("offers every status as a target of some other status, and none as its own target", () => {
    const targets = new Set(appointmentStatusEnum.enumValues.flatMap((s) => allowedNextStatuses(s)));
    for (const status of appointmentStatusEnum.enumValues.filter((s) => s !== "pending_approval")) {
      expect(targets.has(status)).toBe(true);
    }
    for (const status of appointmentStatusEnum.enumValues) expect(allowedNextStatuses(status)).not.toContain(status);
  });

  it("walks the desk's day one click at a time, each step a change the rules allow, and offers a no-show only once started", () => {
    const walked: AppointmentStatus[] = ["confirmed"];
    for (let step = nextDeskStep("confirmed"); step; step = nextDeskStep(step)) {
      expect(statusChangeProblem({ status: walked.at(-1)!, startsAt: yesterday }, step, now)).toBeNull();
      walked.push(step);
    }
    expect(walked).toEqual(["confirmed", "in_waiting_room", "with_doctor", "seen"]);
    expect(nextDeskStep("pending_approval")).toBeNull();
    expect(mayMarkNoShow({ status: "confirmed", startsAt: tomorrow }, now)).toBe(false);
    expect(mayMarkNoShow({ status: "confirmed", startsAt: yesterday }, now)).toBe(true);
    expect(mayMarkNoShow({ status: "in_waiting_room", startsAt: yesterday }, now)).toBe(false);
  });

  it("counts only pending and confirmed appointments as upcoming", () => {
    expect(appointmentStatusEnum.enumValues.filter(isUpcoming)).toEqual(["pending_approval", "confirmed"]);
  });

  it("moves only upcoming appointments, and only into the future", () => {
    expect(rescheduleProblem({ status: "confirmed" }, tomorrow, now)).toBeNull();
    expect(rescheduleProblem({ status: "confirmed" }, yesterday, now)?.code).toBe("in_the_past");
    expect(rescheduleProblem({ status: "cancelled" }, tomorrow, now)?.code).toBe("invalid_transition");
  });
});
