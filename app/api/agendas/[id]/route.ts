// PATCH /api/agendas/:id — rename, retire or bring back, replace the week ("08:30" times) or the
// visit reasons offered; admins, audited.
import { agendaUpdateSchema } from "@/lib/appointments/agenda-input";
import { updateAgenda } from "@/lib/appointments/manage-agendas";
import { agendaIdSchema } from "@/lib/appointments/schemas";
import { staffRoute } from "@/lib/api/staff-route";

export const PATCH = staffRoute(
  { permission: "manage_settings", params: agendaIdSchema, body: agendaUpdateSchema },
  async ({ ctx, params, body }) => ({
    agenda: await updateAgenda(ctx, params.id, body, new Date()),
  }),
);
