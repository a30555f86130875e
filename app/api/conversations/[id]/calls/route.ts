// POST /api/conversations/:id/calls — log a phone call in the timeline.
import { NextResponse } from "next/server";
import { staffRoute } from "@/lib/api/staff-route";
import { logCall } from "@/lib/conversations/log-call";
import { callLogSchema, conversationIdSchema } from "@/lib/conversations/schemas";

export const POST = staffRoute(
  { permission: "send_messages", params: conversationIdSchema, body: callLogSchema },
  async ({ ctx, params, body }) => NextResponse.json({ message: await logCall(ctx, params.id, body, new Date()) }, { status: 201 }),
);
