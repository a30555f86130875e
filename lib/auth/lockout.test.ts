import { describe, expect, it } from "vitest";
import { isLocked, lockAfterFailure } from "./lockout";

const policy = { maxFailures: 5, lockMinutes: 15 };
const now = new Date("2026-03-01T10:00:00Z");

describe("sign-in lockout", () => {
  it("does not lock before the fifth wrong password", () => {
    expect(lockAfterFailure(4, now, policy)).toBeNull();
  });

  it("locks for fifteen minutes at the fifth, and again at every later failure", () => {
    expect(lockAfterFailure(5, now, policy)).toEqual(new Date("2026-03-01T10:15:00Z"));
    expect(lockAfterFailure(9, now, policy)).toEqual(new Date("2026-03-01T10:15:00Z"));
  });

  it("is locked until the lock time, and free from then on", () => {
    const until = new Date("2026-03-01T10:15:00Z");
    expect(isLocked(until, new Date("2026-03-01T10:14:59Z"))).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});
