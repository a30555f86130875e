// POST /api/conversations/:id/messages — reply in a conversation; sent through the notification pipeline.
import { NextResponse } from "next/server";
import { staffRoute } from "@/lib/api/staff-route";
import { conversationIdSchema, sendMessageSchema } from "@/lib/conversations/schemas";
import { postMessage } from "@/lib/conversations/send-message";
import { notificationRuntime } from "@/lib/notifications/runtime";

export const POST = staffRoute({ permission: "send_messages", params: conversationIdSchema, body: sendMessageSchema }, async ({ ctx, params, body }) => {
  const { message, conversationId, event } = await postMessage(ctx, { conversationId: params.id }, body, new Date());
  if (event?.needsQueue) await notificationRuntime().queue.enqueue(event.id);
  return NextResponse.json({ conversationId, message }, { status: 201 });
});
