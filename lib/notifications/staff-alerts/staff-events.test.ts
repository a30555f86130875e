import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStaff } from "@/lib/testing/factories";
import { deliveries, staffNotifications, staffPushSubscriptions } from "@/db/schema";
import { pipelineFixture, publish, type PipelineFixture } from "@/lib/testing/pipeline-fixture";

let f: PipelineFixture;
beforeAll(async () => {
  f = await pipelineFixture();
});
afterAll(() => f.close());

describe("staff alerts", () => {
  it("a lab result reaches the lab and the requesting doctor in-app, and their browsers without patient details", async () => {
    const lab = await makeStaff(f.db, f.clinic.id, "lab");
    const doctor = await makeStaff(f.db, f.clinic.id, "doctor");
    const otherDoctor = await makeStaff(f.db, f.clinic.id, "doctor");
    const subscription = f.sink.newWebPushSubscription();
    await f.db
      .insert(staffPushSubscriptions)
      .values({ clinicId: f.clinic.id, staffUserId: lab.id, endpoint: subscription.endpoint, ...subscription.keys });

    const { id } = await publish(f, {
      type: "staff.lab_result",
      data: { summary: "HbA1c result for Anne Roux: 6.1%", doctorId: doctor.id, link: "/patients/x" },
    });
    const inbox = await f.db.select().from(staffNotifications).where(eq(staffNotifications.eventId, id));
    expect(inbox.map((n) => n.staffUserId).sort()).toEqual([lab.id, doctor.id].sort());
    expect(inbox[0]).toMatchObject({ body: "HbA1c result for Anne Roux: 6.1%", link: "/patients/x" });
    expect(inbox.some((n) => n.staffUserId === otherDoctor.id)).toBe(false);

    const browser = f.sink.store.messages.find((m) => m.channel === "web_push");
    expect(browser).toMatchObject({ subject: "Lab result received", text: "Open Clinic Notify to see it." });
    expect(JSON.stringify(browser?.raw)).not.toContain("HbA1c");
    const pushes = await f.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.eventId, id), eq(deliveries.channel, "web_push")));
    expect(pushes.map((d) => [d.recipientId === lab.id ? "lab" : "doctor", d.status, d.skipReason]).sort()).toEqual([
      ["doctor", "skipped", "no_subscription"],
      ["lab", "sent", null],
    ]);
  });

  it("a browser subscription the push service has dropped (410) is deactivated with the reason", async () => {
    const reception = await makeStaff(f.db, f.clinic.id, "receptionist");
    const subscription = f.sink.newWebPushSubscription();
    await f.db
      .insert(staffPushSubscriptions)
      .values({ clinicId: f.clinic.id, staffUserId: reception.id, endpoint: subscription.endpoint, ...subscription.keys });
    f.sink.store.queueFaults("web_push", [{ status: 410, body: "Gone" }]);
    await publish(f, { type: "staff.session_request", data: { summary: "New request for tomorrow 10:00" } });
    const [stored] = await f.db.select().from(staffPushSubscriptions).where(eq(staffPushSubscriptions.endpoint, subscription.endpoint));
    expect(stored).toMatchObject({ active: false, deactivationReason: expect.stringContaining("410") });
  });

  it("an alert nobody is routed to is recorded as such", async () => {
    const { id } = await publish(f, { type: "staff.refund_processed", data: { summary: "Refund 25 €" } });
    const { events } = await import("@/db/schema");
    const [event] = await f.db.select().from(events).where(eq(events.id, id));
    expect(event.decisions).toEqual([
      { routing: "default", roles: ["finance"], namedDoctor: false, staffUserIds: [] },
      { reason: "no_recipient" },
    ]);
  });
});
