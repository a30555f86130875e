import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { insertRecords } from "@/db/insert-records";
import { auditEvents, deliveries } from "@/db/schema";
import { storeEvent } from "@/lib/notifications/events/ingest-event";
import { makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { EXPORT_PAGE, exportDeliveries } from "./export-deliveries";
import { deliveryLogQuerySchema } from "./schemas";

const ROWS = 100_000;
let handle: DatabaseHandle;
let ctx: Awaited<ReturnType<typeof staffContextFor>> & { clinic: Awaited<ReturnType<typeof makeClinic>> };
beforeAll(async () => {
  handle = await createTestDatabase();
  const clinic = await makeClinic(handle.db);
  ctx = { ...(await staffContextFor(handle.db, clinic, "support")), clinic };
  const patient = await makePatient(handle.db, clinic.id, { firstName: "=HYPERLINK(1)", lastName: "Roux" });
  const event = await storeEvent(
    handle.db,
    clinic.id,
    { type: "walkin.token_called", data: { patientId: patient.id, tokenNumber: "A1", queueName: "Q", room: "1" } },
    "api",
  );
  const base = Date.now() - ROWS * 1000;
  await insertRecords(
    handle.db,
    deliveries,
    Array.from({ length: ROWS }, (_, i) => ({
      id: randomUUID(),
      clinicId: clinic.id,
      eventId: event.id,
      eventType: "walkin.token_called",
      audience: "patient" as const,
      recipientId: patient.id,
      channel: "push" as const,
      address: `token-${i}`,
      status: "sent" as const,
      attempts: 1,
      providerMessageId: `projects/x/messages/${i}`,
      createdAt: new Date(base + i * 1000),
      updatedAt: new Date(base + i * 1000),
    })),
  );
}, 300_000);
afterAll(() => handle.close());

describe("the delivery log's CSV export", () => {
  it("streams 100,000 deliveries a page at a time, fetching a page only when the reader has taken the last one", async () => {
    const pages: number[] = [];
    const stream = await exportDeliveries(ctx, deliveryLogQuerySchema.parse({}), new Date(), (n) => pages.push(n));
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    // A slow reader: after one chunk the export has fetched one page, perhaps one ahead, no more.
    const first = await reader.read();
    await new Promise((r) => setTimeout(r, 200));
    expect(pages.length).toBeLessThanOrEqual(2);
    let text = decoder.decode(first.value);
    expect(text.split("\n")[0]).toBe(
      "created_at,recipient,audience,event,channel,address,status,skip_reason,provider_message_id,provider_error_code,attempts,sent_at,delivered_at,read_at,failed_at,delivery_id",
    );
    // A cell that would be a formula in a spreadsheet is written as text.
    expect(text.split("\n")[1]).toContain("'=HYPERLINK(1) Roux");
    let lines = text.split("\n").length - 1;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text = decoder.decode(value);
      lines += text.split("\n").length - 1;
    }
    expect(lines).toBe(ROWS + 1);
    expect(Math.max(...pages)).toBeLessThanOrEqual(EXPORT_PAGE);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(ROWS);
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "deliveries.exported"));
    expect(audit).toMatchObject({ staffUserId: ctx.staff.id, detail: { filters: expect.any(Object) } });
  }, 300_000);
});
