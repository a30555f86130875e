import { z } from "zod";
import { localDateSchema } from "@/lib/time/clinic-time";
import { clockTime } from "@/lib/time/clock-time-input";

// What admins write about agendas, their weeks and closures, and visit reasons.

const stretch = z
  .strictObject({
    weekday: z.number().int().min(1, "must be 1 (Monday) to 7 (Sunday)").max(7, "must be 1 (Monday) to 7 (Sunday)"),
    opens: clockTime,
    closes: clockTime,
  })
  .refine((s) => s.opens < s.closes, { path: ["closes"], message: "must be after the opening time" })
  .transform((s) => ({ weekday: s.weekday, opensAt: s.opens, closesAt: s.closes }));

// A whole week, replacing the one before. Stretches of a day must not overlap.
export const weekSchema = z
  .array(stretch)
  .max(70, "must have at most 70 opening stretches")
  .superRefine((week, ctx) => {
    for (const [i, a] of week.entries())
      for (const b of week.slice(i + 1))
        if (a.weekday === b.weekday && a.opensAt < b.closesAt && b.opensAt < a.closesAt) {
          ctx.addIssue({ code: "custom", path: [i], message: "overlaps another opening stretch of the same day" });
          return;
        }
  });

const agendaName = z.string().trim().min(1, "is required").max(120, "must be at most 120 characters");

export const agendaCreateSchema = z.strictObject({ name: agendaName, doctorId: z.uuid("must be a staff id").nullable().optional() });

export const agendaUpdateSchema = z
  .strictObject({
    name: agendaName.optional(),
    doctorId: z.uuid("must be a staff id").nullable().optional(),
    retired: z.boolean().optional(),
    week: weekSchema.optional(),
    visitReasonIds: z.array(z.uuid("must be a visit reason id")).max(200).optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { message: "Name at least one field to change." });

export const closureCreateSchema = z
  .strictObject({
    // Null: the whole clinic (a public holiday).
    agendaId: z.uuid("must be an agenda id").nullable(),
    startsOn: localDateSchema,
    endsOn: localDateSchema,
    reason: z.string().trim().max(200, "must be at most 200 characters").default(""),
  })
  .refine((c) => c.startsOn <= c.endsOn, { path: ["endsOn"], message: "must not be before the first day" });

export const closureIdSchema = z.object({ id: z.uuid("must be a closure id") });
export const visitReasonIdSchema = z.object({ id: z.uuid("must be a visit reason id") });

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #0e7490");
const duration = z.number().int("must be whole minutes").min(5, "must be at least 5 minutes").max(480, "must be at most 480 minutes");

export const visitReasonCreateSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  durationMinutes: duration,
  colour: colour.default("#0e7490"),
  agendaIds: z.array(z.uuid("must be an agenda id")).max(200).default([]),
});

export const visitReasonUpdateSchema = z
  .strictObject({
    name: visitReasonCreateSchema.shape.name.optional(),
    durationMinutes: duration.optional(),
    colour: colour.optional(),
    agendaIds: z.array(z.uuid("must be an agenda id")).max(200).optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { message: "Name at least one field to change." });

export type AgendaCreate = z.output<typeof agendaCreateSchema>;
export type AgendaUpdate = z.output<typeof agendaUpdateSchema>;
export type ClosureCreate = z.output<typeof closureCreateSchema>;
export type VisitReasonCreate = z.output<typeof visitReasonCreateSchema>;
export type VisitReasonUpdate = z.output<typeof visitReasonUpdateSchema>;
