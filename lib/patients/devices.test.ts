import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { patientDevices, patientSessions, patientUserProfiles, patientUsers, type Clinic } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { patientForToken, patientSignInSchema, revokePatientSession, signInPatient } from "@/lib/auth/patient-session";
import { makeClinic, makePatient } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { registerDevice, unregisterDevice } from "./devices";

let handle: DatabaseHandle;
let clinic: Clinic;
const now = new Date("2027-01-10T09:00:00Z");
const ip = { ip: "203.0.113.7" };

beforeAll(async () => {
  handle = await createTestDatabase();
  clinic = await makeClinic(handle.db, { slug: "devices-test" });
});
afterAll(() => handle.close());

// A parent's portal account managing the given profiles (approved or not), with a password.
async function account(email: string, profiles: { approved: boolean }[]) {
  const [user] = await handle.db
    .insert(patientUsers)
    .values({ clinicId: clinic.id, email, name: "Parent", passwordHash: await hashPassword("a long secret") })
    .returning();
  const made = [];
  for (const p of profiles) {
    const patient = await makePatient(handle.db, clinic.id);
    await handle.db
      .insert(patientUserProfiles)
      .values({ clinicId: clinic.id, patientUserId: user.id, patientId: patient.id, relationship: "child", approved: p.approved });
    made.push(patient);
  }
  return { user, profiles: made };
}

const signIn = async (email: string, at = now) => {
  const { token } = await signInPatient(
    handle.db,
    patientSignInSchema.parse({ clinic: "devices-test", email, password: "a long secret" }),
    at,
    ip,
  );
  return patientForToken(handle.db, `Bearer ${token}`, at);
};

describe("patient app sessions", () => {
  it("give a bearer token kept only as a hash, refused once expired or signed out", async () => {
    await account("session@example.com", []);
    const { token, expiresAt } = await signInPatient(
      handle.db,
      patientSignInSchema.parse({ clinic: "devices-test", email: "Session@Example.com", password: "a long secret" }),
      now,
      ip,
    );
    expect(token).toMatch(/^cnp_/);
    expect(expiresAt.getTime() - now.getTime()).toBe(30 * 86400_000);
    const stored = await handle.db.select().from(patientSessions);
    expect(JSON.stringify(stored)).not.toContain(token);
    const ctx = await patientForToken(handle.db, `Bearer ${token}`, now);
    await expect(patientForToken(handle.db, `Bearer ${token}`, new Date(expiresAt.getTime() + 1000))).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining("expired"),
    });
    await revokePatientSession(ctx, now);
    await expect(patientForToken(handle.db, `Bearer ${token}`, now)).rejects.toMatchObject({ status: 401 });
    await expect(patientForToken(handle.db, null, now)).rejects.toMatchObject({ status: 401 });
  });

  it("answers a wrong password and an unknown account alike, and locks out repeated guesses", async () => {
    await account("guessed@example.com", []);
    const attempt = (email: string) =>
      signInPatient(handle.db, patientSignInSchema.parse({ clinic: "devices-test", email, password: "wrong" }), now, {
        ip: "198.51.100.9",
      });
    await expect(attempt("guessed@example.com")).rejects.toMatchObject({ status: 401, message: "The email or password is not right." });
    await expect(attempt("nobody@example.com")).rejects.toMatchObject({ status: 401, message: "The email or password is not right." });
    let last: unknown;
    for (let i = 0; i < 10; i++) last = await attempt("guessed@example.com").catch((e) => e);
    expect(last).toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number) });
  });
});

describe("registering the app's device", () => {
  it("covers every approved profile of the account, and a reopen refreshes the same row", async () => {
    const { profiles } = await account("household@example.com", [{ approved: true }, { approved: true }, { approved: false }]);
    const ctx = await signIn("household@example.com");
    const first = await registerDevice(
      ctx,
      { token: "fcm-token-household-000000001", platform: "ios", appVersion: "3.2.0", locale: "fr-FR", timeZone: "Europe/Paris" },
      now,
    );
    expect(first.profiles.map((p) => p.patientId).sort()).toEqual([profiles[0].id, profiles[1].id].sort());
    const later = new Date(now.getTime() + 3600_000);
    const again = await registerDevice(ctx, { token: "fcm-token-household-000000001", platform: "ios", appVersion: "3.3.0" }, later);
    expect(again.device.id).toBe(first.device.id);
    const rows = await handle.db.select().from(patientDevices).where(eq(patientDevices.token, "fcm-token-household-000000001"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ appVersion: "3.3.0", lastSeenAt: later, active: true });
  });

  it("is soft-unregistered (kept, never sent to), and registering again reactivates it", async () => {
    await account("unregister@example.com", [{ approved: true }]);
    const ctx = await signIn("unregister@example.com");
    await registerDevice(ctx, { token: "fcm-token-unregister-00000001", platform: "android" }, now);
    await unregisterDevice(ctx, "fcm-token-unregister-00000001", now);
    const [gone] = await handle.db.select().from(patientDevices).where(eq(patientDevices.token, "fcm-token-unregister-00000001"));
    expect(gone).toMatchObject({ active: false, deactivationReason: "unregistered by the app" });
    await expect(unregisterDevice(ctx, "fcm-token-of-someone-else-0001", now)).rejects.toMatchObject({ status: 404 });
    await registerDevice(ctx, { token: "fcm-token-unregister-00000001", platform: "android" }, now);
    const [back] = await handle.db.select().from(patientDevices).where(eq(patientDevices.token, "fcm-token-unregister-00000001"));
    expect(back).toMatchObject({ active: true, deactivatedAt: null });
  });

  it("leaves its old owner when the phone changes hands", async () => {
    const { user: first } = await account("first-owner@example.com", [{ approved: true }]);
    const { user: second } = await account("second-owner@example.com", [{ approved: true }]);
    await registerDevice(await signIn("first-owner@example.com"), { token: "fcm-token-handed-on-00000001", platform: "ios" }, now);
    const secondCtx = await signIn("second-owner@example.com");
    await registerDevice(secondCtx, { token: "fcm-token-handed-on-00000001", platform: "ios" }, now);
    const rows = await handle.db.select().from(patientDevices).where(eq(patientDevices.token, "fcm-token-handed-on-00000001"));
    expect(rows.map((r) => r.patientUserId)).toEqual([second.id]);
    expect(rows[0].patientUserId).not.toBe(first.id);
    // The first owner can no longer unregister it.
    await expect(unregisterDevice(await signIn("first-owner@example.com"), "fcm-token-handed-on-00000001", now)).rejects.toMatchObject({
      status: 404,
    });
  });
});
