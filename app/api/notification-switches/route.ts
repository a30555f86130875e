// GET /api/notification-switches — each agenda's SMS / email / WhatsApp / push switches and
// each visit reason's, with who last changed them. PATCH — one switch on or off (audited).
import { staffRoute } from "@/lib/api/staff-route";
import { changeNotificationSwitch, listNotificationSwitches, switchChangeSchema } from "@/lib/appointments/notification-switches";

export const GET = staffRoute({ permission: "manage_settings" }, ({ ctx }) => listNotificationSwitches(ctx));

export const PATCH = staffRoute({ permission: "manage_settings", body: switchChangeSchema }, ({ ctx, body }) =>
  changeNotificationSwitch(ctx, body, new Date()),
);
