import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, id, instant } from "./columns";
import { deliveries } from "./deliveries";
import { patients } from "./patients";
import { staffRoleEnum, staffUsers } from "./staff";

// The Communication Hub: one conversation per patient (all channels in one timeline), or one
// per unknown sender until staff attach it to a patient (triage).
export const conversationStatusEnum = pgEnum("conversation_status", ["unread", "read", "replied", "archived"]);
export const messageChannelEnum = pgEnum("message_channel", ["sms", "email", "portal", "call", "whatsapp"]);
export const messageDirectionEnum = pgEnum("message_direction", ["inbound", "outbound"]);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    clinicId: clinicRef(),
    patientId: uuid().references(() => patients.id),
    // For a sender no patient matched: the phone (E.164) or email the messages came from.
    contactAddress: text(),
    status: conversationStatusEnum().notNull().default("read"),
    starred: boolean().notNull().default(false),
    unreadCount: integer().notNull().default(0),
    // Every channel used in the thread, for the type filter without scanning messages.
    channels: messageChannelEnum().array().notNull().default([]),
    directions: messageDirectionEnum().array().notNull().default([]),
    lastMessageAt: instant().notNull().defaultNow(),
    lastMessagePreview: text(),
    // Who opened the thread: the doctor rule ("only if none exists") is about the first message.
    startedByStaffId: uuid().references(() => staffUsers.id),
    startedByRole: staffRoleEnum(),
    archivedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("conversations_patient_idx")
      .on(t.clinicId, t.patientId)
      .where(sql`${t.patientId} is not null`),
    uniqueIndex("conversations_unknown_sender_idx")
      .on(t.clinicId, t.contactAddress)
      .where(sql`${t.patientId} is null`),
    // Ascending on purpose: read backwards they give "newest first" (DESC NULLS FIRST, what
    // ORDER BY … DESC means); a DESC NULLS LAST index cannot serve that order at all.
    index("conversations_list_idx").on(t.clinicId, t.lastMessageAt, t.id),
    index("conversations_status_idx").on(t.clinicId, t.status, t.lastMessageAt, t.id),
    // Composite keys: a conversation cannot point at another clinic's patient or staff member.
    unique().on(t.clinicId, t.id),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.startedByStaffId], foreignColumns: [staffUsers.clinicId, staffUsers.id] }),
  ],
);

// What a message carries beside its text: the approved WhatsApp template it was sent as, or
// the files refused from a patient's email (named in the thread).
export type MessageMetadata = {
  whatsappTemplate?: { name: string; language: string; parameters: string[] };
  refusedAttachments?: { fileName: string; reason: string }[];
  // An inbound email whose SPF, DKIM or DMARC check failed (SES's verdicts): filed for triage.
  senderCheck?: { spf?: string; dkim?: string; dmarc?: string };
};

export const messages = pgTable(
  "messages",
  {
    id: id(),
    clinicId: clinicRef(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id),
    direction: messageDirectionEnum().notNull(),
    channel: messageChannelEnum().notNull(),
    authorStaffId: uuid().references(() => staffUsers.id),
    subject: text(),
    body: text().notNull().default(""),
    // Call logs: when the call happened and how long it lasted (never recorded, only logged).
    callAt: instant(),
    callDurationSeconds: integer(),
    // Outbound messages go through the notification pipeline; their ticks come from the delivery.
    deliveryId: uuid().references(() => deliveries.id),
    // The provider's id of an inbound message (wamid, SMS SID, Message-ID): each lands once.
    externalId: text(),
    // Email threading.
    emailMessageId: text(),
    inReplyTo: text(),
    metadata: jsonb().$type<MessageMetadata>(),
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('simple', coalesce(${messages.subject}, '') || ' ' || ${messages.body})`),
    createdAt: createdAt(),
  },
  (t) => [
    index("messages_thread_idx").on(t.conversationId, t.createdAt, t.id),
    uniqueIndex("messages_external_idx")
      .on(t.clinicId, t.channel, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index("messages_search_idx").using("gin", t.searchVector),
    index().on(t.deliveryId),
    unique().on(t.clinicId, t.id),
    foreignKey({ columns: [t.clinicId, t.conversationId], foreignColumns: [conversations.clinicId, conversations.id] }),
    foreignKey({ columns: [t.clinicId, t.authorStaffId], foreignColumns: [staffUsers.clinicId, staffUsers.id] }),
  ],
);

export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    clinicId: clinicRef(),
    messageId: uuid().references(() => messages.id),
    fileName: text().notNull(),
    // Sniffed from the bytes, never taken from the file name or the browser.
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    // Uploaded before the message is sent; only its uploader can attach it to a message.
    uploadedByStaffId: uuid().references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.messageId),
    foreignKey({ columns: [t.clinicId, t.messageId], foreignColumns: [messages.clinicId, messages.id] }),
    foreignKey({ columns: [t.clinicId, t.uploadedByStaffId], foreignColumns: [staffUsers.clinicId, staffUsers.id] }),
  ],
);

// Who viewed or exported patient communication, and when.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    clinicId: clinicRef(),
    staffUserId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    action: text().notNull(),
    patientId: uuid(),
    conversationId: uuid(),
    detail: jsonb(),
    at: createdAt(),
  },
  (t) => [index().on(t.clinicId, t.at), index().on(t.patientId, t.at)],
);

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type MessageChannel = (typeof messageChannelEnum.enumValues)[number];
