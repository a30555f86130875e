import { describe, expect, it } from "vitest";
import { delayAfterFailures, retryAfterSeconds } from "./throttle";

const policy = { freeFailures: 5, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000 };

describe("sign-in throttling", () => {
  it("lets the first mistakes go, then doubles the wait up to a ceiling", () => {
    expect([0, 1, 4].map((n) => delayAfterFailures(n, policy))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => delayAfterFailures(n, policy))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(delayAfterFailures(40, policy)).toBe(15 * 60_000);
  });

  it("says how long is left, in whole seconds", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(retryAfterSeconds(new Date("2026-12-01T10:00:30.2Z"), now)).toBe(31);
    expect(retryAfterSeconds(now, now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBe(0);
  });
});
