import "server-only";
import type { Database } from "@/db/client";
import { sendDueReminders, type TickResult } from "@/lib/reminders/send-due-reminders";
import { sweepUnsentUploads } from "@/lib/attachments/sweep-unsent";
import { logError } from "@/lib/errors/log-error";
import type { EventQueue } from "@/lib/notifications/queue/event-queue";
import { requeueStalledEvents } from "@/lib/notifications/queue/requeue-stalled";
import { startEvery } from "@/lib/time/start-every";

export type SchedulerTickResult = TickResult & { requeued: number; uploadsSwept: number };

// The every-minute tick: due reminders and backups, events whose publish failed, and uploads
// never sent within a day. In production QStash's schedule calls it; the embedded default runs
// it in the app process. Every part is idempotent, so overlapping ticks are harmless.
export async function schedulerTick(db: Database, now: Date, queue: EventQueue): Promise<SchedulerTickResult> {
  const reminders = await sendDueReminders(db, now, (ids) => queue.enqueueMany(ids));
  const requeued = await requeueStalledEvents(db, now, queue);
  const uploadsSwept = await sweepUnsentUploads(db, now);
  return { ...reminders, requeued, uploadsSwept };
}

export function startSchedulerTick(db: Database, queue: EventQueue): void {
  startEvery(
    "scheduler-tick",
    60_000,
    () => schedulerTick(db, new Date(), queue),
    (error) => logError("scheduler tick failed", error),
  );
}
