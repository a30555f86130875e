// GET /api/conversations/:id — a page of the timeline (opening is audited).
// PATCH — read / unread, star / unstar, archive / unarchive.
import { staffRoute } from "@/lib/api/staff-route";
import { openThread } from "@/lib/conversations/get-thread";
import { conversationIdSchema, conversationUpdateSchema, threadPageSchema } from "@/lib/conversations/schemas";
import { updateConversation } from "@/lib/conversations/update-conversation";

export const GET = staffRoute(
  { permission: "send_messages", params: conversationIdSchema, query: threadPageSchema },
  ({ ctx, params, query }) => openThread(ctx, params.id, query, new Date()),
);

export const PATCH = staffRoute(
  { permission: "send_messages", params: conversationIdSchema, body: conversationUpdateSchema },
  async ({ ctx, params, body }) => ({
    conversation: await updateConversation(ctx, params.id, body, new Date()),
  }),
);
