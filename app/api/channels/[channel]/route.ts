// PUT /api/channels/:channel — turn a channel on or off and save its settings (validated,
// secrets encrypted at rest, audited).
import { staffRoute } from "@/lib/api/staff-route";
import { channelParamSchema, channelSaveSchema, saveChannel } from "@/lib/notifications/setup/channel-workspace";

export const PUT = staffRoute(
  { permission: "manage_settings", params: channelParamSchema, body: channelSaveSchema },
  ({ ctx, params, body }) => saveChannel(ctx, params.channel, body, new Date()),
);
