import { describe, expect, it } from "vitest";
import type { EventRow } from "@/db/schema";
import { storedEvent } from "./event-catalog";
import { eventTraceOf } from "./event-trace";

const row = (type: string, payload: Record<string, unknown>): EventRow => ({
  id: "00000000-0000-4000-8000-000000000001",
  clinicId: "00000000-0000-4000-8000-000000000002",
  eventKey: "k",
  type,
  payload,
  source: "api",
  status: "processing",
  attempts: 1,
  nextAttemptAt: new Date(),
  lockedUntil: null,
  lastError: null,
  decisions: null,
  receivedAt: new Date(),
  processedAt: null,
});

describe("an event read back by the pipeline", () => {
  it("has its payload typed by its type, with the catalogue's defaults", () => {
    const event = storedEvent(row("appointment.reminder", { appointmentId: "00000000-0000-4000-8000-000000000003" }));
    expect(event.type).toBe("appointment.reminder");
    if (event.type !== "appointment.reminder") throw new Error("narrowing");
    expect(event.payload).toMatchObject({ offset: "24h", pick: "all", stage: "first" });
  });

  it("fails loudly when the payload does not match its type, or the type is unknown", () => {
    expect(() => storedEvent(row("appointment.reminder", { appointmentId: "x", channels: ["fax"] }))).toThrow(
      /does not match the catalogue/,
    );
    expect(() => storedEvent(row("appointment.teleported", {}))).toThrow(/no event type appointment.teleported/);
  });
});

describe("an event's trace", () => {
  it("keeps the entries it understands and counts the rest", () => {
    const trace = eventTraceOf([
      { channel: "sms", send: false, reason: "sms_opted_out" },
      { heldForBackup: ["push"] },
      { channel: "carrier-pigeon", send: true },
    ]);
    expect(trace.entries).toEqual([{ channel: "sms", send: false, reason: "sms_opted_out" }, { heldForBackup: ["push"] }]);
    expect(trace.unreadable).toBe(1);
  });
});
