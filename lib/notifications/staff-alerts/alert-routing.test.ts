import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries, events, staffNotifications, staffPushSubscriptions } from "@/db/schema";
import { parseInput } from "@/lib/errors/parse-input";
import { makeStaff, staffContextFor } from "@/lib/testing/factories";
import { pipelineFixture, publish, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { alertPreferencesSchema, alertRouteSchema } from "./alert-routing-input";
import { listAlertRoutes, listMyAlertPreferences, saveAlertRoute, saveMyAlertPreferences } from "./alert-routing";

let f: PipelineFixture;
beforeAll(async () => {
  f = await pipelineFixture();
});
afterAll(() => f.close());

describe("alert routing rules and each one's preferences", () => {
  it("route an alert type to roles and named staff, and each recipient's choice gates each channel, both recorded", async () => {
    const admin = await staffContextFor(f.db, f.clinic, "admin");
    const billing = await makeStaff(f.db, f.clinic.id, "billing");
    const nurse = await makeStaff(f.db, f.clinic.id, "receptionist");
    // Low stock goes to admins by default; this clinic sends it to billing and to one receptionist.
    expect((await listAlertRoutes(admin)).routes.find((r) => r.type === "staff.low_stock")).toMatchObject({
      roles: ["admin"],
      custom: false,
    });
    await saveAlertRoute(
      admin,
      parseInput(
        alertRouteSchema,
        { type: "staff.low_stock", roles: ["billing"], namedDoctor: false, staffUserIds: [nurse.id] },
        "routing",
      ),
      new Date(),
    );
    // The receptionist wants it in the app only, not in her browser.
    const subscription = f.sink.newWebPushSubscription();
    await f.db
      .insert(staffPushSubscriptions)
      .values({ clinicId: f.clinic.id, staffUserId: nurse.id, endpoint: subscription.endpoint, ...subscription.keys });
    const nurseCtx = { db: f.db, clinicId: f.clinic.id, staff: { id: nurse.id, name: nurse.name, email: nurse.email, role: nurse.role } };
    await saveMyAlertPreferences(
      nurseCtx,
      parseInput(alertPreferencesSchema, { preferences: [{ type: "staff.low_stock", inApp: true, webPush: false }] }, "preferences"),
      new Date(),
    );
    expect((await listMyAlertPreferences(nurseCtx)).preferences.find((p) => p.type === "staff.low_stock")).toEqual({
      type: "staff.low_stock",
      inApp: true,
      webPush: false,
    });

    const { id } = await publish(f, { type: "staff.low_stock", data: { summary: "Gloves: 2 boxes left" } });
    const told = await f.db.select().from(staffNotifications).where(eq(staffNotifications.eventId, id));
    expect(told.map((n) => n.staffUserId).sort()).toEqual([billing.id, nurse.id].sort());
    expect(told.some((n) => n.staffUserId === admin.staff.id)).toBe(false);
    const [push] = await f.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.eventId, id), eq(deliveries.recipientId, nurse.id), eq(deliveries.channel, "web_push")));
    expect(push).toMatchObject({ status: "skipped", skipReason: "staff_preference_off" });
    const [event] = await f.db.select().from(events).where(eq(events.id, id));
    expect(event.decisions).toContainEqual({ routing: "clinic_rule", roles: ["billing"], namedDoctor: false, staffUserIds: [nurse.id] });
  });

  it("refuses staff of another clinic, and an unknown type or role, naming the field", async () => {
    const admin = await staffContextFor(f.db, f.clinic, "admin");
    await expect(
      saveAlertRoute(
        admin,
        { type: "staff.low_stock", roles: [], namedDoctor: false, staffUserIds: ["00000000-0000-4000-8000-000000000001"] },
        new Date(),
      ),
    ).rejects.toMatchObject({
      status: 400,
      fields: { staffUserIds: ["names someone who is not on this clinic's staff"] },
    });
    expect(() => parseInput(alertRouteSchema, { type: "staff.party", roles: ["janitor"], namedDoctor: true }, "routing")).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ type: expect.any(Array), "roles.0": expect.any(Array) }) }),
    );
  });
});
