import { sql, type SQL } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channelEnum } from "./channels";
import { clinicRef } from "./clinics";
import { createdAt, id, instant, updatedAt } from "./columns";
import { events } from "./events";
import { patients } from "./patients";
import { staffUsers } from "./staff";

export const deliveryStatusEnum = pgEnum("delivery_status", [
  "pending",
  "sending",
  "sent",
  "delivered",
  "read",
  "failed",
  "bounced",
  "skipped",
]);
export type DeliveryStatus = (typeof deliveryStatusEnum.enumValues)[number];

export const audienceEnum = pgEnum("audience", ["patient", "staff"]);

// The delivery log: one row per event × recipient × channel × device/address, including the
// ones decided against (SKIPPED, with the reason). The unique key makes a retried or
// duplicated job find the existing row instead of sending again.
export const deliveries = pgTable(
  "deliveries",
  {
    id: id(),
    clinicId: clinicRef(),
    eventId: uuid()
      .notNull()
      .references(() => events.id),
    eventType: text().notNull(),
    audience: audienceEnum().notNull(),
    // The patient profile or staff member the message is for; the two generated columns give
    // each kind its own composite key, so a row cannot name another clinic's patient or staff.
    recipientId: uuid().notNull(),
    recipientPatientId: uuid().generatedAlwaysAs(
      (): SQL => sql`case when ${deliveries.audience} = 'patient' then ${deliveries.recipientId} end`,
    ),
    recipientStaffId: uuid().generatedAlwaysAs(
      (): SQL => sql`case when ${deliveries.audience} = 'staff' then ${deliveries.recipientId} end`,
    ),
    appointmentId: uuid(),
    channel: channelEnum().notNull(),
    // Phone, email, chat id, device token or push endpoint; '' on a skipped row without one.
    address: text().notNull().default(""),
    deviceId: uuid(),
    status: deliveryStatusEnum().notNull(),
    skipReason: text(),
    // Why this row exists: the rules that were applied and their inputs.
    decision: jsonb().$type<Record<string, unknown>>(),
    // Household SMS dedupe: "two appointments the same day on the same agenda for a patient
    // and a relative: only one SMS". Unique when set.
    dedupeKey: text(),
    language: text(),
    templateKey: text(),
    subject: text(),
    body: text(),
    segments: integer(),
    providerMessageId: text(),
    providerErrorCode: text(),
    providerError: text(),
    attempts: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: instant(),
    deliveredAt: instant(),
    readAt: instant(),
    failedAt: instant(),
  },
  (t) => [
    uniqueIndex("deliveries_once_idx").on(t.eventId, t.recipientId, t.channel, t.address),
    uniqueIndex("deliveries_dedupe_key_idx")
      .on(t.clinicId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
    index().on(t.clinicId, t.createdAt),
    index().on(t.clinicId, t.recipientId, t.createdAt),
    index().on(t.channel, t.providerMessageId),
    foreignKey({ columns: [t.clinicId, t.recipientPatientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.recipientStaffId], foreignColumns: [staffUsers.clinicId, staffUsers.id] }),
  ],
);

export type Delivery = typeof deliveries.$inferSelect;
export type NewDelivery = typeof deliveries.$inferInsert;

export const attemptOutcomeEnum = pgEnum("attempt_outcome", ["accepted", "transient_error", "permanent_error", "outcome_unknown"]);

// Each call to a provider, so support can see "500, then 200 after 400 ms".
export const deliveryAttempts = pgTable(
  "delivery_attempts",
  {
    id: id(),
    deliveryId: uuid()
      .notNull()
      .references(() => deliveries.id),
    attempt: integer().notNull(),
    outcome: attemptOutcomeEnum(),
    errorCode: text(),
    error: text(),
    startedAt: instant().notNull(),
    finishedAt: instant(),
  },
  (t) => [uniqueIndex().on(t.deliveryId, t.attempt)],
);

// Provider receipts (delivered, read, bounced…). The unique key ignores a receipt seen before.
export const deliveryReceipts = pgTable(
  "delivery_receipts",
  {
    id: id(),
    deliveryId: uuid().references(() => deliveries.id),
    channel: channelEnum().notNull(),
    receiptKey: text().notNull().unique(),
    providerMessageId: text().notNull(),
    status: text().notNull(),
    errorCode: text(),
    error: text(),
    occurredAt: instant().notNull(),
    raw: jsonb(),
    receivedAt: createdAt(),
  },
  (t) => [index().on(t.deliveryId)],
);
