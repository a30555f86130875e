import "server-only";
import { asc, eq, gte } from "drizzle-orm";
import { z } from "zod";
import { agendas, appointments, messageTemplates, motifs, patients, staffUsers, type Language } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import { PATIENT_EVENT_TYPES, type PatientEventType } from "../event-catalog";
import { forgetClinicSettings } from "../events/clinic-settings";
import { TEMPLATE_VARIABLES, templateProblems } from "../templates/check-template";
import { defaultTemplateRows, type TemplateRow } from "../templates/default-rows";
import { renderMessage } from "../templates/render";
import { templateVariables } from "../templates/variables";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "staff" | "clinic">;

export const TEMPLATE_CHANNELS = ["whatsapp", "email", "sms", "telegram", "push"] as const;
const LANGUAGES = ["en", "fr"] as const;

export const templateKeySchema = z.strictObject({
  eventType: z.enum(PATIENT_EVENT_TYPES as [PatientEventType, ...PatientEventType[]], "must be one of the 13 patient events"),
  channel: z.enum(TEMPLATE_CHANNELS, "must be whatsapp, email, sms, telegram or push"),
  language: z.enum(LANGUAGES, "must be en or fr"),
});
export const templateInputSchema = templateKeySchema.extend({
  subject: z.string().max(300, "must be at most 300 characters").nullable().default(null),
  body: z.string().trim().min(1, "is required").max(5000, "must be at most 5,000 characters"),
  // WhatsApp outside the 24-hour window: the name Meta approved, and the variables of its parameters.
  whatsappTemplateName: z
    .string()
    .regex(/^[a-z0-9_]{1,512}$/, "must be the approved template's name (lower case, digits, _)")
    .nullable()
    .default(null),
  whatsappParameters: z.array(z.enum(TEMPLATE_VARIABLES, "is not a template variable")).max(10).nullable().default(null),
});
export const eventQuerySchema = z.object({ event: templateKeySchema.shape.eventType });
export type TemplateInput = z.output<typeof templateInputSchema>;

const keyOf = (r: { eventType: string; channel: string; language: string }) => `${r.eventType}|${r.channel}|${r.language}`;
const DEFAULTS = new Map(defaultTemplateRows().map((r) => [keyOf(r), r]));

// An event's templates, every channel × language: the clinic's text, or the product default.
export async function listTemplates(ctx: Ctx, eventType: PatientEventType) {
  const stored = await ctx.db
    .select()
    .from(messageTemplates)
    .where(inClinic(ctx, messageTemplates, eq(messageTemplates.eventType, eventType)));
  return {
    variables: TEMPLATE_VARIABLES,
    templates: TEMPLATE_CHANNELS.flatMap((channel) =>
      LANGUAGES.map((language) => {
        const fallback = DEFAULTS.get(keyOf({ eventType, channel, language }))!;
        const row = stored.find((s) => s.channel === channel && s.language === language);
        const current: TemplateRow = row
          ? {
              eventType,
              channel,
              language,
              subject: row.subject,
              body: row.body,
              whatsappTemplateName: row.whatsappTemplateName,
              whatsappParameters: row.whatsappParameters,
            }
          : fallback;
        return {
          ...current,
          isDefault:
            current.body === fallback.body &&
            current.subject === fallback.subject &&
            current.whatsappTemplateName === fallback.whatsappTemplateName,
        };
      }),
    ),
  };
}

// Refused, naming the field, when a text does not compile or names what does not exist.
function check(input: TemplateInput) {
  const fields: Record<string, string[]> = {};
  const body = templateProblems(input.body);
  if (body.length) fields.body = body;
  const subject = input.subject ? templateProblems(input.subject) : [];
  if (subject.length) fields.subject = subject;
  if (Object.keys(fields).length) throw new InvalidInputError("The template has problems.", fields);
}

async function store(ctx: Ctx, row: TemplateRow, action: "template.saved" | "template.reset", now: Date) {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(messageTemplates)
      .where(
        inClinic(
          ctx,
          messageTemplates,
          eq(messageTemplates.eventType, row.eventType),
          eq(messageTemplates.channel, row.channel),
          eq(messageTemplates.language, row.language),
        ),
      );
    const values = {
      subject: row.subject,
      body: row.body,
      whatsappTemplateName: row.whatsappTemplateName,
      whatsappParameters: row.whatsappParameters,
      updatedAt: now,
    };
    await tx
      .insert(messageTemplates)
      .values({ clinicId: ctx.clinicId, eventType: row.eventType, channel: row.channel, language: row.language, ...values })
      .onConflictDoUpdate({
        target: [messageTemplates.clinicId, messageTemplates.eventType, messageTemplates.channel, messageTemplates.language],
        set: values,
      });
    await recordAudit(
      tx,
      ctx,
      {
        action,
        detail: { eventType: row.eventType, channel: row.channel, language: row.language, before: before?.body ?? null, after: row.body },
      },
      now,
    );
  });
  forgetClinicSettings(ctx.clinicId);
}

export async function saveTemplate(ctx: Ctx, input: TemplateInput, now: Date) {
  check(input);
  await store(ctx, { ...input, subject: input.subject || null }, "template.saved", now);
  return { template: input };
}

export async function resetTemplate(ctx: Ctx, key: z.output<typeof templateKeySchema>, now: Date) {
  const row = DEFAULTS.get(keyOf(key));
  if (!row) throw new NotFoundError("Default template");
  await store(ctx, row, "template.reset", now);
  return { template: row };
}

// The text as a real patient of the clinic would get it: the next appointment's patient (in
// the template's language), with sample amounts and walk-in details; the SMS's segments and
// encoding. Refused like a save when the text has problems.
export async function previewTemplate(ctx: Ctx, input: TemplateInput, now: Date) {
  check(input);
  const [next] = await ctx.db
    .select({ appointment: appointments, patient: patients, agenda: agendas, motif: motifs, doctorName: staffUsers.name })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(agendas, eq(agendas.id, appointments.agendaId))
    .innerJoin(motifs, eq(motifs.id, appointments.motifId))
    .leftJoin(staffUsers, eq(staffUsers.id, agendas.doctorId))
    .where(inClinic(ctx, appointments, gte(appointments.startsAt, now), eq(appointments.status, "confirmed")))
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  const [anyone] = next
    ? [next.patient]
    : await ctx.db
        .select()
        .from(patients)
        .where(inClinic(ctx, patients, eq(patients.active, true)))
        .limit(1);
  if (!anyone) throw new NotFoundError("A patient to preview with");
  const variables = templateVariables({
    clinic: ctx.clinic,
    patient: { ...anyone, language: input.language as Language },
    appointment: next ? { ...next.appointment, agenda: next.agenda, motif: next.motif, doctorName: next.doctorName } : null,
    data: { amount: 45, refundAmount: 45, tokenNumber: "A12", queueName: "Walk-in", room: "2", position: 3 },
  });
  const rendered = renderMessage(input, input.channel, variables);
  return {
    preview: rendered,
    sample: { patient: `${anyone.firstName} ${anyone.lastName}`, appointment: next?.appointment.bookingReference ?? null },
  };
}
