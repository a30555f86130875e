// GET /api/channels — the clinic's messaging channels: on or off, their settings (secrets by
// their last four characters only). Admins.
import { staffRoute } from "@/lib/api/staff-route";
import { channelWorkspace } from "@/lib/notifications/setup/channel-workspace";

export const GET = staffRoute({ permission: "manage_settings" }, ({ ctx }) => channelWorkspace(ctx));
