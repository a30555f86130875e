import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events } from "@/db/schema";
import type { EventQueue } from "../queue/event-queue";
import type { HubMessageEvent, IncomingEvent } from "@/lib/notifications/event-catalog";

export type Ingested = { id: string; duplicate: boolean };
export type StoredEvent = Ingested & { needsQueue: boolean };

// Stores an event. The (clinic, event id) key is unique: an id seen before is a duplicate and
// is never processed twice. A duplicate still pending needs queueing again, so a caller
// retrying after a lost publish does not leave the event stranded. Works inside a
// transaction, so an app action and its event are saved together (queue after commit).
export async function storeEvent(db: Database, clinicId: string, incoming: IncomingEvent | HubMessageEvent, source: "api" | "app" | "scheduler"): Promise<StoredEvent> {
  const eventKey = incoming.id ?? randomUUID();
  const [created] = await db
    .insert(events)
    .values({ clinicId, eventKey, type: incoming.type, payload: incoming.data, source })
    .onConflictDoNothing()
    .returning({ id: events.id });
  if (created) return { id: created.id, duplicate: false, needsQueue: true };
  const [existing] = await db
    .select({ id: events.id, status: events.status })
    .from(events)
    .where(and(eq(events.clinicId, clinicId), eq(events.eventKey, eventKey)));
  return { id: existing.id, duplicate: true, needsQueue: existing.status === "pending" };
}

export async function ingestEvent(
  db: Database,
  queue: EventQueue,
  clinicId: string,
  incoming: IncomingEvent,
  source: "api" | "app" | "scheduler",
): Promise<Ingested> {
  const { id, duplicate, needsQueue } = await storeEvent(db, clinicId, incoming, source);
  if (needsQueue) await queue.enqueue(id);
  return { id, duplicate };
}
