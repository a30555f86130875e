// GET /api/event-channels — the channels each of the 13 patient events goes out on.
// PUT — one event's channels (admins, audited).
import { staffRoute } from "@/lib/api/staff-route";
import { eventChannelsSchema, listEventChannels, saveEventChannels } from "@/lib/notifications/setup/event-channels";

export const GET = staffRoute({ permission: "manage_settings" }, ({ ctx }) => listEventChannels(ctx));

export const PUT = staffRoute({ permission: "manage_settings", body: eventChannelsSchema }, ({ ctx, body }) =>
  saveEventChannels(ctx, body, new Date()),
);
