import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { conversations, messages, patients } from "@/db/schema";
import { encodeCursor } from "@/lib/paging/cursor";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import type { ConversationListQuery } from "./schemas";

type Ctx = Pick<StaffContext, "db" | "clinicId">;

// The inbox: conversations newest first, by keyset (never OFFSET). Archived conversations are
// left out unless asked for by status, but a search always includes them.
export async function listConversations(ctx: Ctx, q: ConversationListQuery) {
  const matching = q.q ? await conversationsMatching(ctx, q.q) : null;
  if (matching?.length === 0) return { conversations: [], nextCursor: null };
  const conditions: (SQL | undefined)[] = [
    q.patient ? eq(conversations.patientId, q.patient) : undefined,
    q.status ? eq(conversations.status, q.status) : q.q ? undefined : sql`${conversations.status} <> 'archived'`,
    q.type ? sql`${q.type}::message_channel = any(${conversations.channels})` : undefined,
    q.direction ? sql`${q.direction}::message_direction = any(${conversations.directions})` : undefined,
    q.starred !== undefined ? eq(conversations.starred, q.starred) : undefined,
    matching ? inArray(conversations.id, matching) : q.q ? commonWordsIn(q.q) : undefined,
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
  return {
    conversations: page,
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.lastMessageAt.toISOString(), last.id]) : null,
  };
}

const tsQuery = (text: string) => sql`websearch_to_tsquery('simple', ${text})`;
// Beyond this many matching messages a search term is "common".
const SELECTIVE_SEARCH = 1_000;

// Full-text search in two shapes, because the best plan depends on how rare the words are.
// Rare words: the full-text index finds the few messages, and their conversations are listed.
// Common words: null, and the list walks conversations newest first, stopping at a page of
// matches (each checked through the thread index), instead of collecting thousands of hits.
async function conversationsMatching(ctx: Ctx, text: string): Promise<string[] | null> {
  // No DISTINCT here: it would make the database read every match before answering; a plain
  // LIMIT stops as soon as the term proves common.
  const hits = await ctx.db
    .select({ id: messages.conversationId })
    .from(messages)
    .where(and(eq(messages.clinicId, ctx.clinicId), sql`${messages.searchVector} @@ ${tsQuery(text)}`))
    .limit(SELECTIVE_SEARCH + 1);
  return hits.length > SELECTIVE_SEARCH ? null : [...new Set(hits.map((h) => h.id))];
}

// The words are common (the probe above found many matches), so a page of conversations is
// found by walking them newest first and checking each one's messages. "offset 0" keeps the
// check a per-conversation subplan: the planner underestimates phrase matches and would
// otherwise gather every matching message first (hundreds of thousands) to join them.
const commonWordsIn = (text: string) =>
  sql`exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messages.searchVector} @@ ${tsQuery(text)} offset 0)`;

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

// The inbox's list request: a page of conversations and the unread badges of the filters.
export async function inboxPage(ctx: Ctx, q: ConversationListQuery) {
  return { ...(await listConversations(ctx, q)), unread: await unreadCounts(ctx) };
}
