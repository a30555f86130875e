import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Permission } from "@/lib/auth/permissions";
import { bookAppointment, deliveriesOf, pipelineFixture, publish, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { getDelivery } from "./get-delivery";

let f: PipelineFixture;
beforeAll(async () => {
  f = await pipelineFixture();
});
afterAll(() => f.close());

const as = (permissions: Permission[]) => ({ db: f.db, clinicId: f.clinic.id, permissions: new Set(permissions) });

describe("the delivery log's message", () => {
  it("is shown to staff who may read the patient's conversations; support sees the template and its variables' names only", async () => {
    const { appointment, patient } = await bookAppointment(
      f,
      { firstName: "Hélène", email: "helene@example.org", phone: null },
      { status: "cancelled" },
    );
    const email = (await deliveriesOf(f, (await publish(f, { type: "appointment.cancelled", data: { appointmentId: appointment.id } })).id))
      .email;

    const reception = await getDelivery(as(["view_deliveries", "send_messages"]), email.id);
    expect(reception.content).toMatchObject({ visible: true, body: expect.stringContaining("Hélène") });

    const support = await getDelivery(as(["view_deliveries"]), email.id);
    expect(support.content.visible).toBe(false);
    // Who it was for stays visible (support may see patients); what it said does not.
    expect(support.recipientName).toBe(`Hélène ${patient.lastName}`);
    expect(JSON.stringify(support)).not.toContain(email.body!.slice(0, 40));
    expect(JSON.stringify(support)).not.toContain(email.subject!);
    expect(support.delivery).not.toHaveProperty("body");
    expect(support.content).toMatchObject({ template: { variables: expect.arrayContaining(["patient.firstName"]) } });
  });
});
