import "server-only";
import { getDb } from "@/db/client";
import { appUrl, env } from "@/lib/config/env";
import type { SendDeps } from "./delivery/send-delivery";
import { claimDueEvents, processClaimed } from "./events/process-event";
import { EmbeddedWorker } from "./queue/embedded-worker";
import { embeddedQueue, EVENT_JOB_PATH, qstashClientFromEnv, qstashQueue, type EventQueue } from "./queue/event-queue";

export type NotificationRuntime = {
  db: SendDeps["db"];
  deps: SendDeps;
  queue: EventQueue;
  // Starts the embedded worker (no-op with QStash) and returns it.
  startWorker: () => EmbeddedWorker | undefined;
  // The embedded worker, once started (undefined with QStash).
  worker: () => EmbeddedWorker | undefined;
};

export function sendDepsFor(db: SendDeps["db"]): SendDeps {
  const { DELIVERY_MAX_ATTEMPTS, DELIVERY_RETRY_BASE_MS } = env();
  return {
    db,
    policy: { maxAttempts: DELIVERY_MAX_ATTEMPTS, baseDelayMs: DELIVERY_RETRY_BASE_MS, maxDelayMs: 30_000 },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    clock: () => new Date(),
  };
}

// One per process (kept on globalThis across dev hot reloads, like the database handle).
const holder = globalThis as typeof globalThis & { __clinicNotifyRuntime?: NotificationRuntime };

export function notificationRuntime(): NotificationRuntime {
  if (!holder.__clinicNotifyRuntime) {
    const client = qstashClientFromEnv();
    // The worker is started on first use (it is made below; the queue calls it lazily).
    const queue: EventQueue = client ? qstashQueue(client, `${appUrl()}${EVENT_JOB_PATH}`) : embeddedQueue(() => ensureWorker());
    const deps: SendDeps = { ...sendDepsFor(getDb()), enqueue: (ids) => queue.enqueueMany(ids) };
    let worker: EmbeddedWorker | undefined;
    const ensureWorker = () => {
      worker ??= new EmbeddedWorker(deps.db, {
        claim: (limit) => claimDueEvents(deps.db, limit, deps.clock()),
        process: (claimed) => processClaimed(deps, claimed),
      });
      worker.start();
      return worker;
    };
    holder.__clinicNotifyRuntime = {
      db: deps.db,
      deps,
      queue,
      startWorker: () => (client ? undefined : ensureWorker()),
      worker: () => worker,
    };
  }
  return holder.__clinicNotifyRuntime;
}
