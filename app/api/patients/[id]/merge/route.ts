// POST /api/patients/:id/merge — merge a duplicate record into this one (one transaction,
// audited): its appointments, conversation, household links and deliveries move here.
import { z } from "zod";
import { staffRoute } from "@/lib/api/staff-route";
import { mergePatients } from "@/lib/patients/merge-patients";
import { patientIdSchema } from "@/lib/patients/schemas";

const mergeSchema = z.strictObject({ duplicateId: z.uuid("must be a patient id") });

export const POST = staffRoute(
  { permission: "manage_patients", params: patientIdSchema, body: mergeSchema },
  async ({ ctx, params, body }) => ({
    merged: await mergePatients(ctx, params.id, body.duplicateId, new Date()),
  }),
);
