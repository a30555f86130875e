import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { consentRecords, patients, type Patient } from "@/db/schema";
import { changedFields, recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { ConflictError, InvalidInputError, NotFoundError, type FieldErrors } from "@/lib/errors/app-errors";
import { databaseRefusal, UNIQUE_VIOLATION } from "@/lib/errors/database-error";
import { findPossibleDuplicates } from "./find-duplicates";
import { formatPhoneNational, toE164Mobile, toE164Phone } from "./phone";
import type { PatientCreate, PatientUpdate } from "./patient-input";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;

const AUDITED = [
  "firstName",
  "lastName",
  "dateOfBirth",
  "language",
  "phone",
  "landline",
  "email",
  "postalAddress",
  "externalId",
  "preferredChannel",
  "notificationsEnabled",
  "active",
] as const satisfies readonly (keyof Patient)[];

export type SavedPatient = Omit<Patient, "searchText">;

// Numbers typed as people type them ("06 12 34 56 78") become E.164 in the clinic's country;
// a birth date cannot be in the future. Every wrong field is named at once.
function recordValues(input: PatientUpdate, country: string, today: string) {
  const errors: FieldErrors = {};
  const values: Partial<typeof patients.$inferInsert> = { ...input };
  if (input.phone) {
    const phone = toE164Mobile(input.phone, country);
    if (phone) values.phone = phone;
    else errors.phone = ["is not a mobile number (a landline goes in the landline field)"];
  }
  if (input.landline) {
    const landline = toE164Phone(input.landline, country);
    if (landline) values.landline = landline;
    else errors.landline = ["is not a phone number"];
  }
  if (input.dateOfBirth && input.dateOfBirth > today) errors.dateOfBirth = ["cannot be in the future"];
  if (Object.keys(errors).length) throw new InvalidInputError("Invalid patient.", errors);
  return values;
}

function refusal(error: unknown): never {
  const refused = databaseRefusal(error);
  if (refused?.code === UNIQUE_VIOLATION && refused.constraint?.includes("external")) {
    const message = "is already another patient's number in this clinic";
    throw new ConflictError("patient_number_taken", `This patient number ${message}.`, { externalId: [message] });
  }
  throw error;
}

const withoutSearchText = ({ searchText: _searchText, ...patient }: Patient): SavedPatient => patient;

export async function createPatient(ctx: Ctx, { duplicateReason, ...input }: PatientCreate, now: Date): Promise<SavedPatient> {
  const values = recordValues(input, ctx.clinic.country, now.toISOString().slice(0, 10));
  return ctx.db
    .transaction(async (tx) => {
      const duplicates = await findPossibleDuplicates({ db: tx, clinicId: ctx.clinicId }, { ...input, phone: values.phone });
      if (duplicates.length && !duplicateReason) {
        throw new ConflictError(
          "possible_duplicate",
          "This patient may already have a record: open it, or say why this is another person.",
          undefined,
          { matches: duplicates.map((d) => ({ ...d, phoneDisplay: d.phone && formatPhoneNational(d.phone, ctx.clinic.country) })) },
        );
      }
      const [row] = await tx
        .insert(patients)
        .values({
          language: ctx.clinic.defaultLanguage,
          ...values,
          firstName: input.firstName,
          lastName: input.lastName,
          clinicId: ctx.clinicId,
        })
        .returning();
      await recordAudit(
        tx,
        ctx,
        {
          action: "patient.created",
          patientId: row.id,
          detail: {
            after: changedFields({} as Patient, row, AUDITED),
            ...(duplicates.length ? { createdDespite: { reason: duplicateReason, records: duplicates.map((d) => d.id) } } : {}),
          },
        },
        now,
      );
      return withoutSearchText(row);
    })
    .catch(refusal);
}

// Consent belongs to an address, not to a person: a new mobile number starts with no
// WhatsApp opt-in and no SMS STOP, and the old number keeps its own. Says when that applies.
async function consentLeftBehind(ctx: Ctx, db: Ctx["db"], before: Patient, after: Patient): Promise<string[]> {
  const left = [before.phone !== after.phone ? before.phone : null, before.email !== after.email ? before.email : null].filter(
    (a): a is string => Boolean(a),
  );
  if (!left.length) return [];
  const rows = await db
    .selectDistinct({ address: consentRecords.address })
    .from(consentRecords)
    .where(and(eq(consentRecords.clinicId, ctx.clinicId), inArray(consentRecords.address, left)));
  return rows.map((r) => r.address);
}

export async function updatePatient(ctx: Ctx, patientId: string, change: PatientUpdate, now: Date) {
  const values = recordValues(change, ctx.clinic.country, now.toISOString().slice(0, 10));
  return ctx.db
    .transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(patients)
        .where(inClinic(ctx, patients, eq(patients.id, patientId)))
        .for("update");
      if (!before) throw new NotFoundError("Patient");
      // A record merged into another stays a trace: the person lives on in the kept record.
      if (before.mergedIntoId) throw new ConflictError("merged", "This record was merged into another one: change that record instead.");
      const [after] = await tx
        .update(patients)
        .set({ ...values, updatedAt: now })
        .where(inClinic(ctx, patients, eq(patients.id, patientId)))
        .returning();
      const changes = changedFields(before, after, AUDITED);
      if (Object.keys(changes).length) {
        const action = change.active === false && before.active ? "patient.deactivated" : "patient.updated";
        await recordAudit(tx, ctx, { action, patientId, detail: changes }, now);
      }
      return { patient: withoutSearchText(after), consentStaysWith: await consentLeftBehind(ctx, tx, before, after) };
    })
    .catch(refusal);
}
