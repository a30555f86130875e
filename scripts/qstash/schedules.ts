// npm run qstash:schedules — creates or updates the QStash schedules from configuration
// (QSTASH_TOKEN, QSTASH_URL, APP_URL): today the reminder tick, every minute.
import { qstashClientFromEnv } from "@/lib/notifications/queue/event-queue";
import { appUrl } from "@/lib/config/env";
import { ensureReminderSchedule, REMINDER_JOB_PATH } from "@/lib/jobs/schedule";

const client = qstashClientFromEnv();
if (!client) {
  console.error("QSTASH_TOKEN is not set: the embedded default runs the reminder tick in the app process, no schedule is needed.");
  process.exit(2);
}
const { scheduleId } = await ensureReminderSchedule(client);
console.log(`Schedule ${scheduleId}: every minute → ${appUrl()}${REMINDER_JOB_PATH}`);
