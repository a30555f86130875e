// One app instance's background work in a process of its own: the embedded queue worker, as
// the app runs it (lib/notifications/runtime.ts), until the process is killed.
// Usage: tsx scripts/testing/run-instance.ts  (DATABASE_URL)
// With --inbound <clinicId> <phone> <text>: instead, one incoming SMS written by this instance.
import { parseArgs } from "node:util";
import { openDatabase, targetFromEnv } from "@/db/client";
import { receivePatientMessage } from "@/lib/conversations/receive-patient-message";
import { claimDueEvents, processClaimed } from "@/lib/notifications/events/process-event";
import { EmbeddedWorker } from "@/lib/notifications/queue/embedded-worker";
import { sendDepsFor } from "@/lib/notifications/runtime";

const { values, positionals } = parseArgs({ options: { inbound: { type: "boolean", default: false } }, allowPositionals: true });
const handle = openDatabase(targetFromEnv(), { maxConnections: 4 });

if (values.inbound) {
  const [clinicId, from, body] = positionals;
  await receivePatientMessage(handle.db, { clinicId, channel: "sms", from, body, externalId: `SM-instance-${Date.now()}`, at: new Date() });
  await handle.close();
} else {
  const deps = sendDepsFor(handle.db);
  const worker = new EmbeddedWorker(
    handle.db,
    { claim: (limit) => claimDueEvents(handle.db, limit, deps.clock()), process: (claimed) => processClaimed(deps, claimed) },
    { batchSize: 10, consumers: 2, pollMs: 100 },
  );
  worker.start();
  console.log("ready");
  // Keeps the process alive; the worker's timer is unref'd.
  setInterval(() => {}, 60_000);
}
