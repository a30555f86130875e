// POST /api/me/alerts/read-all — mark every one of one's own alerts read.
import { markAllAlertsRead } from "@/lib/notifications/staff-alerts/my-alerts";
import { staffRoute } from "@/lib/api/staff-route";

export const POST = staffRoute({}, ({ ctx }) => markAllAlertsRead(ctx, new Date()));
