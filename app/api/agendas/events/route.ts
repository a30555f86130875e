// GET /api/agendas/events — the agenda's live feed (server-sent events): one "change" event per
// agenda whose day changed in the staff member's clinic (a booking, a move, a cancellation, the
// desk's arrived / with the doctor / seen), so the doctor's screen follows the desk's clicks.
import { liveStream } from "@/lib/api/live-stream";
import { staffRoute } from "@/lib/api/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "view_patients" }, ({ ctx, request }) =>
  liveStream(request, ctx.clinicId, (change) => ("agendaId" in change ? { event: "change", data: { agendaId: change.agendaId } } : null)),
);
