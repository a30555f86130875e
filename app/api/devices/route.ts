// POST /api/devices — the patient app registers (or, on reopen, refreshes) its push token.
import { patientRoute } from "@/lib/api/patient-route";
import { deviceRegistrationSchema, registerDevice } from "@/lib/patients/devices";

export const POST = patientRoute({ body: deviceRegistrationSchema }, ({ ctx, body }) => registerDevice(ctx, body, new Date()));
