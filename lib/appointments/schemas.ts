import { z } from "zod";
import { appointmentStatusEnum } from "@/db/schema";
import { recurrenceSchema } from "@/lib/scheduling/series-occurrences";
import { localDateSchema, localDateTimeSchema } from "@/lib/time/clinic-time";

export const appointmentIdSchema = z.object({ id: z.uuid("must be an appointment id") });

// Cancelling has its own action (with a reason), so set_status never takes "cancelled".
const settableStatus = z.enum(appointmentStatusEnum.enumValues.filter((s) => s !== "cancelled") as [string, ...string[]]);

// For an occurrence of a recurring booking: this one only (the default), or this one and every
// later one still to come, moved by the same step or cancelled with it.
const seriesScope = z.enum(["this", "following"], "must be this or following").optional();

export const appointmentChangeSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("set_status"), status: settableStatus }),
  z.object({ action: z.literal("cancel"), reason: z.string().trim().max(500).optional(), scope: seriesScope }),
  // Wall-clock time in the clinic's time zone. A move keeps the booking rules (the agenda's
  // hours and closures); outsideHoursReason overrules them knowingly, and is kept in the audit trail.
  z.object({
    action: z.literal("reschedule"),
    startsAt: localDateTimeSchema,
    // A new length (the grid's resize handle); the appointment keeps its own when absent.
    durationMinutes: z
      .number("must be a number of minutes")
      .int("must be whole minutes")
      .min(5, "must be at least 5 minutes")
      .max(480, "must be at most 8 hours")
      .multipleOf(5, "must be a multiple of 5 minutes")
      .optional(),
    outsideHoursReason: z.string().trim().min(3, "say in a few words why").max(300).optional(),
    scope: seriesScope,
  }),
]);

export type AppointmentChange = z.output<typeof appointmentChangeSchema>;

export const appointmentListSchema = z.object({
  date: localDateSchema.optional(),
  agendaId: z.uuid("must be an agenda id").optional(),
});

export const agendaIdSchema = z.object({ id: z.uuid("must be an agenda id") });

const SIX_WEEKS_DAYS = 42;

export const slotQuerySchema = z
  .object({ from: localDateSchema, to: localDateSchema, visitReasonId: z.uuid("must be a visit reason id") })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "must not be before from" })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= SIX_WEEKS_DAYS * 86400_000, {
    path: ["to"],
    message: `must be at most ${SIX_WEEKS_DAYS} days after from`,
  });

// Staff book a patient into a slot: wall-clock time in the clinic's time zone.
export const bookingSchema = z.strictObject({
  agendaId: z.uuid("must be an agenda id"),
  visitReasonId: z.uuid("must be a visit reason id"),
  patientId: z.uuid("must be a patient id"),
  startsAt: localDateTimeSchema,
  // The patient already has an appointment that day: booked again only when reception says so.
  sameDayConfirmed: z.boolean().optional(),
  // A recurring booking (every N weeks, so many times), and whether to book the dates that are
  // free when some are not.
  repeat: recurrenceSchema.optional(),
  // Reception's note for the day list (staff only; never sent to the patient).
  notes: z.string().trim().max(500, "must be at most 500 characters").optional(),
  skipUnavailable: z.boolean().optional(),
});

export type Booking = z.output<typeof bookingSchema>;

// Time blocked on an agenda (a meeting, a home visit): wall-clock times in the clinic's zone,
// within one day.
export const blockedPeriodSchema = z
  .strictObject({
    startsAt: localDateTimeSchema,
    endsAt: localDateTimeSchema,
    reason: z.string().trim().min(2, "say in a word or two why (a meeting, a home visit)").max(200),
  })
  .refine((b) => b.startsAt < b.endsAt, { path: ["endsAt"], message: "must be after the start" })
  .refine((b) => b.startsAt.slice(0, 10) === b.endsAt.slice(0, 10), { path: ["endsAt"], message: "must be on the same day" });

export type BlockedPeriodInput = z.output<typeof blockedPeriodSchema>;

export const blockedPeriodIdSchema = z.object({ id: z.uuid("must be an agenda id"), blockId: z.uuid("must be a blocked period id") });
