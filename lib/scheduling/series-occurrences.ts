import { RRule } from "rrule";
import { z } from "zod";

// How a recurring booking repeats: every N weeks, on the first appointment's weekday and clock
// time, for `count` appointments in all (the first included).
export const recurrenceSchema = z.strictObject({
  intervalWeeks: z.number("must be a number of weeks").int("must be whole weeks").min(1, "must be at least 1").max(4, "must be at most 4"),
  count: z
    .number("must be a number of appointments")
    .int("must be a whole number")
    .min(2, "a series has at least 2 appointments")
    .max(52, "a series has at most 52 appointments"),
});

export type Recurrence = z.output<typeof recurrenceSchema>;

// The RFC 5545 rule kept with the series (what an EHR or a calendar would read).
export function recurrenceRule(recurrence: Recurrence): string {
  return new RRule({ freq: RRule.WEEKLY, interval: recurrence.intervalWeeks, count: recurrence.count }).toString();
}

// Each occurrence's wall-clock start ("2027-03-30T09:00"), the first one included. The rule
// runs on floating time (the wall clock written as if it were UTC), so an occurrence after a
// DST change keeps 09:00 on the clinic's clock rather than keeping the first one's UTC instant.
// Pure.
export function seriesOccurrences(firstLocal: string, recurrence: Recurrence): string[] {
  const rule = new RRule({
    freq: RRule.WEEKLY,
    interval: recurrence.intervalWeeks,
    count: recurrence.count,
    dtstart: new Date(`${firstLocal}:00Z`),
  });
  return rule.all().map((d) => d.toISOString().slice(0, 16));
}
