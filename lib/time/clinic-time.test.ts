import { describe, expect, it } from "vitest";
import { clinicDayRange, clinicLocalDate, clinicLocalDateTime, clinicLocalToUtc } from "./clinic-time";

describe("clinic time", () => {
  it("reads a Paris wall-clock time in winter (UTC+1) and summer (UTC+2)", () => {
    expect(clinicLocalToUtc("2026-01-15T09:00", "Europe/Paris").toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(clinicLocalToUtc("2026-07-15T09:00", "Europe/Paris").toISOString()).toBe("2026-07-15T07:00:00.000Z");
  });

  it("gives the spring-forward day in Paris 23 hours and the fall-back day in New York 25", () => {
    const spring = clinicDayRange("2026-03-29", "Europe/Paris");
    expect(spring.start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect((spring.end.getTime() - spring.start.getTime()) / 3600_000).toBe(23);
    const fall = clinicDayRange("2026-11-01", "America/New_York");
    expect((fall.end.getTime() - fall.start.getTime()) / 3600_000).toBe(25);
  });

  it("moves a time that does not exist on the spring-forward night to the first valid instant", () => {
    // 02:30 never happens in Paris on 2026-03-29: clocks jump from 02:00 to 03:00.
    const instant = clinicLocalToUtc("2026-03-29T02:30", "Europe/Paris");
    expect(clinicLocalDateTime(instant, "Europe/Paris")).toBe("2026-03-29T03:30");
  });

  it("names the clinic's day, not the server's", () => {
    const lateEvening = new Date("2026-06-01T03:30:00Z");
    expect(clinicLocalDate(lateEvening, "America/New_York")).toBe("2026-05-31");
    expect(clinicLocalDate(lateEvening, "Europe/Paris")).toBe("2026-06-01");
  });

  it("round-trips local date-times", () => {
    const local = "2026-10-25T14:45";
    expect(clinicLocalDateTime(clinicLocalToUtc(local, "Europe/Paris"), "Europe/Paris")).toBe(local);
  });
});
