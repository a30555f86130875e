import "server-only";
import { eq, sql } from "drizzle-orm";
import { conversations } from "@/db/schema";
import { NotFoundError } from "@/lib/errors/app-errors";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { announceConversationChange } from "@/lib/realtime/hub-changes";
import type { ConversationUpdate } from "./schemas";

// Read, star, archive and their reverses. Unarchiving brings a conversation back as read.
export async function updateConversation(ctx: Pick<StaffContext, "db" | "clinicId">, id: string, change: ConversationUpdate, now: Date) {
  const set: Partial<typeof conversations.$inferInsert> & Record<string, unknown> = {};
  if (change.starred !== undefined) set.starred = change.starred;
  if (change.read === true)
    Object.assign(set, {
      status: sql`case when ${conversations.status} = 'unread' then 'read'::conversation_status else ${conversations.status} end`,
      unreadCount: 0,
    });
  if (change.read === false) set.status = "unread";
  if (change.archived === true) Object.assign(set, { status: "archived", archivedAt: now, unreadCount: 0 });
  if (change.archived === false) Object.assign(set, { status: "read", archivedAt: null });
  const [updated] = await ctx.db
    .update(conversations)
    .set(set)
    .where(inClinic(ctx, conversations, eq(conversations.id, id)))
    .returning();
  if (!updated) throw new NotFoundError("Conversation");
  await announceConversationChange(ctx.db, { clinicId: ctx.clinicId, conversationId: id });
  return updated;
}
