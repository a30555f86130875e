// GET /api/patients/:id — contact data, household and appointments of one patient.
import { staffRoute } from "@/lib/api/staff-route";
import { getPatient } from "@/lib/patients/get-patient";
import { patientIdSchema } from "@/lib/patients/schemas";

export const GET = staffRoute({ permission: "view_patients", params: patientIdSchema }, ({ ctx, params }) =>
  getPatient(ctx, params.id),
);
