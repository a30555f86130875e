// Processes one event in a process of its own, so the crash tests can kill it mid-send.
// Usage: tsx scripts/testing/process-event-once.ts <eventId>  (DATABASE_URL or PGLITE_DIR)
import { openDatabase, targetFromEnv } from "@/db/client";
import { processEvent } from "@/lib/notifications/events/process-event";
import { sendDepsFor } from "@/lib/notifications/runtime";

const handle = openDatabase(targetFromEnv(), { maxConnections: 2 });
// Longest backoff every time: the test kills this process while it waits to retry.
const outcome = await processEvent({ ...sendDepsFor(handle.db), random: () => 0.999 }, process.argv[2]);
console.log(outcome);
await handle.close();
