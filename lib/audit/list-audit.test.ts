import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { makeClinic, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { auditQuerySchema, listAudit } from "./list-audit";
import { recordAudit } from "./record-audit";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("the audit viewer", () => {
  it("lists the clinic's changes newest first, by who, what and when, and never another clinic's", async () => {
    const clinic = await makeClinic(handle.db, { timeZone: "Europe/Paris" });
    const other = await makeClinic(handle.db);
    const admin = await staffContextFor(handle.db, clinic, "admin");
    const support = await staffContextFor(handle.db, clinic, "support");
    const stranger = await staffContextFor(handle.db, other, "admin");
    await recordAudit(
      handle.db,
      admin,
      { action: "notification_switch.changed", detail: { target: "agenda", switch: "sms", before: true, after: false } },
      new Date("2027-03-01T09:00:00Z"),
    );
    await recordAudit(
      handle.db,
      support,
      { action: "conversation.exported", conversationId: crypto.randomUUID() },
      new Date("2027-03-02T09:00:00Z"),
    );
    await recordAudit(handle.db, stranger, { action: "channel.updated", detail: { channel: "sms" } }, new Date("2027-03-02T10:00:00Z"));
    const ctx = { ...admin, clinic };
    const all = await listAudit(ctx, auditQuerySchema.parse({}));
    expect(all.entries.map((e) => e.action)).toEqual(["conversation.exported", "notification_switch.changed"]);
    expect((await listAudit(ctx, auditQuerySchema.parse({ kind: "settings" }))).entries.map((e) => e.staffName)).toEqual([
      admin.staff.name,
    ]);
    expect((await listAudit(ctx, auditQuerySchema.parse({ staff: support.staff.id }))).entries.map((e) => e.action)).toEqual([
      "conversation.exported",
    ]);
    expect((await listAudit(ctx, auditQuerySchema.parse({ from: "2027-03-02", to: "2027-03-02" }))).entries).toHaveLength(1);
    const paged = await listAudit(ctx, auditQuerySchema.parse({ limit: 1 }));
    expect((await listAudit(ctx, auditQuerySchema.parse({ limit: 1, cursor: paged.nextCursor }))).entries.map((e) => e.action)).toEqual([
      "notification_switch.changed",
    ]);
    expect(auditQuerySchema.safeParse({ kind: "gossip", from: "2027-02-30" }).success).toBe(false);
  });
});
