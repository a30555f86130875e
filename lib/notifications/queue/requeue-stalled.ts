import "server-only";
import { and, eq, inArray, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events } from "@/db/schema";
import type { EventQueue } from "./event-queue";

// An event stays pending when its publish to QStash failed after the row was stored (network,
// an outage). Five minutes on, it is published again (QStash and processing both deduplicate on
// the id, so one that was only slow is not processed twice) and given five more minutes.
export const STALLED_AFTER_MS = 5 * 60_000;
const LIMIT = 1000;

export async function requeueStalledEvents(db: Database, now: Date, queue: EventQueue): Promise<number> {
  const stalled = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.status, "pending"), lt(events.nextAttemptAt, new Date(now.getTime() - STALLED_AFTER_MS))))
    .limit(LIMIT);
  if (!stalled.length) return 0;
  const ids = stalled.map((e) => e.id);
  await db
    .update(events)
    .set({ nextAttemptAt: now })
    .where(and(inArray(events.id, ids), eq(events.status, "pending")));
  await queue.enqueueMany(ids);
  return ids.length;
}
