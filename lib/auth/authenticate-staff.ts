import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { staffUsers, type StaffUser } from "@/db/schema";
import { isLocked, lockAfterFailure, type LockoutPolicy } from "./lockout";
import { decoyPasswordHash, verifyPassword } from "./password";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

export type SignInResult =
  | { ok: true; staff: StaffUser }
  | { ok: false; reason: "invalid_credentials" | "account_locked"; lockedUntil?: Date };

// Checks a staff member's credentials and keeps the failure count. A locked account is
// refused before the password is even checked, so guessing during the lock gains nothing.
export async function authenticateStaff(
  db: Database,
  credentials: unknown,
  now: Date,
  policy: LockoutPolicy,
): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const { email, password } = parsed.data;

  const [staff] = await db.select().from(staffUsers).where(eq(staffUsers.email, email)).limit(1);
  if (!staff || !staff.active) {
    await verifyPassword(await decoyPasswordHash(), password);
    return { ok: false, reason: "invalid_credentials" };
  }
  if (isLocked(staff.lockedUntil, now)) {
    return { ok: false, reason: "account_locked", lockedUntil: staff.lockedUntil! };
  }

  if (await verifyPassword(staff.passwordHash, password)) {
    const [signedIn] = await db
      .update(staffUsers)
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
      .where(eq(staffUsers.id, staff.id))
      .returning();
    return { ok: true, staff: signedIn };
  }

  // Incremented in SQL so that parallel guesses cannot each read the same old count.
  const [{ failedSignIns }] = await db
    .update(staffUsers)
    .set({ failedSignIns: sql`${staffUsers.failedSignIns} + 1` })
    .where(eq(staffUsers.id, staff.id))
    .returning({ failedSignIns: staffUsers.failedSignIns });
  const lockedUntil = lockAfterFailure(failedSignIns, now, policy);
  if (lockedUntil) {
    await db.update(staffUsers).set({ lockedUntil }).where(eq(staffUsers.id, staff.id));
    return { ok: false, reason: "account_locked", lockedUntil };
  }
  return { ok: false, reason: "invalid_credentials" };
}
