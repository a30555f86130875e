import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { attachments, conversations, messages, patients, type Conversation } from "@/db/schema";
import { AppError, ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import { WHATSAPP_CAPTION_MAX } from "@/lib/attachments/rules";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { loadPatientFacts } from "@/lib/notifications/decisions/load-patient-facts";
import { hubMessageEvent } from "@/lib/notifications/event-catalog";
import { enqueueStored, storeEvent } from "@/lib/notifications/events/ingest-event";
import type { Queueing } from "@/lib/notifications/queue/event-queue";
import { announceConversationChange } from "@/lib/realtime/hub-changes";
import { composerChannels, mayReply, mayStartConversation, type Refusal } from "./rules";
import type { SendMessage } from "./schemas";
import { renderHubTemplate } from "./whatsapp-templates";

const REFUSALS: Record<Refusal["reason"], string> = {
  no_send_messages: 'Messaging patients needs the "send_messages" permission.',
  doctor_conversation_exists: "This patient already has a conversation: continue it instead of starting a new one.",
  role_cannot_start: "Only reception, doctors (for a first message) and admins start conversations with patients.",
};

type Target = { conversationId: string } | { patientId: string };

async function resolve(ctx: StaffContext, target: Target): Promise<{ conversation: Conversation | null; patientId: string }> {
  if ("conversationId" in target) {
    const [conversation] = await ctx.db
      .select()
      .from(conversations)
      .where(inClinic(ctx, conversations, eq(conversations.id, target.conversationId)));
    if (!conversation) throw new NotFoundError("Conversation");
    if (!conversation.patientId) throw new ConflictError("unknown_sender", "Attach this conversation to a patient before replying.");
    const verdict = mayReply({ permissions: ctx.permissions });
    if (!verdict.ok) throw new AppError(403, verdict.reason, REFUSALS[verdict.reason]);
    return { conversation, patientId: conversation.patientId };
  }
  const [conversation] = await ctx.db
    .select()
    .from(conversations)
    .where(inClinic(ctx, conversations, eq(conversations.patientId, target.patientId)));
  const verdict = mayStartConversation({ role: ctx.staff.role, permissions: ctx.permissions }, Boolean(conversation));
  if (!verdict.ok) throw new AppError(403, verdict.reason, REFUSALS[verdict.reason]);
  return { conversation: conversation ?? null, patientId: target.patientId };
}

// A staff member writes to a patient: in an existing conversation, or starting one (the
// conversation rules decide who may). The message is saved with its pipeline event in one
// transaction; portal messages never leave the platform, so they have no event.
export async function postMessage(ctx: StaffContext, target: Target, input: SendMessage, now: Date) {
  const { conversation, patientId } = await resolve(ctx, target);
  const [patient] = await ctx.db
    .select()
    .from(patients)
    .where(inClinic(ctx, patients, eq(patients.id, patientId)));
  if (!patient) throw new NotFoundError("Patient");
  const facts = (await loadPatientFacts(ctx.db, [patient])).get(patient.id)!;
  const offered = composerChannels(patient, facts.consent, facts.whatsappLastInboundAt, now).find((c) => c.channel === input.channel)!;
  if (!offered.available) throw new ConflictError("channel_unavailable", `Cannot send by ${input.channel}: ${offered.reason}.`);
  const template = input.template ? renderHubTemplate(input.template, patient.language, patient.firstName, ctx.clinic.name) : null;
  if (offered.whatsapp?.mode === "template" && !template) {
    throw new ConflictError("whatsapp_window_closed", "Outside the 24-hour window WhatsApp only allows an approved template: pick one.");
  }
  // The composer's offer for this channel right now is the limit; a template carries none.
  checkAttachmentsFit(input, template ? 0 : offered.attachments);
  // A template's text is what the patient reads; the timeline shows the same.
  const body = template ? template.text : input.body;
  const metadata = template
    ? { whatsappTemplate: { name: template.name, language: template.language, parameters: template.parameters } }
    : undefined;

  return ctx.db.transaction(async (tx: Database) => {
    const conversationId = conversation?.id ?? (await startConversation(tx, ctx, patient.id));
    const [message] = await tx
      .insert(messages)
      .values({
        clinicId: ctx.clinicId,
        conversationId,
        direction: "outbound",
        channel: input.channel,
        authorStaffId: ctx.staff.id,
        subject: input.subject,
        body,
        metadata,
        createdAt: now,
      })
      .returning();
    await claimAttachments(tx, ctx, message.id, input.attachmentIds ?? []);
    await tx
      .update(conversations)
      .set({
        status: "replied",
        unreadCount: 0,
        archivedAt: null,
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${now.toISOString()}::timestamptz)`,
        lastMessagePreview: body.slice(0, 200),
        channels: sql`(select array_agg(distinct c) from unnest(${conversations.channels} || ${input.channel}::message_channel) c)`,
        directions: sql`(select array_agg(distinct d) from unnest(${conversations.directions} || 'outbound'::message_direction) d)`,
      })
      .where(eq(conversations.id, conversationId));
    await announceConversationChange(tx, { clinicId: ctx.clinicId, conversationId });
    const event = input.channel === "portal" ? null : await storeEvent(tx, ctx.clinicId, hubMessageEvent(message.id), "app");
    return { message, conversationId, event };
  });
}

// The route's call: the message saved with its event, then the event queued once committed.
export async function sendMessage(ctx: StaffContext & Queueing, target: Target, input: SendMessage, now: Date) {
  const { message, conversationId, event } = await postMessage(ctx, target, input, now);
  await enqueueStored(ctx.queue, [event]);
  return { message, conversationId };
}

function checkAttachmentsFit(input: SendMessage, limit: number) {
  const count = input.attachmentIds?.length ?? 0;
  if (!count) return;
  if (limit === 0) {
    const why = input.template ? "a WhatsApp template carries no attachment" : `${input.channel} carries no attachments`;
    throw new InvalidInputError(`This message cannot carry attachments: ${why}. Remove them or pick another channel.`, {
      attachmentIds: [why],
    });
  }
  if (count > limit)
    throw new InvalidInputError(`A ${input.channel} message carries at most ${limit} attachment${limit > 1 ? "s" : ""}.`, {
      attachmentIds: [`at most ${limit}`],
    });
  if (input.channel === "whatsapp" && input.body.length > WHATSAPP_CAPTION_MAX) {
    throw new InvalidInputError(`With an attachment, a WhatsApp message is its caption: at most ${WHATSAPP_CAPTION_MAX} characters.`, {
      body: [`at most ${WHATSAPP_CAPTION_MAX} characters with an attachment`],
    });
  }
}

// The files the staff member uploaded for this message become its attachments, once: a file
// already sent, someone else's upload or another clinic's is refused and nothing is sent.
async function claimAttachments(tx: Database, ctx: StaffContext, messageId: string, ids: string[]) {
  if (!ids.length) return;
  const claimed = await tx
    .update(attachments)
    .set({ messageId })
    .where(
      and(
        inArray(attachments.id, ids),
        eq(attachments.clinicId, ctx.clinicId),
        eq(attachments.uploadedByStaffId, ctx.staff.id),
        isNull(attachments.messageId),
      ),
    )
    .returning({ id: attachments.id });
  if (claimed.length !== new Set(ids).size)
    throw new InvalidInputError("An attachment is unknown or was already sent; upload it again.", {
      attachmentIds: ["unknown or already sent"],
    });
}

async function startConversation(tx: Database, ctx: StaffContext, patientId: string): Promise<string> {
  await tx
    .insert(conversations)
    .values({ clinicId: ctx.clinicId, patientId, startedByStaffId: ctx.staff.id, startedByRole: ctx.staff.role })
    .onConflictDoNothing();
  const [row] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.clinicId, ctx.clinicId), eq(conversations.patientId, patientId)));
  return row.id;
}
