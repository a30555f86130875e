import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { announceConversationChange } from "@/lib/realtime/hub-changes";
import { conversations, messages, patients, patientUserProfiles, type MessageChannel } from "@/db/schema";

export type InboundMessage = {
  clinicId: string;
  channel: Extract<MessageChannel, "sms" | "whatsapp" | "email" | "portal">;
  // E.164 phone for SMS and WhatsApp, address for email; the portal knows the patient.
  from: string;
  patientId?: string;
  subject?: string;
  body: string;
  externalId: string;
  at: Date;
  emailMessageId?: string;
  inReplyTo?: string;
  // A sender that could not be verified: never matched to a patient, always triage.
  triage?: boolean;
};

// Which patient wrote. A phone shared by a household belongs to the adult who manages it
// (the "self" profile of a portal account), else to the eldest patient with that number.
export async function matchSender(
  db: Database,
  clinicId: string,
  channel: InboundMessage["channel"],
  from: string,
): Promise<string | null> {
  const byAddress = channel === "email" ? eq(sql`lower(${patients.email})`, from.toLowerCase()) : eq(patients.phone, from);
  const [match] = await db
    .select({ id: patients.id })
    .from(patients)
    .leftJoin(patientUserProfiles, and(eq(patientUserProfiles.patientId, patients.id), eq(patientUserProfiles.relationship, "self")))
    .where(and(eq(patients.clinicId, clinicId), byAddress))
    .orderBy(sql`${patientUserProfiles.patientId} is null`, asc(patients.dateOfBirth), asc(patients.createdAt))
    .limit(1);
  return match?.id ?? null;
}

async function conversationFor(db: Database, clinicId: string, patientId: string | null, address: string, at: Date): Promise<string> {
  const where = patientId
    ? and(eq(conversations.clinicId, clinicId), eq(conversations.patientId, patientId))
    : and(eq(conversations.clinicId, clinicId), sql`${conversations.patientId} is null`, eq(conversations.contactAddress, address));
  const [existing] = await db.select({ id: conversations.id }).from(conversations).where(where);
  if (existing) return existing.id;
  await db
    .insert(conversations)
    .values({ clinicId, patientId, contactAddress: patientId ? null : address, lastMessageAt: at })
    .onConflictDoNothing();
  const [created] = await db.select({ id: conversations.id }).from(conversations).where(where);
  return created.id;
}

// An incoming WhatsApp, SMS, email reply or portal message lands in the patient's one
// conversation (or a triage conversation for an unknown sender), once per provider id, and
// makes the conversation unread again, archived or not. Called inside receivePatientMessage's
// transaction (./receive-patient-message.ts), the one way a patient's message comes in.
export async function landInbound(tx: Database, m: InboundMessage, patientId: string | null) {
  const conversationId = await conversationFor(tx, m.clinicId, patientId, m.from, m.at);
  const [message] = await tx
    .insert(messages)
    .values({
      clinicId: m.clinicId,
      conversationId,
      direction: "inbound",
      channel: m.channel,
      subject: m.subject,
      body: m.body,
      externalId: m.externalId,
      emailMessageId: m.emailMessageId,
      inReplyTo: m.inReplyTo,
      createdAt: m.at,
    })
    .onConflictDoNothing()
    .returning({ id: messages.id });
  if (!message) return { conversationId, patientId, messageId: null, duplicate: true } as const;
  await tx
    .update(conversations)
    .set({
      status: "unread",
      archivedAt: null,
      unreadCount: sql`${conversations.unreadCount} + 1`,
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${m.at.toISOString()}::timestamptz)`,
      lastMessagePreview: (m.subject ? `${m.subject} — ${m.body}` : m.body).slice(0, 200),
      channels: sql`(select array_agg(distinct c) from unnest(${conversations.channels} || ${m.channel}::message_channel) c)`,
      directions: sql`(select array_agg(distinct d) from unnest(${conversations.directions} || 'inbound'::message_direction) d)`,
    })
    .where(eq(conversations.id, conversationId));
  await announceConversationChange(tx, { clinicId: m.clinicId, conversationId });
  return { conversationId, patientId, messageId: message.id, duplicate: false } as const;
}
