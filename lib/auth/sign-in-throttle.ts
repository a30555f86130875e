import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { env } from "@/lib/config/env";
import { delayAfterFailures, retryAfterSeconds, type ThrottlePolicy } from "./throttle";

// Two keys per attempt. The account is throttled per address it is tried from, so a stranger
// guessing from elsewhere slows only themselves, never the staff member at the clinic's desk;
// the address is throttled across accounts, so one machine cannot walk the staff list. An
// unknown email is throttled exactly like a known one: the answer says nothing either way.
export function throttleKeys(email: string, ip: string) {
  return { account: `account:${email}|ip:${ip}`, address: `ip:${ip}` };
}

function policies(): Record<"account" | "address", ThrottlePolicy> {
  const { SIGN_IN_MAX_FAILURES, SIGN_IN_LOCK_MINUTES } = env();
  return {
    account: { freeFailures: SIGN_IN_MAX_FAILURES, baseDelayMs: 30_000, maxDelayMs: SIGN_IN_LOCK_MINUTES * 60_000 },
    address: { freeFailures: SIGN_IN_MAX_FAILURES * 4, baseDelayMs: 30_000, maxDelayMs: SIGN_IN_LOCK_MINUTES * 60_000 },
  };
}

// Seconds to wait before this attempt may be tried, 0 when it may go ahead.
export async function secondsBlocked(db: Database, keys: ReturnType<typeof throttleKeys>, now: Date): Promise<number> {
  const rows = await db
    .select({ blockedUntil: signInThrottles.blockedUntil })
    .from(signInThrottles)
    .where(inArray(signInThrottles.key, [keys.account, keys.address]));
  return Math.max(0, ...rows.map((r) => retryAfterSeconds(r.blockedUntil, now)));
}

// Counted in SQL, so parallel guesses cannot each read the same old count.
export async function recordFailure(db: Database, keys: ReturnType<typeof throttleKeys>, now: Date): Promise<number> {
  const policy = policies();
  let wait = 0;
  for (const kind of ["account", "address"] as const) {
    const [{ failures }] = await db
      .insert(signInThrottles)
      .values({ key: keys[kind], failures: 1, updatedAt: now })
      .onConflictDoUpdate({ target: signInThrottles.key, set: { failures: sql`${signInThrottles.failures} + 1`, updatedAt: now } })
      .returning({ failures: signInThrottles.failures });
    const delay = delayAfterFailures(failures, policy[kind]);
    if (delay) {
      const blockedUntil = new Date(now.getTime() + delay);
      await db.update(signInThrottles).set({ blockedUntil }).where(eq(signInThrottles.key, keys[kind]));
      wait = Math.max(wait, retryAfterSeconds(blockedUntil, now));
    }
  }
  return wait;
}

// A success from an address clears that account's count there (not the address's own count:
// one good password must not reset a machine that is guessing at other accounts).
export async function clearAccountFailures(db: Database, keys: ReturnType<typeof throttleKeys>): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, keys.account));
}
