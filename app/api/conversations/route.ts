// GET /api/conversations — the inbox (filters: patient, status, type, direction, starred, q; keyset cursor).
// POST — write to a patient, starting their conversation if the rules allow (403 says why not).
import { NextResponse } from "next/server";
import { staffRoute } from "@/lib/api/staff-route";
import { inboxPage } from "@/lib/conversations/list-conversations";
import { conversationListSchema, startConversationSchema } from "@/lib/conversations/schemas";
import { sendMessage } from "@/lib/conversations/send-message";

export const GET = staffRoute({ permission: "send_messages", query: conversationListSchema }, ({ ctx, query }) => inboxPage(ctx, query));

export const POST = staffRoute({ permission: "send_messages", body: startConversationSchema }, async ({ ctx, body }) =>
  NextResponse.json(await sendMessage(ctx, { patientId: body.patientId }, body.message, new Date()), { status: 201 }),
);
