// GET /api/patients/:id — contact data, household and appointments of one patient.
import { staffRoute } from "@/lib/api/staff-route";
import { getPatient } from "@/lib/patients/get-patient";
import { patientUpdateSchema } from "@/lib/patients/patient-input";
import { updatePatient } from "@/lib/patients/save-patient";
import { patientIdSchema } from "@/lib/patients/schemas";

export const GET = staffRoute({ permission: "view_patients", params: patientIdSchema }, ({ ctx, params }) => getPatient(ctx, params.id));

// PATCH /api/patients/:id — change some fields, or deactivate (`active: false`); audited.
export const PATCH = staffRoute(
  { permission: "manage_patients", params: patientIdSchema, body: patientUpdateSchema },
  ({ ctx, params, body }) => updatePatient(ctx, params.id, body, new Date()),
);
