// POST /api/conversations/:id/messages — reply in a conversation; sent through the notification pipeline.
import { NextResponse } from "next/server";
import { staffRoute } from "@/lib/api/staff-route";
import { conversationIdSchema, sendMessageSchema } from "@/lib/conversations/schemas";
import { sendMessage } from "@/lib/conversations/send-message";

export const POST = staffRoute(
  { permission: "send_messages", params: conversationIdSchema, body: sendMessageSchema },
  async ({ ctx, params, body }) =>
    NextResponse.json(await sendMessage(ctx, { conversationId: params.id }, body, new Date()), { status: 201 }),
);
