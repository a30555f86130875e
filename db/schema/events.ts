import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, unique } from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, id, instant } from "./columns";

export const eventStatusEnum = pgEnum("event_status", ["pending", "processing", "processed", "failed"]);
export const eventSourceEnum = pgEnum("event_source", ["api", "app", "scheduler"]);

// Every event the platform received. The row is also the embedded queue's job: a restart
// picks up pending rows, and rows whose worker died (locked_until passed) are claimed again.
export const events = pgTable(
  "events",
  {
    id: id(),
    clinicId: clinicRef(),
    // The caller's id for the event (or one we generated): the same key is processed once.
    eventKey: text().notNull(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    source: eventSourceEnum().notNull(),
    status: eventStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: instant().notNull().defaultNow(),
    lockedUntil: instant(),
    lastError: text(),
    // The full channel decision for every channel, including those that were not used and why.
    decisions: jsonb().$type<unknown[]>(),
    receivedAt: createdAt(),
    processedAt: instant(),
  },
  (t) => [
    unique().on(t.clinicId, t.eventKey),
    index("events_pending_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'processing')`),
    index().on(t.clinicId, t.receivedAt),
  ],
);

export type EventRow = typeof events.$inferSelect;

// Keys other systems of a clinic use to post events. Only a SHA-256 of the key is stored:
// keys are long random strings, so a fast hash is enough and lookups stay indexed.
export const apiKeys = pgTable("api_keys", {
  id: id(),
  clinicId: clinicRef(),
  name: text().notNull(),
  // The first characters, shown in settings so staff can tell keys apart.
  prefix: text().notNull(),
  keyHash: text().notNull().unique(),
  createdAt: createdAt(),
  lastUsedAt: instant(),
  revokedAt: instant(),
});
