import "server-only";
import { and, asc, eq, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appointments, scheduledReminders } from "@/db/schema";
import { logError } from "@/lib/errors/log-error";
import type { IncomingEvent } from "@/lib/notifications/event-catalog";
import { storeEvent, type StoredEvent } from "@/lib/notifications/events/ingest-event";
import { queueAfterCommit } from "@/lib/notifications/queue/queue-after-commit";
import { isUpcoming } from "@/lib/scheduling/appointment-status";
import { offsetLabel } from "@/lib/scheduling/reminder-plan";
import { startEvery } from "@/lib/time/start-every";

const BATCH = 200;
const MINUTE = 60_000;

export type TickResult = { sent: number; skipped: number };

// One tick: claims due reminders (SKIP LOCKED, so app instances share the work) and hands each
// to the pipeline as an `appointment.reminder` event whose id is appointment × offset × start:
// a second tick, a second instance or a redelivered job finds the same id and sends nothing
// twice. A reminder whose appointment is no longer upcoming, or has started, is skipped.
export async function sendDueReminders(db: Database, now: Date, enqueue: (event: StoredEvent) => Promise<void> = queueAfterCommit): Promise<TickResult> {
  const result: TickResult = { sent: 0, skipped: 0 };
  const queued: StoredEvent[] = [];
  await db.transaction(async (tx) => {
    const due = await tx
      .select({ reminder: scheduledReminders, appointment: appointments })
      .from(scheduledReminders)
      .innerJoin(appointments, eq(appointments.id, scheduledReminders.appointmentId))
      .where(and(eq(scheduledReminders.status, "scheduled"), lte(scheduledReminders.dueAt, now)))
      .orderBy(asc(scheduledReminders.dueAt))
      .limit(BATCH)
      .for("update", { of: scheduledReminders, skipLocked: true });
    for (const { reminder, appointment } of due) {
      const skip = (reason: string) => tx.update(scheduledReminders).set({ status: "skipped", reason, updatedAt: now }).where(eq(scheduledReminders.id, reminder.id));
      if (!isUpcoming(appointment.status)) {
        await skip("appointment_status_changed");
        result.skipped++;
      } else if (now >= reminder.validUntil || now >= appointment.startsAt) {
        await skip("appointment_already_started");
        result.skipped++;
      } else {
        const event = { id: `reminder:${appointment.id}:${reminder.offsetMinutes}:${appointment.startsAt.toISOString()}`, type: "appointment.reminder", data: { appointmentId: appointment.id, offset: offsetLabel(reminder.offsetMinutes) } } as IncomingEvent;
        const stored = await storeEvent(tx, appointment.clinicId, event, "scheduler");
        await tx.update(scheduledReminders).set({ status: "sent", eventId: stored.id, updatedAt: now }).where(eq(scheduledReminders.id, reminder.id));
        queued.push(stored);
        result.sent++;
      }
    }
  });
  for (const event of queued) await enqueue(event);
  return result;
}

// The embedded scheduler: every minute in the app process (production's QStash schedule calls
// the same tick). Safe in every instance at once.
export function startReminderTick(db: Database): void {
  startEvery("reminder-tick", MINUTE, () => sendDueReminders(db, new Date()), (error) => logError("reminder tick failed", error));
}
