import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { staffNotifications, type Clinic } from "@/db/schema";
import { makeClinic, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { alertListSchema } from "./alert-input";
import { listMyAlerts, markAlert, markAllAlertsRead } from "./my-alerts";

let handle: DatabaseHandle;
let clinic: Clinic;
beforeAll(async () => {
  handle = await createTestDatabase();
  clinic = await makeClinic(handle.db);
});
afterAll(() => handle.close());

describe("a staff member's alerts", () => {
  it("are their own, newest first and paged, with the unread count; read, unread again, all read", async () => {
    const me = await staffContextFor(handle.db, clinic);
    const colleague = await staffContextFor(handle.db, clinic);
    const at = (minute: number) => new Date(Date.UTC(2027, 0, 5, 9, minute));
    const rows = await handle.db
      .insert(staffNotifications)
      .values([
        ...[1, 2, 3].map((m) => ({
          clinicId: clinic.id,
          staffUserId: me.staff.id,
          eventId: crypto.randomUUID(),
          type: "staff.cancellation",
          title: `Cancellation ${m}`,
          body: "…",
          createdAt: at(m),
        })),
        {
          clinicId: clinic.id,
          staffUserId: colleague.staff.id,
          eventId: crypto.randomUUID(),
          type: "staff.cancellation",
          title: "Not mine",
          body: "…",
          createdAt: at(4),
        },
      ])
      .returning();
    const first = await listMyAlerts(me, alertListSchema.parse({ limit: "2" }));
    expect(first.alerts.map((a) => a.title)).toEqual(["Cancellation 3", "Cancellation 2"]);
    expect(first.unread).toBe(3);
    const second = await listMyAlerts(me, alertListSchema.parse({ limit: "2", cursor: first.nextCursor }));
    expect(second.alerts.map((a) => a.title)).toEqual(["Cancellation 1"]);
    expect(second.nextCursor).toBeNull();

    await markAlert(me, rows[0].id, true, at(10));
    expect((await listMyAlerts(me, alertListSchema.parse({ unread: "true" }))).alerts.map((a) => a.title)).toEqual([
      "Cancellation 3",
      "Cancellation 2",
    ]);
    await markAlert(me, rows[0].id, false, at(11));
    expect((await listMyAlerts(me, alertListSchema.parse({}))).unread).toBe(3);
    // Another's alert is not found, and stays unread.
    await expect(markAlert(me, rows[3].id, true, at(12))).rejects.toMatchObject({ status: 404 });
    expect(await markAllAlertsRead(me, at(13))).toEqual({ marked: 3 });
    expect((await listMyAlerts(me, alertListSchema.parse({}))).unread).toBe(0);
    expect((await listMyAlerts(colleague, alertListSchema.parse({}))).unread).toBe(1);
  });
});
