// GET /api/agendas/:id/slots?from=YYYY-MM-DD&to=YYYY-MM-DD&visitReasonId= — free slots (clinic time).
import { agendaSlots } from "@/lib/appointments/agenda-slots";
import { agendaIdSchema, slotQuerySchema } from "@/lib/appointments/schemas";
import { staffRoute } from "@/lib/api/staff-route";

export const GET = staffRoute({ permission: "view_patients", params: agendaIdSchema, query: slotQuerySchema }, ({ ctx, params, query }) =>
  agendaSlots(ctx, params.id, query, new Date()),
);
