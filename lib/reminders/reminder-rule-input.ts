import { z } from "zod";
import { PATIENT_CHANNELS } from "@/lib/notifications/decisions/decide-patient-channels";
import { clockTime } from "@/lib/time/clock-time-input";

// What an admin writes about when reminders go out: for the clinic, or for one agenda or one
// visit reason (which then override the clinic's rule).

const MAX_OFFSET = 30 * 24 * 60;

const backupSchema = z.strictObject({
  afterMinutes: z
    .number()
    .int("must be a whole number of minutes")
    .min(1, "must be at least 1 minute")
    .max(24 * 60, "must be at most 24 hours"),
  until: z.enum(["delivered", "read"], "must be delivered or read"),
});

const stepSchema = z
  .strictObject({
    offsetMinutes: z
      .number()
      .int("must be a whole number of minutes")
      .min(5, "must be at least 5 minutes before the start")
      .max(MAX_OFFSET, "must be at most 30 days before the start"),
    channels: z
      .array(z.enum(PATIENT_CHANNELS, `must be one of ${PATIENT_CHANNELS.join(", ")}`))
      .min(1, "must name at least one channel")
      .refine((c) => new Set(c).size === c.length, "must not name a channel twice"),
    backup: backupSchema.nullable().default(null),
  })
  .superRefine((step, ctx) => {
    if (!step.backup) return;
    if (step.channels.length < 2) ctx.addIssue({ code: "custom", path: ["backup"], message: "needs a second channel to fall back to" });
    if (step.backup.afterMinutes >= step.offsetMinutes)
      ctx.addIssue({ code: "custom", path: ["backup", "afterMinutes"], message: "must be shorter than the time before the start" });
  });

export const reminderRuleSchema = z
  .strictObject({
    agendaId: z.uuid("must be an agenda id").nullable().default(null),
    visitReasonId: z.uuid("must be a visit reason id").nullable().default(null),
    // No step: no reminders for this scope.
    steps: z
      .array(stepSchema)
      .max(6, "must have at most 6 reminders")
      .refine(
        (s) => new Set(s.map((x) => x.offsetMinutes)).size === s.length,
        "must not have two reminders at the same time before the start",
      ),
    quietHours: z.strictObject({ startsAt: clockTime, endsAt: clockTime }),
  })
  .refine((r) => !(r.agendaId && r.visitReasonId), { path: ["visitReasonId"], message: "give an agenda or a visit reason, not both" });

export type ReminderRuleInput = z.infer<typeof reminderRuleSchema>;

export const reminderRuleIdSchema = z.object({ id: z.uuid("must be a reminder rule id") });
