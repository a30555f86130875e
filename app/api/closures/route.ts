// POST /api/closures — close an agenda, or the whole clinic (agendaId null), for local days; admins.
import { closureCreateSchema } from "@/lib/appointments/agenda-input";
import { addClosure } from "@/lib/appointments/manage-agendas";
import { staffRoute } from "@/lib/api/staff-route";

export const POST = staffRoute({ permission: "manage_settings", body: closureCreateSchema }, async ({ ctx, body }) => ({
  closure: await addClosure(ctx, body, new Date()),
}));
