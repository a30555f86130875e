// GET /api/me/alerts/events — the bell's live feed (server-sent events): "alert" when the
// signed-in staff member has a new one. The same feed as the inbox's, filtered to its owner.
import { liveStream } from "@/lib/api/live-stream";
import { staffRoute } from "@/lib/api/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, ({ ctx, request }) =>
  liveStream(request, ctx.clinicId, (change) =>
    "alertFor" in change && change.alertFor === ctx.staff.id ? { event: "alert", data: {} } : null,
  ),
);
