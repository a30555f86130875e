import { describe, expect, it } from "vitest";
import { clockLabels, clockStyle } from "./clock-labels";

const newYork = (at: Date, withZone: boolean) =>
  new Intl.DateTimeFormat("en-US", { ...clockStyle(withZone), timeZone: "America/New_York" }).format(at).replace(/\u202f/g, " ");

describe("clock labels", () => {
  it("tells apart the two 1:30 AM of New York's fall-back night, and leaves the other slots short", () => {
    // 2026-11-01: clocks go back from 2:00 EDT to 1:00 EST.
    const slots = ["05:00", "05:30", "06:30", "07:30"].map((t) => new Date(`2026-11-01T${t}:00Z`));
    expect(clockLabels(slots, newYork)).toEqual(["1:00 AM", "1:30 AM EDT", "1:30 AM EST", "2:30 AM"]);
  });

  it("changes nothing on an ordinary day", () => {
    const slots = ["14:00", "14:30"].map((t) => new Date(`2026-11-03T${t}:00Z`));
    expect(clockLabels(slots, newYork)).toEqual(["9:00 AM", "9:30 AM"]);
  });
});
