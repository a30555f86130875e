import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { attachments, auditEvents, deliveries, messages, staffUsers } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { clinicLocalDate, clinicLocalDateTime } from "@/lib/time/clinic-time";
import { loadConversation } from "./load-conversation";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;

// A whole conversation as a plain-text transcript, oldest first, in the clinic's time zone:
// what a clinic hands over when a patient or an authority asks for the record. Every
// export is audited (who, when, which patient, how many messages).
export async function exportConversation(ctx: Ctx, conversationId: string, now: Date) {
  const head = await loadConversation(ctx, conversationId);

  const rows = await ctx.db
    .select({ message: messages, author: staffUsers.name, status: deliveries.status, error: deliveries.providerError })
    .from(messages)
    .leftJoin(staffUsers, eq(staffUsers.id, messages.authorStaffId))
    .leftJoin(deliveries, eq(deliveries.id, messages.deliveryId))
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files = rows.length
    ? await ctx.db
        .select({ messageId: attachments.messageId, fileName: attachments.fileName })
        .from(attachments)
        .where(
          inArray(
            attachments.messageId,
            rows.map((r) => r.message.id),
          ),
        )
    : [];

  const when = (d: Date) => clinicLocalDateTime(d, ctx.clinic.timeZone).replace("T", " ");
  const who = head.patientName ?? `unknown sender ${head.conversation.contactAddress ?? ""}`.trim();
  const lines = [
    `Conversation with ${who}`,
    `Clinic: ${ctx.clinic.name} (times in ${ctx.clinic.timeZone})`,
    ...(head.phone || head.email ? [`Contact: ${[head.phone, head.email].filter(Boolean).join(", ")}`] : []),
    `Exported by ${ctx.staff.name} on ${when(now)}`,
    `${rows.length} message${rows.length === 1 ? "" : "s"}`,
    "",
  ];
  for (const { message: m, author, status, error } of rows) {
    const channel = m.channel === "call" ? `call (${Math.round((m.callDurationSeconds ?? 0) / 60)} min)` : m.channel;
    const from = m.direction === "inbound" ? (m.channel === "call" ? `call from ${who}` : who) : (author ?? "clinic");
    const tick = m.direction === "outbound" && status ? ` [${status}${error ? `: ${error}` : ""}]` : "";
    lines.push(`— ${when(m.createdAt)} · ${channel} · ${m.direction} · ${from}${tick}`);
    if (m.subject) lines.push(`Subject: ${m.subject}`);
    lines.push(...m.body.split("\n"));
    const names = files.filter((f) => f.messageId === m.id).map((f) => f.fileName);
    if (names.length) lines.push(`Attachments: ${names.join(", ")}`);
    lines.push("");
  }

  await ctx.db.insert(auditEvents).values({
    clinicId: ctx.clinicId,
    staffUserId: ctx.staff.id,
    action: "conversation.exported",
    patientId: head.conversation.patientId,
    conversationId,
    detail: { messages: rows.length, format: "text" },
    at: now,
  });
  const slug =
    who
      .normalize("NFD")
      .replace(/[^\w]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "conversation";
  return { fileName: `conversation-${slug}-${clinicLocalDate(now, ctx.clinic.timeZone)}.txt`, text: `${lines.join("\n")}\n` };
}
