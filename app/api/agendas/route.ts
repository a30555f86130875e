// GET /api/agendas — the clinic's open agendas, each with the visit reasons it offers.
import { agendaCreateSchema } from "@/lib/appointments/agenda-input";
import { listAgendas } from "@/lib/appointments/agendas";
import { createAgenda } from "@/lib/appointments/manage-agendas";
import { staffRoute } from "@/lib/api/staff-route";

export const GET = staffRoute({ permission: "view_patients" }, async ({ ctx }) => ({ agendas: await listAgendas(ctx) }));

// POST /api/agendas — a new agenda (a doctor's or a room's); admins.
export const POST = staffRoute({ permission: "manage_settings", body: agendaCreateSchema }, async ({ ctx, body }) => ({
  agenda: await createAgenda(ctx, body, new Date()),
}));
