// GET /api/patient/appointments — the appointments still to come of the profiles the account manages.
import { patientRoute } from "@/lib/api/patient-route";
import { upcomingAppointments } from "@/lib/patients/patient-appointments";

export const GET = patientRoute({}, ({ ctx }) => upcomingAppointments(ctx, new Date()));
