// GET /api/agendas — the clinic's open agendas, each with the visit reasons it offers.
import { listAgendas } from "@/lib/appointments/agendas";
import { staffRoute } from "@/lib/api/staff-route";

export const GET = staffRoute({ permission: "view_patients" }, async ({ ctx }) => ({ agendas: await listAgendas(ctx) }));
