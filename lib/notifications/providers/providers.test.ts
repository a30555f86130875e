import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSinkServer, type SinkServer } from "@/lib/local-sinks/sink-server";
import { createEmailProvider } from "./email-ses";
import { closePushApps, createPushProvider } from "./push-fcm";
import { createSmsProvider } from "./sms-twilio";
import { createTelegramProvider } from "./telegram";
import type { ChannelProvider, OutboundMessage } from "./types";
import { createWebPushProvider } from "./web-push";
import { createWhatsappProvider } from "./whatsapp-360dialog";

// Every adapter against a local server speaking its provider's protocol: success, a
// permanent error and a transient error, through the real SDKs where the provider has one.
let sink: SinkServer;
beforeAll(async () => {
  sink = await startSinkServer();
});
afterAll(async () => {
  await closePushApps();
  await sink.close();
});
beforeEach(() => sink.store.clear());

const message = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  deliveryId: "11111111-1111-4111-8111-111111111111",
  eventId: "22222222-2222-4222-8222-222222222222",
  eventType: "appointment.reminder",
  to: "+33612345678",
  language: "fr",
  subject: "Rappel",
  text: "Rappel de votre RDV demain à 09:30.",
  html: "<p>Rappel de votre RDV demain à 09:30.</p>",
  ...overrides,
});
const fault = (
  channel: Parameters<SinkServer["store"]["queueFaults"]>[0],
  status: number,
  body: unknown,
  headers?: Record<string, string>,
) => sink.store.queueFaults(channel, [{ status, body, headers }]);

const webPushKeys = { vapidPublicKey: "", vapidPrivateKey: "" };
beforeAll(async () => {
  const { default: webPush } = await import("web-push");
  const keys = webPush.generateVAPIDKeys();
  webPushKeys.vapidPublicKey = keys.publicKey;
  webPushKeys.vapidPrivateKey = keys.privateKey;
});

describe("WhatsApp (360dialog)", () => {
  const provider = () =>
    createWhatsappProvider({ apiKey: "k", baseUrl: sink.url, webhookSecret: "x".repeat(16), verifyToken: "y".repeat(16) });

  it("sends free text inside the window and returns the wamid", async () => {
    const result = await provider().send(message({ whatsapp: { mode: "text" } }));
    expect(result).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^wamid\./) });
    expect(sink.store.messages[0]).toMatchObject({ to: "+33612345678", text: "Rappel de votre RDV demain à 09:30." });
  });

  it("sends an approved template with its parameters outside the window", async () => {
    await provider().send(
      message({ whatsapp: { mode: "template", templateName: "appointment_reminder", parameters: ["Zoé", "dim. 29 mars"] } }),
    );
    expect(sink.store.messages[0].template).toEqual({ name: "appointment_reminder", language: "fr", parameters: ["Zoé", "dim. 29 mars"] });
  });

  it("fails at once on a permanent error, with the provider's code", async () => {
    fault("whatsapp", 400, { error: { code: 131026, message: "Message undeliverable" } });
    expect(await provider().send(message())).toMatchObject({ ok: false, kind: "permanent", code: "131026" });
  });

  it("reports rate limits and 5xx as transient, with Retry-After", async () => {
    fault("whatsapp", 429, { error: { code: 130429, message: "Rate limit hit" } }, { "retry-after": "2" });
    expect(await provider().send(message())).toMatchObject({ ok: false, kind: "transient", code: "130429", retryAfterMs: 2000 });
    fault("whatsapp", 502, {});
    expect(await provider().send(message())).toMatchObject({ ok: false, kind: "transient" });
  });
});

describe("SMS (Twilio-compatible)", () => {
  const provider = () => createSmsProvider({ accountSid: "AC123", authToken: "secret", from: "+33700000000", baseUrl: sink.url });

  it("sends and returns the message SID", async () => {
    expect(await provider().send(message())).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^SM/) });
    expect(sink.store.messages[0]).toMatchObject({ channel: "sms", to: "+33612345678", text: "Rappel de votre RDV demain à 09:30." });
  });

  it("fails permanently on an invalid number and marks it dead", async () => {
    fault("sms", 400, { code: 21211, message: "Invalid 'To' Phone Number", status: 400 });
    expect(await provider().send(message())).toMatchObject({ ok: false, kind: "permanent", code: "21211", deadAddress: true });
  });

  it("retries on 429 and 503", async () => {
    fault("sms", 429, { code: 20429, message: "Too Many Requests" }, { "retry-after": "1" });
    expect(await provider().send(message())).toMatchObject({ kind: "transient", retryAfterMs: 1000 });
    fault("sms", 503, { message: "unavailable" });
    expect(await provider().send(message())).toMatchObject({ kind: "transient" });
  });
});

