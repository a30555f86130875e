// GET /api/patients?q=&cursor=&limit= — search the clinic's patients by name, email or phone.
import { staffRoute } from "@/lib/api/staff-route";
import { patientSearchSchema } from "@/lib/patients/schemas";
import { searchPatients } from "@/lib/patients/search-patients";

export const GET = staffRoute({ permission: "view_patients", query: patientSearchSchema }, ({ ctx, query }) =>
  searchPatients(ctx, query),
);
