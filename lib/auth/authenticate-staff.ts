import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { staffUsers, type StaffUser } from "@/db/schema";
import { decoyPasswordHash, verifyPassword } from "./password";
import { clearAccountFailures, recordFailure, secondsBlocked, throttleKeys } from "./sign-in-throttle";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

export type SignInResult =
  | { ok: true; staff: StaffUser }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "too_many_attempts"; retryAfterSeconds: number };

// Checks a staff member's credentials from an address (the client's IP). Throttled attempts
// are refused before the password is checked, so guessing during the wait gains nothing; a
// known and an unknown email cost the same (a decoy hash is verified) and answer the same.
export async function authenticateStaff(db: Database, credentials: unknown, now: Date, from: { ip: string }): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, from.ip);

  const blocked = await secondsBlocked(db, keys, now);
  if (blocked) return { ok: false, reason: "too_many_attempts", retryAfterSeconds: blocked };

  const [staff] = await db.select().from(staffUsers).where(eq(staffUsers.email, email)).limit(1);
  const usable = staff && staff.active;
  const matches = await verifyPassword(usable ? staff.passwordHash : await decoyPasswordHash(), password);
  if (usable && matches) {
    await clearAccountFailures(db, keys);
    const [signedIn] = await db.update(staffUsers).set({ lastSignInAt: now }).where(eq(staffUsers.id, staff.id)).returning();
    return { ok: true, staff: signedIn };
  }
  const wait = await recordFailure(db, keys, now);
  return wait ? { ok: false, reason: "too_many_attempts", retryAfterSeconds: wait } : { ok: false, reason: "invalid_credentials" };
}
