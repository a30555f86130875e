import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { TooManyRequestsError } from "@/lib/errors/app-errors";

// A fixed window per key (one row, shared by every app instance): the window's count goes
// up in SQL, so parallel requests cannot each read the same old count.
export async function takeFromRateLimit(db: Database, key: string, limit: number, windowMs: number, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  const [row] = await db
    .insert(signInThrottles)
    .values({ key: `rate:${key}`, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: {
        failures: sql`case when ${signInThrottles.updatedAt} < ${windowStart}::timestamptz then 1 else ${signInThrottles.failures} + 1 end`,
        updatedAt: sql`case when ${signInThrottles.updatedAt} < ${windowStart}::timestamptz then ${now.toISOString()}::timestamptz else ${signInThrottles.updatedAt} end`,
      },
    })
    .returning({ count: signInThrottles.failures, since: signInThrottles.updatedAt });
  if (row.count > limit) {
    const wait = Math.max(1, Math.ceil((row.since.getTime() + windowMs - now.getTime()) / 1000));
    throw new TooManyRequestsError(`Too many requests. Try again in ${wait} s.`, wait);
  }
}
