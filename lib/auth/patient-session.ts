import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { clinics, patientSessions, patientUsers } from "@/db/schema";
import { TooManyRequestsError, UnauthenticatedError } from "@/lib/errors/app-errors";
import { decoyPasswordHash, verifyPassword } from "./password";
import { clearAccountFailures, recordFailure, secondsBlocked, throttleKeys } from "./sign-in-throttle";

// Sessions of the patient apps (iOS, Android, the web portal): email and password give a
// bearer token, kept only as a SHA-256, valid 30 days unless revoked.
export const PATIENT_SESSION_DAYS = 30;

export const patientSignInSchema = z.strictObject({
  clinic: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "is required")
    .max(64, "must be at most 64 characters")
    .regex(/^[a-z0-9-]+$/, "must be the clinic's code, like saint-martin"),
  email: z.string().trim().toLowerCase().pipe(z.email("must be an email address")).pipe(z.string().max(254)),
  password: z.string().min(1, "is required").max(200, "must be at most 200 characters"),
});
export type PatientSignIn = z.output<typeof patientSignInSchema>;

// Who a request comes from: the patient account, in its clinic.
export type PatientContext = { db: Database; clinicId: string; patientUserId: string; sessionId: string };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// Throttled like staff sign-in (per account and address, and per address), in a key space of
// its own: the same email may be a patient of two clinics.
const keysFor = (input: PatientSignIn, ip: string) => throttleKeys(`patient:${input.clinic}:${input.email}`, ip);

export async function signInPatient(db: Database, input: PatientSignIn, now: Date, from: { ip: string }) {
  const keys = keysFor(input, from.ip);
  const blocked = await secondsBlocked(db, keys, now);
  if (blocked) throw new TooManyRequestsError(`Too many attempts. Try again in ${blocked} s.`, blocked);
  const [account] = await db
    .select({ id: patientUsers.id, clinicId: patientUsers.clinicId, passwordHash: patientUsers.passwordHash })
    .from(patientUsers)
    .innerJoin(clinics, eq(clinics.id, patientUsers.clinicId))
    .where(and(eq(clinics.slug, input.clinic), eq(patientUsers.email, input.email)))
    .limit(1);
  // An unknown account costs and answers the same as a wrong password.
  const matches = await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!account?.passwordHash || !matches) {
    const wait = await recordFailure(db, keys, now);
    if (wait) throw new TooManyRequestsError(`Too many attempts. Try again in ${wait} s.`, wait);
    throw new UnauthenticatedError("The email or password is not right.");
  }
  await clearAccountFailures(db, keys);
  const token = `cnp_${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + PATIENT_SESSION_DAYS * 86400_000);
  await db
    .insert(patientSessions)
    .values({ clinicId: account.clinicId, patientUserId: account.id, tokenHash: hashToken(token), createdAt: now, expiresAt });
  return { token, expiresAt };
}

// "Authorization: Bearer <token>" → the patient account; unknown, expired or revoked → 401.
export async function patientForToken(db: Database, authorization: string | null, now: Date): Promise<PatientContext> {
  const token = authorization?.match(/^Bearer\s+(cnp_[A-Za-z0-9_-]{20,100})$/)?.[1];
  if (!token) throw new UnauthenticatedError("Sign in through the app: send its session as Authorization: Bearer <token>.");
  const [session] = await db
    .update(patientSessions)
    .set({ lastUsedAt: now })
    .where(and(eq(patientSessions.tokenHash, hashToken(token)), isNull(patientSessions.revokedAt)))
    .returning();
  if (!session) throw new UnauthenticatedError("This session is unknown or was signed out: sign in again.");
  if (session.expiresAt <= now) throw new UnauthenticatedError("This session has expired: sign in again.");
  return { db, clinicId: session.clinicId, patientUserId: session.patientUserId, sessionId: session.id };
}

export async function revokePatientSession(ctx: PatientContext, now: Date) {
  await ctx.db.update(patientSessions).set({ revokedAt: now }).where(eq(patientSessions.id, ctx.sessionId));
}
