import { z } from "zod";
import { languageEnum } from "@/db/schema";
import { localDateSchema } from "@/lib/time/clinic-time";

// What staff may write on a patient record. Phone numbers are read in the clinic's country
// by the service (lib/patients/save-patient.ts), which knows it; here they are only text.

// Empty text clears a field: "" and null both mean "none".
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => v || null)
    .nullable()
    .optional();

const name = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

export const PREFERRED_CHANNELS = ["whatsapp", "sms", "email", "push"] as const;

const patientFields = {
  firstName: name,
  lastName: name,
  dateOfBirth: localDateSchema.nullable().optional(),
  language: z.enum(languageEnum.enumValues, "must be en or fr").optional(),
  phone: optionalText(40),
  landline: optionalText(40),
  email: z
    .union([
      z.literal("").transform(() => null),
      z
        .email("must be an email address")
        .max(254)
        .transform((v) => v.toLowerCase()),
    ])
    .nullable()
    .optional(),
  postalAddress: optionalText(500),
  externalId: optionalText(64),
  preferredChannel: z
    .enum(PREFERRED_CHANNELS, `must be one of ${PREFERRED_CHANNELS.join(", ")}`)
    .nullable()
    .optional(),
  notificationsEnabled: z.boolean().optional(),
};

// duplicateReason: why this is another person, when the clinic already has a record with the
// same name and birth date or the same mobile (a child sharing a parent's phone); without it
// such a record is refused with the matches, so reception can open the existing one instead.
export const patientCreateSchema = z.strictObject({
  ...patientFields,
  duplicateReason: z.string().trim().min(1, "is required").max(300, "must be at most 300 characters").optional(),
});

// A change names only what changes; `active: false` deactivates (kept, never messaged).
export const patientUpdateSchema = z
  .strictObject({ ...patientFields, firstName: name.optional(), lastName: name.optional(), active: z.boolean().optional() })
  .refine((change) => Object.keys(change).length > 0, { message: "Name at least one field to change." });

export type PatientCreate = z.output<typeof patientCreateSchema>;
export type PatientUpdate = z.output<typeof patientUpdateSchema>;
