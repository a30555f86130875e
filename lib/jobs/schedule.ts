import "server-only";
import type { Client } from "@upstash/qstash";
import type { Database } from "@/db/client";
import { appUrl } from "@/lib/config/env";
import { verifyQstashRequest } from "@/lib/notifications/queue/verify-qstash";
import type { EventQueue } from "@/lib/notifications/queue/event-queue";
import { schedulerTick, type SchedulerTickResult } from "./scheduler-tick";

export const REMINDER_JOB_PATH = "/api/jobs/reminders";
export const REMINDER_SCHEDULE_ID = "clinic-notify-reminder-tick";

// In production QStash calls the scheduler tick (reminders, stalled events, orphan uploads) every minute. Creating a schedule with the same
// id again updates it, so running this twice leaves one schedule.
export async function ensureReminderSchedule(client: Client, baseUrl = appUrl()) {
  return client.schedules.create({
    scheduleId: REMINDER_SCHEDULE_ID,
    destination: `${baseUrl}${REMINDER_JOB_PATH}`,
    cron: "* * * * *",
    retries: 0,
  });
}

// QStash's call, verified over the raw body first. A tick that QStash repeats or that overlaps
// another instance's sends nothing twice (SKIP LOCKED rows, stable event ids).
export async function receiveReminderTick(
  { db, queue }: { db: Database; queue: EventQueue },
  signature: string | null,
  raw: string,
  now: Date,
): Promise<SchedulerTickResult> {
  await verifyQstashRequest(signature, raw, `${appUrl()}${REMINDER_JOB_PATH}`);
  return schedulerTick(db, now, queue);
}
