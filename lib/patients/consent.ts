import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { auditEvents, consentRecords, patients, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import { recordConsent } from "@/lib/notifications/consent/record-consent";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "staff">;

// Where staff heard the patient's choice. (The SMS STOP / START replies, bounces and complaints
// are recorded by the pipeline itself, with their own sources.)
export const CONSENT_SOURCES = ["paper_form", "verbal", "portal"] as const;

export const consentInputSchema = z.strictObject({
  channel: z.enum(["sms", "email", "whatsapp"], "must be sms, email or whatsapp"),
  state: z.enum(["opted_in", "opted_out"], "must be opted_in or opted_out"),
  source: z.enum(CONSENT_SOURCES, "must be paper_form, verbal or portal"),
});
export type ConsentInput = z.output<typeof consentInputSchema>;

async function patientOf(ctx: Ctx, patientId: string) {
  const [patient] = await ctx.db
    .select({ id: patients.id, phone: patients.phone, email: patients.email })
    .from(patients)
    .where(inClinic(ctx, patients, eq(patients.id, patientId)));
  if (!patient) throw new NotFoundError("Patient");
  return patient;
}

// A patient's choice for one channel, on the address on file: appended to the consent records
// the decisions read (the latest per address wins) and audited with who recorded it.
export async function recordPatientConsent(ctx: Ctx, patientId: string, input: ConsentInput, now: Date) {
  const patient = await patientOf(ctx, patientId);
  const address = input.channel === "email" ? patient.email : patient.phone;
  if (!address)
    throw new InvalidInputError("There is nothing on file to record consent for.", {
      channel: [input.channel === "email" ? "the patient has no email address on file" : "the patient has no mobile number on file"],
    });
  return ctx.db.transaction(async (tx) => {
    const record = await recordConsent(tx, {
      clinicId: ctx.clinicId,
      channel: input.channel,
      address,
      state: input.state,
      source: input.source,
      at: now,
    });
    await recordAudit(
      tx,
      ctx,
      {
        action: "consent.recorded",
        patientId,
        detail: { consentId: record.id, channel: input.channel, state: input.state, source: input.source },
      },
      now,
    );
    return { consent: record };
  });
}

// Every consent record of the patient's phone and email, newest first, with the staff member
// who recorded it when it was recorded by hand.
export async function consentHistory(ctx: Ctx, patientId: string) {
  const patient = await patientOf(ctx, patientId);
  const addresses = [patient.phone, patient.email].filter((a): a is string => Boolean(a));
  if (!addresses.length) return { history: [] };
  const rows = await ctx.db
    .select({
      id: consentRecords.id,
      channel: consentRecords.channel,
      address: consentRecords.address,
      state: consentRecords.state,
      source: consentRecords.source,
      reason: consentRecords.reason,
      at: consentRecords.recordedAt,
      by: staffUsers.name,
    })
    .from(consentRecords)
    .leftJoin(
      auditEvents,
      and(
        eq(auditEvents.clinicId, consentRecords.clinicId),
        eq(auditEvents.action, "consent.recorded"),
        sql`${auditEvents.detail}->>'consentId' = ${consentRecords.id}::text`,
      ),
    )
    .leftJoin(staffUsers, eq(staffUsers.id, auditEvents.staffUserId))
    .where(inClinic(ctx, consentRecords, inArray(consentRecords.address, addresses)))
    .orderBy(desc(consentRecords.recordedAt))
    .limit(100);
  // A phone's records are the patient's for SMS and WhatsApp; an email's for email.
  return { history: rows.filter((r) => (r.channel === "email" ? r.address === patient.email : r.address === patient.phone)) };
}
