import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { reloadEnv } from "@/lib/config/env";
import { makeClinic, makeStaff } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { authenticateStaff } from "./authenticate-staff";
import { hashPassword } from "./password";

let handle: DatabaseHandle;
let passwordHash: string;
const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 2, 1, 9, minute, second));
const desk = { ip: "203.0.113.10" };
const stranger = { ip: "198.51.100.66" };

beforeAll(async () => {
  // Three free mistakes per account and address, then 30 s doubling, at most 10 minutes.
  process.env.SIGN_IN_MAX_FAILURES = "3";
  process.env.SIGN_IN_LOCK_MINUTES = "10";
  reloadEnv();
  handle = await createTestDatabase();
  passwordHash = await hashPassword("correct horse");
});
afterAll(async () => {
  delete process.env.SIGN_IN_MAX_FAILURES;
  delete process.env.SIGN_IN_LOCK_MINUTES;
  reloadEnv();
  await handle.close();
});

async function receptionist(overrides = {}) {
  const clinic = await makeClinic(handle.db);
  return makeStaff(handle.db, clinic.id, "receptionist", { passwordHash, ...overrides });
}

describe("staff sign-in", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const staff = await receptionist();
    const result = await authenticateStaff(handle.db, { email: staff.email.toUpperCase(), password: "correct horse" }, at(0), desk);
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
      expect(await authenticateStaff(handle.db, credentials, at(0), { ip: "192.0.2.1" })).toEqual({
        ok: false,
        reason: "invalid_credentials",
      });
    }
  });

  it("after repeated failures makes the guesser wait, doubling each time, even with the right password", async () => {
    const staff = await receptionist();
    const wrong = { email: staff.email, password: "guess" };
    expect(await authenticateStaff(handle.db, wrong, at(0), desk)).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await authenticateStaff(handle.db, wrong, at(0, 10), desk)).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await authenticateStaff(handle.db, wrong, at(0, 20), desk)).toEqual({
      ok: false,
      reason: "too_many_attempts",
      retryAfterSeconds: 30,
    });
    const right = { email: staff.email, password: "correct horse" };
    expect(await authenticateStaff(handle.db, right, at(0, 40), desk)).toEqual({
      ok: false,
      reason: "too_many_attempts",
      retryAfterSeconds: 10,
    });
    // The wait ends; a further mistake doubles it.
    expect(await authenticateStaff(handle.db, wrong, at(1), desk)).toEqual({
      ok: false,
      reason: "too_many_attempts",
      retryAfterSeconds: 60,
    });
    expect(await authenticateStaff(handle.db, right, at(2, 1), desk)).toMatchObject({ ok: true });
    // A success clears the account's count: one more mistake is only a mistake.
    expect(await authenticateStaff(handle.db, wrong, at(3), desk)).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("a stranger guessing from elsewhere never locks the staff member out at their own desk", async () => {
    const staff = await receptionist();
    const wrong = { email: staff.email, password: "guess" };
    for (let i = 0; i < 8; i++) await authenticateStaff(handle.db, wrong, at(10, i), stranger);
    expect(await authenticateStaff(handle.db, wrong, at(10, 30), stranger)).toMatchObject({ reason: "too_many_attempts" });
    expect(await authenticateStaff(handle.db, { email: staff.email, password: "correct horse" }, at(10, 31), desk)).toMatchObject({
      ok: true,
    });
  });

  it("an unknown email is throttled exactly like a known one", async () => {
    const staff = await receptionist();
    const answers = async (email: string, ip: string) => {
      const out = [];
      for (let i = 0; i < 4; i++) out.push(await authenticateStaff(handle.db, { email, password: "guess" }, at(20, i), { ip }));
      return out;
    };
    expect(await answers("nobody-here@example.test", "192.0.2.7")).toEqual(await answers(staff.email, "192.0.2.8"));
  });

  it("one address guessing across many accounts is slowed too", async () => {
    const ip = "192.0.2.99";
    const results = [];
    for (let i = 0; i < 13; i++)
      results.push(await authenticateStaff(handle.db, { email: `walker-${i}@example.test`, password: "guess" }, at(30, i), { ip }));
    expect(results.at(-1)).toMatchObject({ reason: "too_many_attempts" });
  });

  it("counts parallel wrong guesses exactly", async () => {
    const staff = await receptionist();
    const wrong = { email: staff.email, password: "guess" };
    const results = await Promise.all([0, 1, 2, 3].map(() => authenticateStaff(handle.db, wrong, at(40), { ip: "192.0.2.50" })));
    expect(results.filter((r) => !r.ok && r.reason === "too_many_attempts").length).toBeGreaterThanOrEqual(2);
  });
});
