import { describe, expect, it } from "vitest";
import { clinicLocalDateTime } from "@/lib/time/clinic-time";
import { bookingProblem, freeSlots, type OpenStretch } from "./free-slots";

// Monday to Friday 08:30–12:30 and 14:00–18:00 (a lunch break), Saturday morning.
const WEEK: OpenStretch[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opensAt: 8 * 60 + 30, closesAt: 12 * 60 + 30 },
  { weekday, opensAt: 14 * 60, closesAt: 18 * 60 },
]);
WEEK.push({ weekday: 6, opensAt: 8 * 60 + 30, closesAt: 12 * 60 + 30 });

const LONG_AGO = new Date("2000-01-01T00:00:00Z");
const local = (slots: { startsAt: Date }[], timeZone: string) => slots.map((s) => clinicLocalDateTime(s.startsAt, timeZone).slice(11));

describe("free slots", () => {
  it("cuts the opening hours into the visit reason's duration, around the break", () => {
    const slots = freeSlots({
      timeZone: "Europe/Paris",
      from: "2026-06-01",
      to: "2026-06-01",
      week: WEEK,
      closures: [],
      booked: [],
      durationMinutes: 60,
      now: LONG_AGO,
    });
    expect(local(slots, "Europe/Paris")).toEqual(["08:30", "09:30", "10:30", "11:30", "14:00", "15:00", "16:00", "17:00"]);
    expect(slots[0].startsAt.toISOString()).toBe("2026-06-01T06:30:00.000Z");
    expect(slots[0].endsAt.getTime() - slots[0].startsAt.getTime()).toBe(3600_000);
  });

  it("keeps 08:30 at 08:30 local on both of Paris's daylight-saving days, and the instants shift", () => {
    for (const [day, utc] of [
      ["2026-03-28", "2026-03-28T07:30:00.000Z"], // Saturday, still winter time (UTC+1)
      ["2026-03-30", "2026-03-30T06:30:00.000Z"], // Monday after the spring-forward Sunday
      ["2026-10-24", "2026-10-24T06:30:00.000Z"], // Saturday, still summer time (UTC+2)
      ["2026-10-26", "2026-10-26T07:30:00.000Z"], // Monday after the fall-back Sunday
    ]) {
      const slots = freeSlots({
        timeZone: "Europe/Paris",
        from: day,
        to: day,
        week: WEEK,
        closures: [],
        booked: [],
        durationMinutes: 30,
        now: LONG_AGO,
      });
      expect(slots[0].startsAt.toISOString(), day).toBe(utc);
      expect(local(slots, "Europe/Paris")[0]).toBe("08:30");
    }
  });

  it("counts real hours across the jump itself: a night stretch is an hour shorter in spring and longer in autumn", () => {
    const nights: OpenStretch[] = [{ weekday: 7, opensAt: 0, closesAt: 6 * 60 }];
    const night = (timeZone: string, day: string) =>
      freeSlots({ timeZone, from: day, to: day, week: nights, closures: [], booked: [], durationMinutes: 60, now: LONG_AGO });
    // Paris: 29 March 2026 02:00 → 03:00; 25 October 2026 03:00 → 02:00.
    expect(night("Europe/Paris", "2026-03-29")).toHaveLength(5);
    expect(local(night("Europe/Paris", "2026-03-29"), "Europe/Paris")).toEqual(["00:00", "01:00", "03:00", "04:00", "05:00"]);
    expect(night("Europe/Paris", "2026-10-25")).toHaveLength(7);
    // New York: 8 March 2026 02:00 → 03:00; 1 November 2026 02:00 → 01:00.
    expect(local(night("America/New_York", "2026-03-08"), "America/New_York")).toEqual(["00:00", "01:00", "03:00", "04:00", "05:00"]);
    expect(night("America/New_York", "2026-11-01")).toHaveLength(7);
  });

  it("puts New York's 08:30 on the right instant on both sides of its changes", () => {
    for (const [day, utc] of [
      ["2026-03-07", "2026-03-07T13:30:00.000Z"], // EST, UTC−5
      ["2026-03-09", "2026-03-09T12:30:00.000Z"], // EDT, UTC−4
      ["2026-10-31", "2026-10-31T12:30:00.000Z"],
      ["2026-11-02", "2026-11-02T13:30:00.000Z"],
    ]) {
      const [first] = freeSlots({
        timeZone: "America/New_York",
        from: day,
        to: day,
        week: WEEK,
        closures: [],
        booked: [],
        durationMinutes: 20,
        now: LONG_AGO,
      });
      expect(first.startsAt.toISOString(), day).toBe(utc);
    }
  });

  it("leaves out closed days (one agenda's day off or the clinic's holiday), Sundays and the past", () => {
    const query = { timeZone: "Europe/Paris", from: "2026-12-21", to: "2026-12-27", week: WEEK, booked: [], durationMinutes: 240 };
    const open = freeSlots({ ...query, closures: [], now: LONG_AGO });
    const days = (slots: { startsAt: Date }[]) => [
      ...new Set(slots.map((s) => clinicLocalDateTime(s.startsAt, "Europe/Paris").slice(0, 10))),
    ];
    expect(days(open)).toEqual(["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24", "2026-12-25", "2026-12-26"]);
    const closed = freeSlots({ ...query, closures: [{ startsOn: "2026-12-24", endsOn: "2026-12-25" }], now: LONG_AGO });
    expect(days(closed)).toEqual(["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-26"]);
    // At 10:00 on the Tuesday, the Monday and that morning are gone; the afternoon is left.
    const later = freeSlots({ ...query, closures: [], now: new Date("2026-12-22T09:00:00Z") });
    expect(clinicLocalDateTime(later[0].startsAt, "Europe/Paris")).toBe("2026-12-22T14:00");
  });

  it("skips booked time, and a slot follows an appointment that ended off the grid", () => {
    const booked = [
      { startsAt: new Date("2026-06-01T06:40:00Z"), endsAt: new Date("2026-06-01T07:05:00Z") }, // 08:40–09:05
      { startsAt: new Date("2026-06-01T08:00:00Z"), endsAt: new Date("2026-06-01T10:30:00Z") }, // 10:00–12:30
    ];
    const slots = freeSlots({
      timeZone: "Europe/Paris",
      from: "2026-06-01",
      to: "2026-06-01",
      week: WEEK.filter((s) => s.opensAt < 12 * 60),
      closures: [],
      booked,
      durationMinutes: 20,
      now: LONG_AGO,
    });
    expect(local(slots, "Europe/Paris")).toEqual(["09:05", "09:25"]);
    // Nothing overlaps anything booked.
    for (const s of slots) for (const b of booked) expect(s.endsAt <= b.startsAt || s.startsAt >= b.endsAt).toBe(true);
  });

  it("never offers booked time on a busy agenda: four weeks, 2,000 appointments", () => {
    const booked = Array.from({ length: 2000 }, (_, i) => {
      const startsAt = new Date(Date.UTC(2026, 5, 1, 6, 30) + i * 17 * 60_000);
      return { startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000) };
    });
    const slots = freeSlots({
      timeZone: "Europe/Paris",
      from: "2026-06-01",
      to: "2026-06-28",
      week: WEEK,
      closures: [],
      booked,
      durationMinutes: 20,
      now: LONG_AGO,
    });
    for (const s of slots) expect(booked.some((b) => s.startsAt < b.endsAt && b.startsAt < s.endsAt)).toBe(false);
  });
});

