// GET /api/conversations/:id — a page of the timeline (opening is audited).
// PATCH — read / unread, star / unstar, archive / unarchive.
import { staffRoute } from "@/lib/api/staff-route";
import { composerFor } from "@/lib/conversations/composer-for";
import { getThread } from "@/lib/conversations/get-thread";
import { conversationIdSchema, conversationUpdateSchema, threadPageSchema } from "@/lib/conversations/schemas";
import { updateConversation } from "@/lib/conversations/update-conversation";

export const GET = staffRoute({ permission: "send_messages", params: conversationIdSchema, query: threadPageSchema }, async ({ ctx, params, query }) => {
  const thread = await getThread(ctx, params.id, query);
  return { ...thread, composer: await composerFor(ctx, thread.conversation.patientId, new Date()) };
});

export const PATCH = staffRoute({ permission: "send_messages", params: conversationIdSchema, body: conversationUpdateSchema }, async ({ ctx, params, body }) => ({
  conversation: await updateConversation(ctx, params.id, body, new Date()),
}));
