// POST /api/conversations/:id/attach — triage: attach an unknown sender's conversation to a
// patient ({ patientId }); answers the conversation the messages now live in.
import { staffRoute } from "@/lib/api/staff-route";
import { attachToPatient } from "@/lib/conversations/attach-to-patient";
import { attachConversationSchema, conversationIdSchema } from "@/lib/conversations/schemas";

export const POST = staffRoute(
  { permission: "send_messages", params: conversationIdSchema, body: attachConversationSchema },
  async ({ ctx, params, body }) => attachToPatient(ctx, params.id, body.patientId),
);
