import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { events } from "@/db/schema";
import { makeClinic } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { requeueStalledEvents } from "./requeue-stalled";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("events whose publish failed", () => {
  it("are published again after five minutes, then given five more", async () => {
    const clinic = await makeClinic(handle.db);
    const at = (iso: string) => new Date(iso);
    const [stalled, fresh, done] = await handle.db
      .insert(events)
      .values([
        { clinicId: clinic.id, eventKey: "stalled", type: "appointment.confirmed", payload: {}, source: "api", nextAttemptAt: at("2027-01-01T10:00:00Z") },
        { clinicId: clinic.id, eventKey: "fresh", type: "appointment.confirmed", payload: {}, source: "api", nextAttemptAt: at("2027-01-01T10:04:00Z") },
        { clinicId: clinic.id, eventKey: "done", type: "appointment.confirmed", payload: {}, source: "api", status: "processed", nextAttemptAt: at("2027-01-01T09:00:00Z") },
      ])
      .returning();
    const published: string[] = [];
    const queue = { enqueue: async (id: string) => void published.push(id), enqueueMany: async (ids: readonly string[]) => void published.push(...ids) };
    expect(await requeueStalledEvents(handle.db, at("2027-01-01T10:06:00Z"), queue)).toBe(1);
    expect(published).toEqual([stalled.id]);
    expect(await requeueStalledEvents(handle.db, at("2027-01-01T10:08:00Z"), queue)).toBe(0);
    expect(await requeueStalledEvents(handle.db, at("2027-01-01T10:12:00Z"), queue)).toBe(2);
    expect(published.slice(1).sort()).toEqual([stalled.id, fresh.id].sort());
    expect(published).not.toContain(done.id);
  });
});
