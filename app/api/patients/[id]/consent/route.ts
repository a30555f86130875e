// GET /api/patients/:id/consent — the consent history of the patient's phone and email.
// POST — record an opt-in or opt-out for a channel, with where staff heard it (audited).
import { staffRoute } from "@/lib/api/staff-route";
import { consentHistory, consentInputSchema, recordPatientConsent } from "@/lib/patients/consent";
import { patientIdSchema } from "@/lib/patients/schemas";

export const GET = staffRoute({ permission: "view_patients", params: patientIdSchema }, ({ ctx, params }) =>
  consentHistory(ctx, params.id),
);

export const POST = staffRoute(
  { permission: "manage_patients", params: patientIdSchema, body: consentInputSchema },
  ({ ctx, params, body }) => recordPatientConsent(ctx, params.id, body, new Date()),
);
