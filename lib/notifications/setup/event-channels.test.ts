import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { staffContextFor } from "@/lib/testing/factories";
import { bookAppointment, deliveriesOf, pipelineFixture, publish, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { eventChannelsSchema, listEventChannels, saveEventChannels } from "./event-channels";

let f: PipelineFixture;
let admin: Awaited<ReturnType<typeof staffContextFor>>;
beforeAll(async () => {
  f = await pipelineFixture();
  admin = await staffContextFor(f.db, f.clinic, "admin");
});
afterAll(() => f.close());

describe("event channels", () => {
  it("a clinic's choice for an event is audited and used by the next event", async () => {
    await saveEventChannels(admin, eventChannelsSchema.parse({ eventType: "appointment.cancelled", channels: ["email"] }), new Date());
    const [entry] = await f.db.select().from(auditEvents).where(eq(auditEvents.action, "event_channels.saved"));
    expect(entry.detail).toEqual({ eventType: "appointment.cancelled", before: ["whatsapp", "email", "sms"], after: ["email"] });
    expect((await listEventChannels(admin)).events.find((e) => e.eventType === "appointment.cancelled")).toMatchObject({
      channels: ["email"],
      isDefault: false,
    });

    const { appointment } = await bookAppointment(f, {}, { status: "cancelled" });
    const { id } = await publish(f, { type: "appointment.cancelled", data: { appointmentId: appointment.id } });
    const rows = await deliveriesOf(f, id);
    expect(rows.email.status).toBe("sent");
    // Channels the event does not use make no row (the event's decisions say why).
    expect(Object.keys(rows)).toEqual(["email"]);
  });

  it("refuses an unknown event, an unknown channel or one twice, naming them", () => {
    const parsed = eventChannelsSchema.safeParse({ eventType: "appointment.teleported", channels: ["sms", "sms", "pigeon"] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["eventType", "channels.2"]));
  });
});
