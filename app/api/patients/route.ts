// GET /api/patients?q=&cursor=&limit= — search the clinic's patients by name, email or phone.
import { staffRoute } from "@/lib/api/staff-route";
import { patientCreateSchema } from "@/lib/patients/patient-input";
import { createPatient } from "@/lib/patients/save-patient";
import { patientSearchSchema } from "@/lib/patients/schemas";
import { searchPatients } from "@/lib/patients/search-patients";

export const GET = staffRoute({ permission: "view_patients", query: patientSearchSchema }, ({ ctx, query }) => searchPatients(ctx, query));

// POST /api/patients — a new patient (reception and admins). Phones are read in the clinic's country.
export const POST = staffRoute({ permission: "manage_patients", body: patientCreateSchema }, async ({ ctx, body }) => ({
  patient: await createPatient(ctx, body, new Date()),
}));
