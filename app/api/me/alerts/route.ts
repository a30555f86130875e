// GET /api/me/alerts?unread=&cursor=&limit= — the signed-in staff member's alerts, newest first, and the unread count.
import { alertListSchema } from "@/lib/notifications/staff-alerts/alert-input";
import { listMyAlerts } from "@/lib/notifications/staff-alerts/my-alerts";
import { staffRoute } from "@/lib/api/staff-route";

export const GET = staffRoute({ query: alertListSchema }, ({ ctx, query }) => listMyAlerts(ctx, query));
