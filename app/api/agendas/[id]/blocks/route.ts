// POST /api/agendas/:id/blocks — block time on an agenda's day (a meeting, a home visit), in
// clinic wall-clock time: no slot is offered then. 409 when appointments are booked in it.
import { blockTime } from "@/lib/appointments/blocked-periods";
import { agendaIdSchema, blockedPeriodSchema } from "@/lib/appointments/schemas";
import { staffRoute } from "@/lib/api/staff-route";

export const POST = staffRoute(
  { permission: "manage_appointments", params: agendaIdSchema, body: blockedPeriodSchema },
  ({ ctx, params, body }) => blockTime(ctx, params.id, body, new Date()),
);
