import { describe, expect, it } from "vitest";
import { deliveryStatusEnum } from "@/db/schema";
import { retryDelayMs } from "./retry-policy";
import { canMoveTo } from "./status-order";

describe("delivery statuses only move forward", () => {
  it("goes sent → delivered → read, never back", () => {
    expect(canMoveTo("sent", "delivered")).toBe(true);
    expect(canMoveTo("delivered", "read")).toBe(true);
    expect(canMoveTo("delivered", "sent")).toBe(false);
    expect(canMoveTo("read", "delivered")).toBe(false);
    expect(canMoveTo("sent", "sent")).toBe(false);
  });

  it("lets a sent message bounce or fail later, and nothing leaves a terminal status", () => {
    expect(canMoveTo("sent", "bounced")).toBe(true);
    expect(canMoveTo("delivered", "failed")).toBe(true);
    for (const from of ["failed", "bounced", "skipped"] as const) {
      for (const to of deliveryStatusEnum.enumValues) expect(canMoveTo(from, to)).toBe(false);
    }
  });
});

describe("retry delays", () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
  it("grow exponentially under a jittered ceiling", () => {
    expect(retryDelayMs(1, policy, 0.999)).toBe(99);
    expect(retryDelayMs(3, policy, 0.999)).toBe(399);
    expect(retryDelayMs(10, policy, 0.999)).toBe(999);
    expect(retryDelayMs(3, policy, 0)).toBe(0);
  });
  it("wait at least as long as the provider's Retry-After, within the cap", () => {
    expect(retryDelayMs(1, policy, 0, 700)).toBe(700);
    expect(retryDelayMs(1, policy, 0, 60_000)).toBe(1000);
  });
});