describe("Telegram (Bot API)", () => {
  const provider = () => createTelegramProvider({ botToken: "123:abc", baseUrl: sink.url });

  it("sends to a chat", async () => {
    expect(await provider().send(message({ to: "987654" }))).toMatchObject({ ok: true, providerMessageId: "987654:1" });
  });

  it("treats a blocked bot as a dead chat, and 429 as transient with retry_after", async () => {
    fault("telegram", 403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect(await provider().send(message({ to: "1" }))).toMatchObject({ kind: "permanent", deadAddress: true });
    fault("telegram", 429, { ok: false, error_code: 429, description: "Too Many Requests", parameters: { retry_after: 3 } });
    expect(await provider().send(message({ to: "1" }))).toMatchObject({ kind: "transient", retryAfterMs: 3000 });
  });
});

describe("Email (AWS SES v2 SDK)", () => {
  const provider = () =>
    createEmailProvider({
      from: "Cabinet <no-reply@example.com>",
      region: "eu-west-1",
      accessKeyId: "AKID",
      secretAccessKey: "secret",
      endpoint: sink.url,
      snsTopicArn: "arn:aws:sns:eu-west-1:123456789012:ses-events",
    });

  it("sends text and HTML and returns the SES message id", async () => {
    expect(await provider().send(message({ to: "anne@example.com" }))).toMatchObject({
      ok: true,
      providerMessageId: expect.stringMatching(/^ses-/),
    });
    expect(sink.store.messages[0]).toMatchObject({
      to: "anne@example.com",
      subject: "Rappel",
      html: "<p>Rappel de votre RDV demain à 09:30.</p>",
    });
  });

  it("fails permanently when SES rejects the message", async () => {
    fault("email", 400, { message: "Email address is not verified." }, { "x-amzn-errortype": "MessageRejected" });
    expect(await provider().send(message({ to: "anne@example.com" }))).toMatchObject({ kind: "permanent", code: "MessageRejected" });
  });

  it("retries on throttling", async () => {
    fault("email", 429, { message: "Maximum sending rate exceeded." }, { "x-amzn-errortype": "TooManyRequestsException" });
    expect(await provider().send(message({ to: "anne@example.com" }))).toMatchObject({
      kind: "transient",
      code: "TooManyRequestsException",
    });
  });
});

describe("Mobile push (firebase-admin → FCM v1)", () => {
  let provider: ChannelProvider;
  beforeAll(() => {
    provider = createPushProvider({ projectId: "clinic-demo", accessToken: "local-token", baseUrl: sink.url });
  });

  it("sends title and body to the token and returns the FCM message name", async () => {
    expect(await provider.send(message({ to: "device-token-1" }))).toMatchObject({
      ok: true,
      providerMessageId: expect.stringMatching(/^projects\/clinic-demo\/messages\//),
    });
    expect(sink.store.messages[0]).toMatchObject({ to: "device-token-1", subject: "Rappel" });
  });

  it("reports an unregistered token as dead", async () => {
    fault("push", 404, {
      error: {
        code: 404,
        message: "Requested entity was not found.",
        status: "NOT_FOUND",
        details: [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode: "UNREGISTERED" }],
      },
    });
    expect(await provider.send(message({ to: "dead-token" }))).toMatchObject({
      kind: "permanent",
      code: "messaging/registration-token-not-registered",
      deadAddress: true,
    });
  });

  it("sends a batch over HTTP/2 (sendEach), one outcome per message, a dead token among them reported dead", async () => {
    fault("push", 404, {
      error: {
        code: 404,
        message: "Requested entity was not found.",
        status: "NOT_FOUND",
        details: [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode: "UNREGISTERED" }],
      },
    });
    const tokens = ["batch-token-1", "batch-token-2", "batch-token-3"];
    const outcomes = await provider.sendBatch!(tokens.map((to) => message({ to })));
    expect(outcomes).toHaveLength(3);
    const dead = outcomes.filter((o) => !o.ok);
    expect(dead).toEqual([
      expect.objectContaining({ kind: "permanent", code: "messaging/registration-token-not-registered", deadAddress: true }),
    ]);
    const sent = outcomes.filter((o) => o.ok).map((o) => (o as { providerMessageId: string }).providerMessageId);
    expect(new Set(sent).size).toBe(2);
    expect(sink.store.messages).toHaveLength(2);
    expect(sink.store.messages.every((m) => m.protocol === "HTTP/2.0" && m.subject === "Rappel")).toBe(true);
    expect(tokens.filter((t) => !sink.store.messages.some((m) => m.to === t))).toHaveLength(1);
  });

  it("reports an FCM internal error as transient", async () => {
    fault("push", 500, {
      error: {
        code: 500,
        message: "Internal error",
        status: "INTERNAL",
        details: [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode: "INTERNAL" }],
      },
    });
    expect(await provider.send(message({ to: "device-token-1" }))).toMatchObject({ kind: "transient", code: "messaging/internal-error" });
  });
});

describe("Staff browser push (web-push, VAPID)", () => {
  const provider = () => createWebPushProvider({ ...webPushKeys, subject: "mailto:ops@example.com" });

  it("encrypts the payload so only the subscribed browser can read it", async () => {
    const subscription = sink.newWebPushSubscription();
    const result = await provider().send(
      message({
        to: subscription.endpoint,
        webPushKeys: subscription.keys,
        subject: "New session request",
        text: "Open Clinic Notify to see it.",
      }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(sink.store.messages[0]).toMatchObject({
      channel: "web_push",
      subject: "New session request",
      text: "Open Clinic Notify to see it.",
    });
    expect((sink.store.messages[0].raw as { authorization: string }).authorization).toMatch(/^vapid t=/);
  });

  it("reports 410 Gone as a dead subscription, and 503 as transient", async () => {
    const subscription = sink.newWebPushSubscription();
    fault("web_push", 410, "gone");
    expect(await provider().send(message({ to: subscription.endpoint, webPushKeys: subscription.keys }))).toMatchObject({
      kind: "permanent",
      code: "410",
      deadAddress: true,
    });
    fault("web_push", 503, "busy");
    expect(await provider().send(message({ to: subscription.endpoint, webPushKeys: subscription.keys }))).toMatchObject({
      kind: "transient",
      code: "503",
    });
  });
});
