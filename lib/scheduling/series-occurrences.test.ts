import { describe, expect, it } from "vitest";
import { clinicLocalToUtc } from "@/lib/time/clinic-time";
import { recurrenceRule, recurrenceSchema, seriesOccurrences } from "./series-occurrences";

describe("seriesOccurrences", () => {
  it("repeats weekly on the same weekday and clock time, the first included", () => {
    expect(seriesOccurrences("2026-12-08T09:30", { intervalWeeks: 1, count: 3 })).toEqual([
      "2026-12-08T09:30",
      "2026-12-15T09:30",
      "2026-12-22T09:30",
    ]);
  });

  it("every two weeks, across the turn of the year", () => {
    expect(seriesOccurrences("2026-12-22T17:00", { intervalWeeks: 2, count: 3 })).toEqual([
      "2026-12-22T17:00",
      "2027-01-05T17:00",
      "2027-01-19T17:00",
    ]);
  });

  // Paris springs forward on 28 March 2027, New York on 14 March and falls back on 7 November.
  it.each([
    ["Europe/Paris", "2027-03-16T09:00", "2027-03-16T08:00:00.000Z", "2027-03-30T07:00:00.000Z"],
    ["America/New_York", "2027-03-02T09:00", "2027-03-02T14:00:00.000Z", "2027-03-16T13:00:00.000Z"],
    ["America/New_York", "2027-10-26T09:00", "2027-10-26T13:00:00.000Z", "2027-11-09T14:00:00.000Z"],
  ])("keeps the clinic's clock time across a DST change (%s)", (zone, first, firstUtc, thirdUtc) => {
    const occurrences = seriesOccurrences(first, { intervalWeeks: 1, count: 3 });
    expect(occurrences.every((o) => o.endsWith("T09:00"))).toBe(true);
    expect(clinicLocalToUtc(occurrences[0], zone).toISOString()).toBe(firstUtc);
    expect(clinicLocalToUtc(occurrences[2], zone).toISOString()).toBe(thirdUtc);
  });

  it("writes the rule as RFC 5545", () => {
    expect(recurrenceRule({ intervalWeeks: 1, count: 10 })).toBe("RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=10");
  });

  it("refuses a series of one, or of a year and more, in words", () => {
    expect(recurrenceSchema.safeParse({ intervalWeeks: 1, count: 1 }).error?.issues[0].message).toBe(
      "a series has at least 2 appointments",
    );
    expect(recurrenceSchema.safeParse({ intervalWeeks: 1, count: 53 }).success).toBe(false);
    expect(recurrenceSchema.safeParse({ intervalWeeks: 5, count: 3 }).success).toBe(false);
  });
});
