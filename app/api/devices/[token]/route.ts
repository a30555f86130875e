// DELETE /api/devices/:token — the patient app stops push on this device (kept for the log).
import { patientRoute } from "@/lib/api/patient-route";
import { deviceTokenParamSchema, unregisterDevice } from "@/lib/patients/devices";

export const DELETE = patientRoute({ params: deviceTokenParamSchema }, ({ ctx, params }) =>
  unregisterDevice(ctx, params.token, new Date()),
);
