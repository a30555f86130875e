import "server-only";
import { Client } from "@upstash/qstash";
import { env } from "@/lib/config/env";
import { EmbeddedWorker } from "./embedded-worker";

// Where received events go to be processed. Two engines, one interface.
export interface EventQueue {
  enqueue(eventId: string): Promise<void>;
  // Many at once (the reminder tick): one request per hundred events with QStash.
  enqueueMany(eventIds: readonly string[]): Promise<void>;
}

// What a domain action needs to hand the events it stored to the queue once its transaction
// has committed: given by the edge that called it (the route, the job, the test), never found
// in a process-wide global.
export type Queueing = { queue: EventQueue };

// QStash's batch endpoint takes up to 100 messages a request.
const QSTASH_BATCH = 100;

// Production: QStash calls our job route, deduplicated on the event id, at most 10 at a time.
export function qstashQueue(client: Client, destination: string): EventQueue {
  const message = (eventId: string) => ({
    url: destination,
    body: { eventId },
    deduplicationId: eventId,
    retries: 5,
    flowControl: { key: "notification-events", parallelism: 10 },
  });
  return {
    async enqueue(eventId) {
      await client.publishJSON(message(eventId));
    },
    async enqueueMany(eventIds) {
      for (let i = 0; i < eventIds.length; i += QSTASH_BATCH) await client.batchJSON(eventIds.slice(i, i + QSTASH_BATCH).map(message));
    },
  };
}

// Embedded: the row is already in the events table; waking the worker is all it takes.
export function embeddedQueue(worker: () => EmbeddedWorker): EventQueue {
  return {
    async enqueue() {
      worker().wake();
    },
    async enqueueMany(eventIds) {
      if (eventIds.length) worker().wake();
    },
  };
}

export function qstashClientFromEnv(): Client | null {
  const { QSTASH_TOKEN, QSTASH_URL } = env();
  return QSTASH_TOKEN ? new Client({ token: QSTASH_TOKEN, baseUrl: QSTASH_URL, enableTelemetry: false }) : null;
}

export const EVENT_JOB_PATH = "/api/jobs/events";
