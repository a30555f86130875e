import "server-only";
import { count, min, sql } from "drizzle-orm";
import { getDatabaseHandle } from "@/db/client";
import { events } from "@/db/schema";
import { describeError, logError } from "@/lib/errors/log-error";
import { notificationRuntime } from "@/lib/notifications/runtime";
import { hubChangeFeed } from "@/lib/realtime/hub-changes";

// What an operator (or a load balancer) needs to know: the database answers, the queue's
// worker is alive and how much waits, and whether the live inbox feed is listening. Counts
// only, across clinics: nothing about any patient.
export async function checkHealth(now: Date) {
  const handle = getDatabaseHandle();
  const runtime = notificationRuntime();
  const worker = runtime.worker();
  const feed = hubChangeFeed(handle).status();
  try {
    const [queue] = await handle.db
      .select({
        pending: count(sql`case when ${events.status} = 'pending' then 1 end`),
        processing: count(sql`case when ${events.status} = 'processing' then 1 end`),
        failed: count(sql`case when ${events.status} = 'failed' then 1 end`),
        oldestPending: min(sql<Date>`case when ${events.status} = 'pending' then ${events.receivedAt} end`),
      })
      .from(events);
    const oldest = queue.oldestPending ? new Date(queue.oldestPending) : null;
    return {
      ok: true,
      body: {
        status: "ok",
        db: "ok",
        engine: handle.engine,
        queue: {
          mode: worker ? "embedded" : "qstash",
          pending: queue.pending,
          processing: queue.processing,
          failed: queue.failed,
          oldestPendingSeconds: oldest ? Math.round((now.getTime() - oldest.getTime()) / 1000) : null,
        },
        worker: worker ? worker.status() : null,
        liveFeed: feed,
      },
    };
  } catch (error) {
    logError("health check failed", error);
    return {
      ok: false,
      body: { status: "degraded", db: "unreachable", engine: handle.engine, error: describeError(error).split(":")[0], liveFeed: feed },
    };
  }
}
