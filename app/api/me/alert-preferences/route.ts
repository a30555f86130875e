// GET /api/me/alert-preferences — one's own channels per alert type. PUT — change some of them.
import { alertPreferencesSchema } from "@/lib/notifications/staff-alerts/alert-routing-input";
import { listMyAlertPreferences, saveMyAlertPreferences } from "@/lib/notifications/staff-alerts/alert-routing";
import { staffRoute } from "@/lib/api/staff-route";

export const GET = staffRoute({}, ({ ctx }) => listMyAlertPreferences(ctx));

export const PUT = staffRoute({ body: alertPreferencesSchema }, ({ ctx, body }) => saveMyAlertPreferences(ctx, body, new Date()));