describe("booking problems", () => {
  const base = {
    timeZone: "Europe/Paris",
    week: WEEK,
    closures: [{ startsOn: "2026-12-25", endsOn: "2026-12-25" }],
    now: new Date("2026-12-01T08:00:00Z"),
    durationMinutes: 30,
  };
  it("accepts a time inside the opening hours, refuses the break, a closed day, the past and an overrun", () => {
    expect(bookingProblem(base, new Date("2026-12-02T08:10:00Z"))).toBeNull(); // 09:10
    expect(bookingProblem(base, new Date("2026-12-02T12:00:00Z"))).toBe("outside_opening_hours"); // 13:00, the break
    expect(bookingProblem(base, new Date("2026-12-02T11:15:00Z"))).toBe("outside_opening_hours"); // 12:15 + 30 min runs into the break
    expect(bookingProblem(base, new Date("2026-12-25T09:00:00Z"))).toBe("closed");
    expect(bookingProblem(base, new Date("2026-11-30T09:00:00Z"))).toBe("in_the_past");
    expect(bookingProblem(base, new Date("2026-12-06T09:00:00Z"))).toBe("outside_opening_hours"); // a Sunday
  });

  it("refuses a time that overlaps a blocked period, and only that", () => {
    // Wednesday 2 December, 14:00–15:30 Paris blocked for a meeting.
    const blocked = [{ startsAt: new Date("2026-12-02T13:00:00Z"), endsAt: new Date("2026-12-02T14:30:00Z") }];
    const withBlock = { ...base, blocked };
    expect(bookingProblem(withBlock, new Date("2026-12-02T13:30:00Z"))).toBe("blocked"); // 14:30, inside
    expect(bookingProblem(withBlock, new Date("2026-12-02T12:45:00Z"))).toBe("outside_opening_hours"); // 13:45, the break first
    expect(bookingProblem(withBlock, new Date("2026-12-02T14:15:00Z"))).toBe("blocked"); // 15:15 + 30 min overlaps the end
    expect(bookingProblem(withBlock, new Date("2026-12-02T14:30:00Z"))).toBeNull(); // 15:30, right after
  });
});
