// GET /api/alert-routes — who receives each staff alert type (the clinic's rule or the default).
// PUT — one type's routing: roles, the doctor the alert names, named staff. Admins, audited.
import { alertRouteSchema } from "@/lib/notifications/staff-alerts/alert-routing-input";
import { listAlertRoutes, saveAlertRoute } from "@/lib/notifications/staff-alerts/alert-routing";
import { staffRoute } from "@/lib/api/staff-route";

export const GET = staffRoute({ permission: "manage_settings" }, ({ ctx }) => listAlertRoutes(ctx));

export const PUT = staffRoute({ permission: "manage_settings", body: alertRouteSchema }, ({ ctx, body }) =>
  saveAlertRoute(ctx, body, new Date()),
);
