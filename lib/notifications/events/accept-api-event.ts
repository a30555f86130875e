import "server-only";
import type { Database } from "@/db/client";
import { clinicForApiKey } from "@/lib/api-keys/api-keys";
import { parseInput } from "@/lib/errors/parse-input";
import { eventSchema } from "@/lib/notifications/event-catalog";
import type { EventQueue } from "../queue/event-queue";
import { ingestEvent, type Ingested } from "./ingest-event";

// An event from the clinic's other systems: the API key names the clinic (401 before the body
// is read), the payload is checked against its type's schema (400), then stored and queued.
export async function acceptApiEvent(
  { db, queue }: { db: Database; queue: EventQueue },
  authorization: string | null,
  readBody: () => Promise<unknown>,
  now: Date,
): Promise<Ingested> {
  const clinicId = await clinicForApiKey(db, authorization, now);
  const event = parseInput(eventSchema, await readBody(), "event");
  return ingestEvent(db, queue, clinicId, event, "api");
}
