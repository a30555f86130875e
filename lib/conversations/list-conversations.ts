import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { conversations, messages, patients } from "@/db/schema";
import { encodeCursor } from "@/lib/api/cursor";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import type { ConversationListQuery } from "./schemas";

type Ctx = Pick<StaffContext, "db" | "clinicId">;

// The inbox: conversations newest first, by keyset (never OFFSET). Archived conversations are
// left out unless asked for by status, but a search always includes them.
export async function listConversations(ctx: Ctx, q: ConversationListQuery) {
  const conditions: (SQL | undefined)[] = [
    q.patient ? eq(conversations.patientId, q.patient) : undefined,
    q.status ? eq(conversations.status, q.status) : q.q ? undefined : sql`${conversations.status} <> 'archived'`,
    q.type ? sql`${q.type}::message_channel = any(${conversations.channels})` : undefined,
    q.direction ? sql`${q.direction}::message_direction = any(${conversations.directions})` : undefined,
    q.starred !== undefined ? eq(conversations.starred, q.starred) : undefined,
    q.q
      ? sql`exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id}
              and ${messages.searchVector} @@ websearch_to_tsquery('simple', ${q.q}))`
      : undefined,
    q.cursor ? sql`(${conversations.lastMessageAt}, ${conversations.id}) < (${q.cursor[0]}::timestamptz, ${q.cursor[1]}::uuid)` : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: conversations.id,
      patientId: conversations.patientId,
      patientName: sql<string | null>`${patients.firstName} || ' ' || ${patients.lastName}`,
      contactAddress: conversations.contactAddress,
      status: conversations.status,
      starred: conversations.starred,
      unreadCount: conversations.unreadCount,
      channels: conversations.channels,
      lastMessageAt: conversations.lastMessageAt,
      lastMessagePreview: conversations.lastMessagePreview,
    })
    .from(conversations)
    .leftJoin(patients, eq(patients.id, conversations.patientId))
    .where(inClinic(ctx, conversations, and(...conditions)))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { conversations: page, nextCursor: rows.length > q.limit && last ? encodeCursor([last.lastMessageAt.toISOString(), last.id]) : null };
}

// Unread counts for the inbox's filter badges, in one query.
export async function unreadCounts(ctx: Ctx) {
  const [row] = await ctx.db
    .select({
      unread: sql<number>`count(*)::int`,
      starred: sql<number>`count(*) filter (where ${conversations.starred})::int`,
      whatsapp: sql<number>`count(*) filter (where 'whatsapp' = any(${conversations.channels}))::int`,
      sms: sql<number>`count(*) filter (where 'sms' = any(${conversations.channels}))::int`,
      email: sql<number>`count(*) filter (where 'email' = any(${conversations.channels}))::int`,
      portal: sql<number>`count(*) filter (where 'portal' = any(${conversations.channels}))::int`,
    })
    .from(conversations)
    // Only the unread rows, through the status index: not a scan of every conversation.
    .where(inClinic(ctx, conversations, eq(conversations.status, "unread")));
  return row;
}
