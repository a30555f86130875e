// GET /api/visit-reasons — the clinic's visit reasons with their durations and colours.
import { visitReasonCreateSchema } from "@/lib/appointments/agenda-input";
import { listVisitReasons } from "@/lib/appointments/agendas";
import { createVisitReason } from "@/lib/appointments/manage-visit-reasons";
import { staffRoute } from "@/lib/api/staff-route";

export const GET = staffRoute({ permission: "view_patients" }, async ({ ctx }) => ({ visitReasons: await listVisitReasons(ctx) }));

// POST /api/visit-reasons — a new visit reason with its duration, colour and agendas; admins.
export const POST = staffRoute({ permission: "manage_settings", body: visitReasonCreateSchema }, async ({ ctx, body }) => ({
  visitReason: await createVisitReason(ctx, body, new Date()),
}));
