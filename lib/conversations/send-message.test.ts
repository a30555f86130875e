import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makePatient, makeStaff } from "@/lib/testing/factories";
import { consentRecords, deliveries, messages, type StaffRole } from "@/db/schema";
import { loadStaffContext } from "@/lib/auth/staff-context";
import { processEvent } from "@/lib/notifications/events/process-event";
import { pipelineFixture, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { getThread } from "./get-thread";
import { receivePatientMessage } from "./receive-patient-message";
import { threadPageSchema } from "./schemas";
import { postMessage } from "./send-message";

let f: PipelineFixture;
beforeAll(async () => {
  f = await pipelineFixture();
});
afterAll(() => f.close());
beforeEach(() => f.sink.store.clear());

const staff = async (role: StaffRole, overrides = {}) =>
  (await loadStaffContext(f.db, (await makeStaff(f.db, f.clinic.id, role, overrides)).id))!;
const patient = (overrides = {}) =>
  makePatient(f.db, f.clinic.id, { phone: `+3361${Math.floor(1e6 + Math.random() * 8e6)}`, email: "p@example.com", ...overrides });
const now = () => new Date();

async function send(
  ctx: Awaited<ReturnType<typeof staff>>,
  target: Parameters<typeof postMessage>[1],
  input: Parameters<typeof postMessage>[2],
) {
  const result = await postMessage(ctx, target, input, now());
  if (result.event) await processEvent(f.deps, result.event.id);
  return result;
}

describe("writing to a patient from the hub", () => {
  it("a receptionist starts a conversation by SMS: it goes through the SMS provider and the timeline shows it sent", async () => {
    const reception = await staff("receptionist");
    const p = await patient();
    const { conversationId } = await send(reception, { patientId: p.id }, { channel: "sms", body: "Votre ordonnance est prête." });
    expect(f.sink.store.messages).toMatchObject([{ channel: "sms", to: p.phone, text: "Votre ordonnance est prête." }]);
    const thread = await getThread(reception, conversationId, threadPageSchema.parse({}));
    expect(thread.messages[0]).toMatchObject({
      direction: "outbound",
      channel: "sms",
      deliveryStatus: "sent",
      authorName: reception.staff.name,
    });
    expect(thread.conversation.status).toBe("replied");
  });

  it("a doctor may start a conversation only while none exists, and then continues it", async () => {
    const doctor = await staff("doctor");
    const fresh = await patient();
    const { conversationId } = await send(doctor, { patientId: fresh.id }, { channel: "portal", body: "Bonjour, voici vos consignes." });
    await expect(postMessage(doctor, { patientId: fresh.id }, { channel: "portal", body: "Encore" }, now())).rejects.toMatchObject({
      status: 403,
      code: "doctor_conversation_exists",
    });
    await expect(send(doctor, { conversationId }, { channel: "portal", body: "Suite" })).resolves.toMatchObject({ conversationId });
  });

  it("refuses staff without send_messages, and roles that may not start conversations", async () => {
    const muted = await staff("receptionist", { permissions: [] });
    const lab = await staff("lab", { permissions: ["send_messages"] });
    const p = await patient();
    await expect(postMessage(muted, { patientId: p.id }, { channel: "portal", body: "x" }, now())).rejects.toMatchObject({
      status: 403,
      code: "no_send_messages",
    });
    await expect(postMessage(lab, { patientId: p.id }, { channel: "portal", body: "x" }, now())).rejects.toMatchObject({
      status: 403,
      code: "role_cannot_start",
    });
  });

  it("portal messages never leave the platform", async () => {
    const reception = await staff("receptionist");
    const { message, event } = await send(
      reception,
      { patientId: (await patient()).id },
      { channel: "portal", body: "Compte rendu disponible" },
    );
    expect(event).toBeNull();
    expect(f.sink.store.messages).toEqual([]);
    expect(message.deliveryId).toBeNull();
  });

  it("refuses a channel the patient cannot receive, with the reason", async () => {
    const reception = await staff("receptionist");
    const stopped = await patient();
    await f.db
      .insert(consentRecords)
      .values({ clinicId: f.clinic.id, channel: "sms", address: stopped.phone!, state: "opted_out", source: "sms_keyword" });
    await expect(postMessage(reception, { patientId: stopped.id }, { channel: "sms", body: "x" }, now())).rejects.toMatchObject({
      status: 409,
      code: "channel_unavailable",
    });
    await expect(
      postMessage(reception, { patientId: (await patient({ email: null })).id }, { channel: "email", subject: "s", body: "x" }, now()),
    ).rejects.toMatchObject({ code: "channel_unavailable" });
  });

  it("answers a WhatsApp message with free text inside the 24-hour window", async () => {
    const reception = await staff("receptionist");
    const p = await patient();
    const { conversationId } = await receivePatientMessage(f.db, {
      clinicId: f.clinic.id,
      channel: "whatsapp",
      from: p.phone!,
      body: "Bonjour",
      externalId: `w-${p.id}`,
      at: now(),
    });
    await f.db
      .insert(consentRecords)
      .values({ clinicId: f.clinic.id, channel: "whatsapp", address: p.phone!, state: "opted_in", source: "test" });
    const { recordInbound } = await import("@/lib/notifications/inbound/record-inbound");
    await recordInbound(f.db, f.clinic.id, "whatsapp", p.phone!, now());
    const { message } = await send(reception, { conversationId }, { channel: "whatsapp", body: "Bonjour, c'est noté." });
    const [stored] = await f.db.select().from(messages).where(eq(messages.id, message.id));
    const [delivery] = await f.db.select().from(deliveries).where(eq(deliveries.id, stored.deliveryId!));
    expect(delivery).toMatchObject({ channel: "whatsapp", status: "sent" });
    expect(f.sink.store.messages).toMatchObject([{ channel: "whatsapp", text: "Bonjour, c'est noté." }]);
  });

  it("outside the 24-hour window sends an approved WhatsApp template in the patient's language, and refuses free text", async () => {
    const reception = await staff("receptionist");
    const p = await patient({ firstName: "Hugo", language: "fr" });
    await f.db
      .insert(consentRecords)
      .values({ clinicId: f.clinic.id, channel: "whatsapp", address: p.phone!, state: "opted_in", source: "test" });
    await expect(postMessage(reception, { patientId: p.id }, { channel: "whatsapp", body: "Bonjour" }, now())).rejects.toMatchObject({
      status: 409,
      code: "whatsapp_window_closed",
    });
    const { message } = await send(reception, { patientId: p.id }, { channel: "whatsapp", body: "", template: "clinic_please_call" });
    expect(message.body).toBe(
      `Bonjour Hugo, ${f.clinic.name} souhaite vous parler. Merci d'appeler le cabinet ou de répondre à ce message.`,
    );
    expect(f.sink.store.messages).toMatchObject([
      { channel: "whatsapp", to: p.phone, template: { name: "clinic_please_call", language: "fr", parameters: ["Hugo", f.clinic.name] } },
    ]);
  });
});
