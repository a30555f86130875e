// POST /api/channels/:channel/test — send one test message and answer with the provider's own reply.
import { staffRoute } from "@/lib/api/staff-route";
import { channelParamSchema, channelTestSchema, testChannel } from "@/lib/notifications/setup/channel-workspace";

export const POST = staffRoute(
  { permission: "manage_settings", params: channelParamSchema, body: channelTestSchema },
  ({ ctx, params, body }) => testChannel(ctx, params.channel, body.to, new Date()),
);
