import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { makeClinic, makeStaff } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { authenticateStaff } from "./authenticate-staff";
import { hashPassword } from "./password";

let handle: DatabaseHandle;
let passwordHash: string;
const policy = { maxFailures: 3, lockMinutes: 10 };
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute));

beforeAll(async () => {
  handle = await createTestDatabase();
  passwordHash = await hashPassword("correct horse");
});
afterAll(() => handle.close());

async function receptionist(overrides = {}) {
  const clinic = await makeClinic(handle.db);
  return makeStaff(handle.db, clinic.id, "receptionist", { passwordHash, ...overrides });
}

describe("staff sign-in", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const staff = await receptionist();
    const result = await authenticateStaff(handle.db, { email: staff.email.toUpperCase(), password: "correct horse" }, at(0), policy);
    expect(result).toMatchObject({ ok: true, staff: { id: staff.id, lastSignInAt: at(0) } });
  });

  it("refuses a wrong password, an unknown email and a deactivated account alike", async () => {
    const staff = await receptionist();
    const inactive = await receptionist({ active: false });
    for (const credentials of [
      { email: staff.email, password: "wrong" },
      { email: "nobody@example.test", password: "correct horse" },
      { email: inactive.email, password: "correct horse" },
      { email: "not an email", password: "x" },
    ]) {
      expect(await authenticateStaff(handle.db, credentials, at(0), policy)).toEqual({ ok: false, reason: "invalid_credentials" });
    }
  });

  it("locks the account after repeated failures, even against the right password, until the lock ends", async () => {
    const staff = await receptionist();
    const wrong = { email: staff.email, password: "guess" };
    expect((await authenticateStaff(handle.db, wrong, at(0), policy)).ok).toBe(false);
    expect((await authenticateStaff(handle.db, wrong, at(1), policy)).ok).toBe(false);
    expect(await authenticateStaff(handle.db, wrong, at(2), policy)).toMatchObject({ reason: "account_locked" });

    const right = { email: staff.email, password: "correct horse" };
    expect(await authenticateStaff(handle.db, right, at(5), policy)).toMatchObject({ ok: false, reason: "account_locked" });
    expect(await authenticateStaff(handle.db, right, at(12), policy)).toMatchObject({ ok: true });
    // A success resets the count: one more mistake does not lock again.
    expect(await authenticateStaff(handle.db, wrong, at(13), policy)).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("counts parallel wrong guesses exactly", async () => {
    const staff = await receptionist();
    const wrong = { email: staff.email, password: "guess" };
    const results = await Promise.all([0, 1, 2, 3].map(() => authenticateStaff(handle.db, wrong, at(0), policy)));
    expect(results.filter((r) => !r.ok && r.reason === "account_locked").length).toBeGreaterThanOrEqual(2);
  });
});
