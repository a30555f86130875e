// GET /api/visit-reasons — the clinic's visit reasons with their durations and colours.
import { listVisitReasons } from "@/lib/appointments/agendas";
import { staffRoute } from "@/lib/api/staff-route";

export const GET = staffRoute({ permission: "view_patients" }, async ({ ctx }) => ({ visitReasons: await listVisitReasons(ctx) }));
