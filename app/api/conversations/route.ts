// GET /api/conversations — the inbox (filters: patient, status, type, direction, starred, q; keyset cursor).
// POST — write to a patient, starting their conversation if the rules allow (403 says why not).
import { NextResponse } from "next/server";
import { staffRoute } from "@/lib/api/staff-route";
import { listConversations, unreadCounts } from "@/lib/conversations/list-conversations";
import { conversationListSchema, startConversationSchema } from "@/lib/conversations/schemas";
import { postMessage } from "@/lib/conversations/send-message";
import { notificationRuntime } from "@/lib/notifications/runtime";

export const GET = staffRoute({ permission: "send_messages", query: conversationListSchema }, async ({ ctx, query }) => ({
  ...(await listConversations(ctx, query)),
  unread: await unreadCounts(ctx),
}));

export const POST = staffRoute({ permission: "send_messages", body: startConversationSchema }, async ({ ctx, body }) => {
  const { message, conversationId, event } = await postMessage(ctx, { patientId: body.patientId }, body.message, new Date());
  if (event?.needsQueue) await notificationRuntime().queue.enqueue(event.id);
  return NextResponse.json({ conversationId, message }, { status: 201 });
});
