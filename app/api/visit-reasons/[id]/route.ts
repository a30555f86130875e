// PATCH /api/visit-reasons/:id — name, duration, colour, agendas offering it; admins, audited.
import { visitReasonIdSchema, visitReasonUpdateSchema } from "@/lib/appointments/agenda-input";
import { updateVisitReason } from "@/lib/appointments/manage-visit-reasons";
import { staffRoute } from "@/lib/api/staff-route";

export const PATCH = staffRoute(
  { permission: "manage_settings", params: visitReasonIdSchema, body: visitReasonUpdateSchema },
  async ({ ctx, params, body }) => ({
    visitReason: await updateVisitReason(ctx, params.id, body, new Date()),
  }),
);
