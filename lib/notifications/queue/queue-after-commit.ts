import "server-only";
import type { StoredEvent } from "@/lib/notifications/events/ingest-event";
import { notificationRuntime } from "@/lib/notifications/runtime";

// Save the row, then enqueue: an event stored inside a transaction is queued only once that
// transaction has committed, so a worker never looks for a row that is not there yet. A
// duplicate already processed needs nothing.
export async function queueAfterCommit(event: StoredEvent | null): Promise<void> {
  if (event?.needsQueue) await notificationRuntime().queue.enqueue(event.id);
}
