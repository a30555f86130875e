// POST /api/patient/appointments/:id/cancel — the patient cancels one of their appointments.
import { patientRoute } from "@/lib/api/patient-route";
import { cancelOwnAppointment, patientAppointmentParamSchema, patientCancellationSchema } from "@/lib/patients/patient-appointments";

export const POST = patientRoute({ params: patientAppointmentParamSchema, body: patientCancellationSchema }, ({ ctx, params, body }) =>
  cancelOwnAppointment(ctx, params.id, body, new Date()),
);
