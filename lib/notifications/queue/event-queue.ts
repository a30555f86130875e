import "server-only";
import { Client } from "@upstash/qstash";
import { env } from "@/lib/config/env";
import { EmbeddedWorker } from "./embedded-worker";

// Where received events go to be processed. Two engines, one interface.
export interface EventQueue {
  enqueue(eventId: string): Promise<void>;
}

// Production: QStash calls our job route, deduplicated on the event id, at most 10 at a time.
export function qstashQueue(client: Client, destination: string): EventQueue {
  return {
    async enqueue(eventId) {
      await client.publishJSON({
        url: destination,
        body: { eventId },
        deduplicationId: eventId,
        retries: 5,
        flowControl: { key: "notification-events", parallelism: 10 },
      });
    },
  };
}

// Embedded: the row is already in the events table; waking the worker is all it takes.
export function embeddedQueue(worker: () => EmbeddedWorker): EventQueue {
  return {
    async enqueue() {
      worker().wake();
    },
  };
}

export function qstashClientFromEnv(): Client | null {
  const { QSTASH_TOKEN, QSTASH_URL } = env();
  return QSTASH_TOKEN ? new Client({ token: QSTASH_TOKEN, baseUrl: QSTASH_URL, enableTelemetry: false }) : null;
}

export const EVENT_JOB_PATH = "/api/jobs/events";

