import "server-only";
import type { Database } from "@/db/client";
import type { EventRow } from "@/db/schema";
import { logError } from "@/lib/errors/log-error";

// batchSize: events one consumer processes together (a consumer's prefetch: at most that many
// at once); consumers: batches in flight; pollMs: how often due retries and abandoned events
// are looked for.
export type WorkerOptions = { batchSize: number; consumers: number; pollMs: number };

export type WorkerHandlers = {
  // Claims up to `limit` due events (atomically, so consumers never share one).
  claim: (limit: number) => Promise<EventRow[]>;
  process: (claimed: EventRow[]) => Promise<unknown>;
};

// The embedded queue: the events table is the queue, these loops its consumers. They wake at
// once when an event is enqueued in this process, and poll for due retries and for events a
// dead process left half-done (lock expired).
export class EmbeddedWorker {
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  // For /api/health: when the worker last looked for work, and last finished a batch.
  private lastTickAt: Date | null = null;
  private lastBatchAt: Date | null = null;

  constructor(
    private readonly db: Database,
    private readonly handlers: WorkerHandlers,
    private readonly options: WorkerOptions = { batchSize: 10, consumers: 2, pollMs: 1000 },
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled(this.running);
  }

  status() {
    return { running: !this.stopped, consumersBusy: this.running.size, lastTickAt: this.lastTickAt, lastBatchAt: this.lastBatchAt };
  }

  wake(): void {
    this.lastTickAt = new Date();
    while (!this.stopped && this.running.size < this.options.consumers) {
      const consumer: Promise<void> = this.consume()
        .catch((error) => logError("embedded queue: batch failed", error))
        .finally(() => this.running.delete(consumer));
      this.running.add(consumer);
    }
  }

  // Resolves when every consumer has found nothing left to do (tests and benchmarks).
  async drain(): Promise<void> {
    this.wake();
    while (this.running.size) await Promise.allSettled(this.running);
  }

  private async consume(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const batch = await this.handlers.claim(this.options.batchSize);
      if (!batch.length) {
        return;
      }
      await this.handlers.process(batch);
      this.lastBatchAt = new Date();
    }
  }
}
