import "server-only";
import { randomUUID } from "node:crypto";
import { and, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { events } from "@/db/schema";
import type { EventQueue } from "../queue/event-queue";
import { checkedPayload, type HubMessageEvent, type IncomingEvent } from "@/lib/notifications/event-catalog";

export type Ingested = { id: string; duplicate: boolean };
export type StoredEvent = Ingested & { needsQueue: boolean };
export type EventSource = "api" | "app" | "scheduler";
export type EventToStore = { clinicId: string; event: IncomingEvent | HubMessageEvent; source: EventSource };

// The one way into the pipeline: every event (the API's, the app's own actions', the reminder
// tick's, those the pipeline raises) is stored here. Each payload is checked against its type's
// schema in the event catalogue, so a bad payload fails loudly where it is written rather than
// being guessed at where it is read. The (clinic, event id) key is unique: an id seen before is
// a duplicate and is never processed twice; a duplicate still pending needs queueing again, so a
// caller retrying after a lost publish does not leave it stranded. Batched: one statement (the
// rows as unnest arrays) however many events. Works inside a transaction, so an action and its
// events are saved together; queue them once it has committed (enqueueStored).
export async function storeEvents(db: Database, items: readonly EventToStore[]): Promise<StoredEvent[]> {
  if (!items.length) return [];
  const keys = items.map(({ event }) => event.id ?? randomUUID());
  const clinicIds = items.map((i) => i.clinicId);
  const types = items.map(({ event }) => event.type);
  const payloads = items.map(({ event }) => JSON.stringify(checkedPayload(event.type, event.data)));
  const sources = items.map((i) => i.source);
  const created = await executeRows<{ id: string; clinic_id: string; event_key: string }>(
    db,
    sql`insert into events (clinic_id, event_key, type, payload, source)
        select c, k, t, p, s::event_source
        from unnest(${sql.param(clinicIds)}::uuid[], ${sql.param(keys)}::text[], ${sql.param(types)}::text[], ${sql.param(payloads)}::jsonb[], ${sql.param(sources)}::text[]) as u(c, k, t, p, s)
        on conflict do nothing returning id, clinic_id, event_key`,
  );
  const slot = (clinicId: string, key: string) => `${clinicId}\n${key}`;
  const found = new Map(created.map((e) => [slot(e.clinic_id, e.event_key), { id: e.id, duplicate: false, needsQueue: true }]));
  const missing = items.map((item, i) => ({ clinicId: item.clinicId, key: keys[i] })).filter((m) => !found.has(slot(m.clinicId, m.key)));
  if (missing.length) {
    const existing = await db
      .select({ id: events.id, clinicId: events.clinicId, eventKey: events.eventKey, status: events.status })
      .from(events)
      .where(
        and(
          inArray(events.clinicId, [...new Set(missing.map((m) => m.clinicId))]),
          inArray(
            events.eventKey,
            missing.map((m) => m.key),
          ),
        ),
      );
    for (const e of existing) found.set(slot(e.clinicId, e.eventKey), { id: e.id, duplicate: true, needsQueue: e.status === "pending" });
  }
  return items.map((item, i) => found.get(slot(item.clinicId, keys[i]))!);
}

export async function storeEvent(
  db: Database,
  clinicId: string,
  event: IncomingEvent | HubMessageEvent,
  source: EventSource,
): Promise<StoredEvent> {
  const [stored] = await storeEvents(db, [{ clinicId, event, source }]);
  return stored;
}

// Save the rows, then enqueue: called once the transaction that stored the events has
// committed, so a worker never looks for a row that is not there yet. A duplicate already
// processed needs nothing.
export async function enqueueStored(queue: EventQueue, stored: readonly (StoredEvent | null | undefined)[]): Promise<void> {
  const ids = stored.filter((s): s is StoredEvent => Boolean(s?.needsQueue)).map((s) => s.id);
  if (ids.length === 1) await queue.enqueue(ids[0]);
  else if (ids.length) await queue.enqueueMany(ids);
}

export async function ingestEvent(
  db: Database,
  queue: EventQueue,
  clinicId: string,
  incoming: IncomingEvent,
  source: EventSource,
): Promise<Ingested> {
  const stored = await storeEvent(db, clinicId, incoming, source);
  await enqueueStored(queue, [stored]);
  return { id: stored.id, duplicate: stored.duplicate };
}
