import "server-only";
import { formatPhoneNational } from "@/lib/patients/phone";
import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { attachments, auditEvents, deliveries, messages, staffUsers } from "@/db/schema";
import { encodeCursor } from "@/lib/paging/cursor";
import type { StaffContext } from "@/lib/auth/staff-context";
import { composerFor } from "./composer-for";
import { loadConversation } from "./load-conversation";
import type { threadPageSchema } from "./schemas";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;

// One conversation and a page of its timeline (messages and call logs, newest first), with
// each outbound message's delivery status for the ticks. Opening it is recorded for audit.
export async function getThread(ctx: Ctx, conversationId: string, page: z.output<typeof threadPageSchema>) {
  const conversation = await loadConversation(ctx, conversationId);

  const rows = await ctx.db
    .select({
      id: messages.id,
      direction: messages.direction,
      channel: messages.channel,
      subject: messages.subject,
      body: messages.body,
      callAt: messages.callAt,
      callDurationSeconds: messages.callDurationSeconds,
      createdAt: messages.createdAt,
      authorName: staffUsers.name,
      deliveryStatus: deliveries.status,
      deliveryError: deliveries.providerError,
      metadata: messages.metadata,
    })
    .from(messages)
    .leftJoin(staffUsers, eq(staffUsers.id, messages.authorStaffId))
    .leftJoin(deliveries, eq(deliveries.id, messages.deliveryId))
    .where(
      and(
        eq(messages.conversationId, conversationId),
        page.cursor ? sql`(${messages.createdAt}, ${messages.id}) < (${page.cursor[0]}::timestamptz, ${page.cursor[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(page.limit + 1);

  if (!page.cursor) await recordOpened(ctx, conversationId, conversation.conversation.patientId);
  const items = rows.slice(0, page.limit);
  const files = items.length
    ? await ctx.db
        .select({
          id: attachments.id,
          messageId: attachments.messageId,
          fileName: attachments.fileName,
          contentType: attachments.contentType,
          sizeBytes: attachments.sizeBytes,
        })
        .from(attachments)
        .where(
          and(
            eq(attachments.clinicId, ctx.clinicId),
            inArray(
              attachments.messageId,
              items.map((m) => m.id),
            ),
          ),
        )
        .orderBy(attachments.createdAt)
    : [];
  const last = items.at(-1);
  return {
    conversation: {
      ...conversation.conversation,
      patientName: conversation.patientName,
      phone: conversation.phone,
      phoneDisplay: conversation.phone && formatPhoneNational(conversation.phone, ctx.clinic.country),
      email: conversation.email,
    },
    messages: items.map(({ metadata, ...m }) => ({
      ...m,
      attachments: files.filter((f) => f.messageId === m.id).map(({ messageId: _, ...f }) => f),
      // Files that came with a patient's email but failed the checks: named, not kept.
      refusedAttachments: metadata?.refusedAttachments ?? [],
      senderCheck: metadata?.senderCheck ?? null,
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}

// The live inbox refetches an open thread whenever it changes; the audit trail wants the
// person opening it, so one staff member's views of a conversation within a quarter of an
// hour count as one.
const AUDIT_REOPEN_MS = 15 * 60_000;

async function recordOpened(ctx: Ctx, conversationId: string, patientId: string | null) {
  const [recent] = await ctx.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.clinicId, ctx.clinicId),
        eq(auditEvents.staffUserId, ctx.staff.id),
        eq(auditEvents.conversationId, conversationId),
        eq(auditEvents.action, "conversation.opened"),
        gt(auditEvents.at, new Date(Date.now() - AUDIT_REOPEN_MS)),
      ),
    )
    .limit(1);
  if (recent) return;
  await ctx.db
    .insert(auditEvents)
    .values({ clinicId: ctx.clinicId, staffUserId: ctx.staff.id, action: "conversation.opened", patientId, conversationId });
}

// Opening a conversation in the inbox: a page of its timeline and what the composer offers now.
export async function openThread(
  ctx: Ctx & Pick<StaffContext, "clinic">,
  conversationId: string,
  page: z.output<typeof threadPageSchema>,
  now: Date,
) {
  const thread = await getThread(ctx, conversationId, page);
  return { ...thread, composer: await composerFor(ctx, thread.conversation.patientId, now) };
}
