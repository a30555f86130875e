// DELETE /api/agendas/:id/blocks/:blockId — give blocked time back to the agenda.
import { unblockTime } from "@/lib/appointments/blocked-periods";
import { blockedPeriodIdSchema } from "@/lib/appointments/schemas";
import { staffRoute } from "@/lib/api/staff-route";

export const DELETE = staffRoute({ permission: "manage_appointments", params: blockedPeriodIdSchema }, ({ ctx, params }) =>
  unblockTime(ctx, params.id, params.blockId, new Date()),
);
