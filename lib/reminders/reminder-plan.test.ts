import { describe, expect, it } from "vitest";
import { clinicLocalDateTime } from "@/lib/time/clinic-time";
import { DEFAULT_QUIET_HOURS, DEFAULT_REMINDER_STEPS, offsetLabel, planReminders } from "./reminder-plan";

const plan = (startsAt: string, now: string, timeZone = "Europe/Paris") =>
  planReminders({ startsAt: new Date(startsAt), steps: DEFAULT_REMINDER_STEPS, quiet: DEFAULT_QUIET_HOURS, timeZone, now: new Date(now) });
const local = (d: Date, timeZone = "Europe/Paris") => clinicLocalDateTime(d, timeZone);

describe("when reminders are due", () => {
  it("24 h, 2 h and 30 min before a 14:00 appointment booked a week ahead", () => {
    const { scheduled, dropped } = plan("2026-06-10T12:00:00Z", "2026-06-03T09:00:00Z");
    expect(scheduled.map((r) => local(r.dueAt))).toEqual(["2026-06-09T14:00", "2026-06-10T12:00", "2026-06-10T13:30"]);
    expect(dropped).toEqual([]);
  });

  it("a booking 3 h ahead gets the 2 h and 30 min reminders, not a 24 h one fired at once", () => {
    const { scheduled, dropped } = plan("2026-06-10T12:00:00Z", "2026-06-10T09:00:00Z");
    expect(scheduled.map((r) => r.offsetMinutes)).toEqual([120, 30]);
    expect(dropped).toEqual([{ offsetMinutes: 1440, reason: "booked_too_late" }]);
  });

  it("quiet hours defer to 08:00, never drop; two pushed to the same time go as one; one that would then reach the start is dropped", () => {
    // 08:15: the 24 h reminder falls at 08:15 the day before (fine); the 2 h one at 06:15 → 08:00,
    // and the 30 min one (07:45 → 08:00) goes with it: one message, the 2 h step's WhatsApp first.
    const morning = plan("2026-06-10T06:15:00Z", "2026-06-01T09:00:00Z");
    expect(morning.scheduled.map((r) => [r.offsetMinutes, local(r.dueAt)])).toEqual([
      [1440, "2026-06-09T08:15"],
      [120, "2026-06-10T08:00"],
    ]);
    expect(morning.dropped).toEqual([{ offsetMinutes: 30, reason: "merged_with_earlier_reminder" }]);
    expect(local(morning.scheduled[1].deferredFrom!)).toBe("2026-06-10T06:15");
    // 08:00 sharp: the 2 h and 30 min reminders would wait until the very start.
    const atOpening = plan("2026-06-10T06:00:00Z", "2026-06-01T09:00:00Z");
    expect(atOpening.dropped).toEqual([
      { offsetMinutes: 120, reason: "quiet_hours_until_start" },
      { offsetMinutes: 30, reason: "quiet_hours_until_start" },
    ]);
    // A 22:30 reminder (24 h before a 22:30 appointment) waits for 08:00 the next morning.
    const evening = plan("2026-06-10T20:30:00Z", "2026-06-01T09:00:00Z");
    expect(local(evening.scheduled[0].dueAt)).toBe("2026-06-10T08:00");
  });

  it("across Paris's spring-forward night the day-before reminder keeps the clock time; hours stay real hours", () => {
    // Monday 30 March 2026 at 10:00 (UTC+2); Sunday 29 March was 23 hours long.
    const { scheduled } = plan("2026-03-30T08:00:00Z", "2026-03-20T09:00:00Z");
    expect(local(scheduled[0].dueAt)).toBe("2026-03-29T10:00");
    expect(scheduled[0].dueAt.toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(local(scheduled[1].dueAt)).toBe("2026-03-30T08:00");
  });

  it("across New York's fall-back night too", () => {
    // Monday 2 November 2026 at 10:00 EST; Sunday 1 November was 25 hours long.
    const { scheduled } = plan("2026-11-02T15:00:00Z", "2026-10-20T09:00:00Z", "America/New_York");
    expect(local(scheduled[0].dueAt, "America/New_York")).toBe("2026-11-01T10:00");
    expect(scheduled[0].dueAt.toISOString()).toBe("2026-11-01T15:00:00.000Z");
  });

  it("plans a backup's check after its delay, keeping quiet hours, and none that would reach the start", () => {
    const { scheduled } = plan("2026-06-10T12:00:00Z", "2026-06-03T09:00:00Z");
    expect(scheduled.map((r) => r.backupDueAt && local(r.backupDueAt))).toEqual(["2026-06-09T14:15", "2026-06-10T12:15", null]);
    const late = planReminders({
      startsAt: new Date("2026-06-10T19:50:00Z"), // 21:50 in Paris: the 20:50 reminder's backup would fall at 21:05
      steps: [{ offsetMinutes: 60, channels: ["whatsapp", "push"], backup: { afterMinutes: 15, until: "read" } }],
      quiet: DEFAULT_QUIET_HOURS,
      timeZone: "Europe/Paris",
      now: new Date("2026-06-01T09:00:00Z"),
    });
    expect(local(late.scheduled[0].dueAt)).toBe("2026-06-10T20:50");
    expect(late.scheduled[0].backupDueAt).toBeNull();
  });

  it("names offsets as the reminder event does", () => {
    expect([1440, 120, 30, 90].map(offsetLabel)).toEqual(["24h", "2h", "30m", "90m"]);
  });
});
