// GET /api/conversations/events — the inbox's live feed (server-sent events): one "change"
// event per conversation that changed in the staff member's clinic.
import { liveStream } from "@/lib/api/live-stream";
import { staffRoute } from "@/lib/api/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "send_messages" }, ({ ctx, request }) =>
  liveStream(request, ctx.clinicId, (change) =>
    "conversationId" in change ? { event: "change", data: { conversationId: change.conversationId } } : null,
  ),
);
