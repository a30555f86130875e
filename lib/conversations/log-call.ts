import "server-only";
import { eq, sql } from "drizzle-orm";
import { conversations, messages } from "@/db/schema";
import { InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { announceConversationChange } from "@/lib/realtime/hub-changes";
import type { CallLog } from "./schemas";

// A phone call is logged, never recorded: when, how long, which way, and what was said.
export async function logCall(ctx: Pick<StaffContext, "db" | "clinicId" | "staff">, conversationId: string, call: CallLog, now: Date) {
  const at = new Date(call.at);
  if (at.getTime() > now.getTime() + 60_000)
    throw new InvalidInputError("A call cannot be logged in the future.", { at: ["is in the future"] });
  const [conversation] = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(inClinic(ctx, conversations, eq(conversations.id, conversationId)));
  if (!conversation) throw new NotFoundError("Conversation");
  return ctx.db.transaction(async (tx) => {
    const [message] = await tx
      .insert(messages)
      .values({
        clinicId: ctx.clinicId,
        conversationId,
        direction: call.direction,
        channel: "call",
        authorStaffId: ctx.staff.id,
        body: call.summary,
        callAt: at,
        callDurationSeconds: call.durationMinutes * 60,
        createdAt: at,
      })
      .returning();
    await tx
      .update(conversations)
      .set({
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${at.toISOString()}::timestamptz)`,
        lastMessagePreview: call.summary.slice(0, 200),
        channels: sql`(select array_agg(distinct c) from unnest(${conversations.channels} || 'call'::message_channel) c)`,
        directions: sql`(select array_agg(distinct d) from unnest(${conversations.directions} || ${call.direction}::message_direction) d)`,
      })
      .where(eq(conversations.id, conversationId));
    await announceConversationChange(tx, { clinicId: ctx.clinicId, conversationId });
    return message;
  });
}
