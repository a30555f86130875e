import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { eq } from "drizzle-orm";
import { events } from "@/db/schema";
import { storeEvents } from "@/lib/notifications/events/ingest-event";
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
    const confirmed = (id: string) => ({
      clinicId: clinic.id,
      source: "api" as const,
      event: { id, type: "appointment.confirmed" as const, data: { bookingReference: id } },
    });
    const [stalled, fresh, done] = await storeEvents(handle.db, [confirmed("stalled"), confirmed("fresh"), confirmed("done")]);
    await handle.db
      .update(events)
      .set({ nextAttemptAt: at("2027-01-01T10:00:00Z") })
      .where(eq(events.id, stalled.id));
    await handle.db
      .update(events)
      .set({ nextAttemptAt: at("2027-01-01T10:04:00Z") })
      .where(eq(events.id, fresh.id));
    await handle.db
      .update(events)
      .set({ status: "processed", nextAttemptAt: at("2027-01-01T09:00:00Z") })
      .where(eq(events.id, done.id));
    const published: string[] = [];
    const queue = {
      enqueue: async (id: string) => void published.push(id),
      enqueueMany: async (ids: readonly string[]) => void published.push(...ids),
    };
    expect(await requeueStalledEvents(handle.db, at("2027-01-01T10:06:00Z"), queue)).toBe(1);
    expect(published).toEqual([stalled.id]);
    expect(await requeueStalledEvents(handle.db, at("2027-01-01T10:08:00Z"), queue)).toBe(0);
    expect(await requeueStalledEvents(handle.db, at("2027-01-01T10:12:00Z"), queue)).toBe(2);
    expect(published.slice(1).sort()).toEqual([stalled.id, fresh.id].sort());
    expect(published).not.toContain(done.id);
  });
});
