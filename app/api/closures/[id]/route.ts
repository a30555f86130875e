// DELETE /api/closures/:id — reopen the days a closure covered; admins, audited.
import { closureIdSchema } from "@/lib/appointments/agenda-input";
import { removeClosure } from "@/lib/appointments/manage-agendas";
import { staffRoute } from "@/lib/api/staff-route";

export const DELETE = staffRoute({ permission: "manage_settings", params: closureIdSchema }, ({ ctx, params }) =>
  removeClosure(ctx, params.id, new Date()),
);
