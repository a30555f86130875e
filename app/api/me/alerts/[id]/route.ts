// PATCH /api/me/alerts/:id — mark one of one's own alerts read, or unread again.
import { alertIdSchema, alertUpdateSchema } from "@/lib/notifications/staff-alerts/alert-input";
import { markAlert } from "@/lib/notifications/staff-alerts/my-alerts";
import { staffRoute } from "@/lib/api/staff-route";

export const PATCH = staffRoute({ params: alertIdSchema, body: alertUpdateSchema }, ({ ctx, params, body }) =>
  markAlert(ctx, params.id, body.read, new Date()),
);
