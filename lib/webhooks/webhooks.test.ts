import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { generate } from "selfsigned";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appointments, attachments, consentRecords, conversations, deliveries, lastInbound, messages, poisonWebhooks } from "@/db/schema";
import { patientKeyword } from "@/lib/conversations/keywords";
import { localSnsTopicArn } from "@/lib/notifications/setup/local-sns-topic";
import { pointChannelsAtLocalSinks } from "@/lib/notifications/setup/local-sink-channels";
import { makeClinic } from "@/lib/testing/factories";
import { signedWebhooks } from "@/lib/testing/signed-webhooks";
import { webhookSecretsOf, type ClinicWebhookSecrets } from "@/lib/testing/webhook-secrets";
import { bookAppointment, deliveriesOf, pipelineFixture, publish, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { sesWebhook } from "./ses";
import { hubSignature } from "./signatures";
import { SNS_CERT_URL_PATTERN, signSnsMessage, verifySnsMessage } from "./sns";
import { receiveWebhook } from "./webhook-route";
import { whatsappHandshake, whatsappWebhook } from "./whatsapp";

let f: PipelineFixture;
let secrets: ClinicWebhookSecrets;
beforeAll(async () => {
  f = await pipelineFixture();
  secrets = await webhookSecretsOf(f.db, f.clinic.id);
});
afterAll(() => f.close());
beforeEach(() => f.sink.store.clear());

let hooks: ReturnType<typeof signedWebhooks>;
beforeAll(() => {
  hooks = signedWebhooks({ db: f.db, clinicId: f.clinic.id, secrets });
});
const request = (...args: Parameters<typeof hooks.request>) => hooks.request(...args);

const cancelled = (appointmentId: string) => ({ type: "appointment.cancelled" as const, data: { appointmentId } });
const seconds = (d: Date) => String(Math.floor(d.getTime() / 1000));

describe("WhatsApp webhook", () => {
  const post = (payload: unknown, sign = true, tamper = false) =>
    hooks.whatsapp(payload, { sign, tamper: tamper ? (raw: string) => raw.replace("delivered", "read") : undefined });
  const statusPayload = (id: string, status: string, at: Date, callback?: string) => ({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "waba",
        changes: [
          {
            field: "messages",
            value: { statuses: [{ id, status, timestamp: seconds(at), recipient_id: "33612345678", biz_opaque_callback_data: callback }] },
          },
        ],
      },
    ],
  });

  async function sentWhatsapp() {
    const { appointment, patient } = await bookAppointment(
      f,
      {
        phone: `+3361${Math.floor(Math.random() * 1e7)
          .toString()
          .padStart(7, "0")}`,
      },
      { status: "cancelled" },
    );
    await f.db
      .insert(consentRecords)
      .values({ clinicId: f.clinic.id, channel: "whatsapp", address: patient.phone!, state: "opted_in", source: "test" });
    const rows = await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id);
    return rows.whatsapp;
  }

  it("refuses unsigned and tampered requests with 401", async () => {
    const delivery = await sentWhatsapp();
    expect((await post(statusPayload(delivery.providerMessageId!, "delivered", new Date()), false)).status).toBe(401);
    expect((await post(statusPayload(delivery.providerMessageId!, "delivered", new Date()), true, true)).status).toBe(401);
    const [row] = await f.db.select().from(deliveries).where(eq(deliveries.id, delivery.id));
    expect(row.status).toBe("sent");
  });

  it("moves a delivery forward only, whatever order receipts arrive in, and ignores repeats", async () => {
    const delivery = await sentWhatsapp();
    const wamid = delivery.providerMessageId!;
    const t = (s: number) => new Date(Date.now() + s * 1000);
    expect((await post(statusPayload(wamid, "read", t(3)))).body).toMatchObject({ outcomes: ["applied"] });
    expect((await post(statusPayload(wamid, "delivered", t(2)))).body).toMatchObject({ outcomes: ["not_forward"] });
    expect((await post(statusPayload(wamid, "sent", t(1)))).body).toMatchObject({ outcomes: ["not_forward"] });
    expect((await post(statusPayload(wamid, "read", t(3)))).body).toMatchObject({ outcomes: ["duplicate"] });
    const [row] = await f.db.select().from(deliveries).where(eq(deliveries.id, delivery.id));
    expect(row.status).toBe("read");
  });

  it("finds the delivery by our reference when the wamid was never recorded", async () => {
    const delivery = await sentWhatsapp();
    const result = await post(statusPayload("wamid.unknown-to-us", "delivered", new Date(), delivery.id));
    expect(result.body).toMatchObject({ outcomes: ["applied"] });
  });

  it("keeps a signed payload of the wrong shape once as poison, naming the field, and answers 200 so Meta stops retrying", async () => {
    const payload = { entry: [{ changes: [{ value: { statuses: [{ id: "x" }] } }] }] };
    const result = await post(payload);
    expect(result.status).toBe(200);
    expect(Object.keys((result.body as { problems: object }).problems)).toContain("entry.0.changes.0.value.statuses.0.status");
    expect((await post(payload)).body).toMatchObject({ outcome: "poison", recorded: false });
    const kept = await f.db.select().from(poisonWebhooks).where(eq(poisonWebhooks.clinicId, f.clinic.id));
    expect(kept.filter((p) => p.provider === "whatsapp" && p.problems["entry.0.changes.0.value.statuses.0.status"])).toHaveLength(1);
  });

  it("a timestamp of 1e20 or a NUL in a message is poison, not a 500, and nothing of it is filed", async () => {
    const message = (timestamp: string, body: string) => ({
      entry: [
        {
          changes: [{ value: { messages: [{ from: "33645454545", id: `wamid.${timestamp}`, timestamp, type: "text", text: { body } }] } }],
        },
      ],
    });
    const huge = await post(message("100000000000000000000", "Bonjour"));
    expect(huge).toMatchObject({
      status: 200,
      body: { outcome: "poison", problems: { "entry.0.changes.0.value.messages.0.timestamp": ["must be Unix seconds"] } },
    });
    const nul = await post(message(seconds(new Date()), "Bon\u0000jour"));
    expect(nul).toMatchObject({
      status: 200,
      body: {
        outcome: "poison",
        problems: { "entry.0.changes.0.value.messages.0.text.body": ["must not contain NUL (\\u0000) characters"] },
      },
    });
    expect(await f.db.select().from(messages).where(eq(messages.externalId, "wamid.100000000000000000000"))).toEqual([]);
  });

  it("an incoming message opens the 24-hour window: the next notification goes as free text without opt-in", async () => {
    const { appointment, patient } = await bookAppointment(f, { phone: "+33644444444" }, { status: "cancelled" });
    const inbound = {
      entry: [
        {
          changes: [
            {
              value: {
                messages: [
                  { from: "33644444444", id: "wamid.in1", timestamp: seconds(new Date()), type: "text", text: { body: "Bonjour" } },
                ],
              },
            },
          ],
        },
      ],
    };
    expect((await post(inbound)).status).toBe(200);
    const [window] = await f.db
      .select()
      .from(lastInbound)
      .where(and(eq(lastInbound.clinicId, f.clinic.id), eq(lastInbound.address, patient.phone!)));
    expect(window.channel).toBe("whatsapp");
    const [conversation] = await f.db.select().from(conversations).where(eq(conversations.patientId, patient.id));
    const thread = await f.db.select().from(messages).where(eq(messages.conversationId, conversation.id));
    expect(thread.map((m) => [m.direction, m.channel, m.body])).toEqual([["inbound", "whatsapp", "Bonjour"]]);
    const rows = await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id);
    expect(rows.whatsapp.status).toBe("sent");
    expect(f.sink.store.messages.find((m) => m.channel === "whatsapp")?.text).toContain("annulé");
  });
});

describe("webhook secrets", () => {
  it("are each clinic's own: a payload signed for one clinic is refused at another's URL", async () => {
    const other = await makeClinic(f.db, { name: "Cabinet Voisin", country: "FR", timeZone: "Europe/Paris" });
    await pointChannelsAtLocalSinks(f.db, other, f.sink.url, "http://localhost:3000");
    const otherSecrets = await webhookSecretsOf(f.db, other.id);
    expect(otherSecrets.whatsapp).not.toBe(secrets.whatsapp);
    expect(otherSecrets.smsAuthToken).not.toBe(secrets.smsAuthToken);
    const raw = JSON.stringify({ entry: [] });
    const atOther = { ...request(raw, { "x-hub-signature-256": hubSignature(secrets.whatsapp, raw) }), clinicId: other.id };
    expect((await receiveWebhook(whatsappWebhook, atOther)).status).toBe(401);
  });

  it("the WhatsApp handshake answers its own verify token, never the signing secret", async () => {
    const query = (token: string) =>
      new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "1158201444" });
    expect(await whatsappHandshake(f.db, f.clinic.id, query(secrets.whatsappVerifyToken))).toMatchObject({
      status: 200,
      body: "1158201444",
    });
    expect((await whatsappHandshake(f.db, f.clinic.id, query(secrets.whatsapp))).status).toBe(403);
  });
});

describe("SMS webhook", () => {
  const post = (params: Record<string, string>, sign = true) => hooks.sms(params, { sign });

  it("STOP blocks further SMS to the number, without cancelling anything; START re-subscribes", async () => {
    const { appointment } = await bookAppointment(f, { phone: "+33655555555", email: null }, { status: "cancelled" });
    const stop = await post({ MessageSid: "SMin1", From: "+33655555555", To: "+33700000000", Body: " Stop " });
    expect(stop).toMatchObject({ status: 200, contentType: "text/xml" });
    const skipped = await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id);
    expect(skipped.sms.skipReason).toBe("sms_opted_out");
    const [stillCancelled] = await f.db.select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(stillCancelled.status).toBe("cancelled");
    const landed = await f.db.select({ body: messages.body }).from(messages).where(eq(messages.externalId, "SMin1"));
    expect(landed).toEqual([{ body: " Stop " }]);

    await post({ MessageSid: "SMin2", From: "+33655555555", To: "+33700000000", Body: "START" });
    const { appointment: next } = await bookAppointment(f, { phone: "+33655555555", email: null }, { status: "cancelled" });
    expect((await deliveriesOf(f, (await publish(f, cancelled(next.id))).id)).sms.status).toBe("sent");
    const history = await f.db.select().from(consentRecords).where(eq(consentRecords.address, "+33655555555"));
    expect(history.map((h) => [h.state, h.source])).toEqual([
      ["opted_out", "sms_keyword"],
      ["opted_in", "sms_keyword"],
    ]);
  });

  it("a replayed STOP (same MessageSid) does not undo a later START", async () => {
    const stop = { MessageSid: "SMreplay1", From: "+33657575757", To: "+33700000000", Body: "STOP" };
    await post(stop);
    await post({ MessageSid: "SMreplay2", From: "+33657575757", To: "+33700000000", Body: "START" });
    expect((await post(stop)).status).toBe(200);
    const history = await f.db.select().from(consentRecords).where(eq(consentRecords.address, "+33657575757"));
    expect(history.map((h) => h.state)).toEqual(["opted_out", "opted_in"]);
    const { appointment } = await bookAppointment(f, { phone: "+33657575757", email: null }, { status: "cancelled" });
    expect((await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id)).sms.status).toBe("sent");
  });

  it("HELP gets a reply", async () => {
    const result = await post({ MessageSid: "SMin3", From: "+33666666666", To: "+33700000000", Body: "help" });
    expect(result.body).toContain("<Message>");
    expect(result.body).toContain("STOP");
  });

  it("status callbacks move the delivery forward, and a bad signature is refused", async () => {
    const { appointment } = await bookAppointment(f, { email: null }, { status: "cancelled" });
    const sms = (await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id)).sms;
    expect((await post({ MessageSid: sms.providerMessageId!, MessageStatus: "delivered" }, false)).status).toBe(401);
    await post({ MessageSid: sms.providerMessageId!, MessageStatus: "delivered" });
    await post({ MessageSid: sms.providerMessageId!, MessageStatus: "sent" });
    const [row] = await f.db.select().from(deliveries).where(eq(deliveries.id, sms.id));
    expect(row.status).toBe("delivered");
  });

  it("recognises the compliance keywords, and only as the whole message", () => {
    expect(["STOP", "stop", "Arrêt", "STOPALL", "unsubscribe", "Cancel.", "end", "quit"].map(patientKeyword)).toEqual(
      Array(8).fill("stop"),
    );
    expect(["START", "unstop"].map(patientKeyword)).toEqual(["start", "start"]);
    expect(patientKeyword("Please stop calling me")).toBeNull();
    expect(patientKeyword("cancel my appointment")).toBeNull();
  });
});

describe("SES webhook (SNS)", () => {
  let certServer: http.Server;
  let certUrl = "";
  let privateKey = "";
  const pattern = /^http:\/\/127\.0\.0\.1:\d+\//;

  beforeAll(async () => {
    const pems = await generate([{ name: "commonName", value: "sns.test" }], { keySize: 2048 });
    privateKey = pems.private;
    certServer = http.createServer((_req, res) => res.end(pems.cert));
    await new Promise<void>((r) => certServer.listen(0, "127.0.0.1", () => r()));
    certUrl = `http://127.0.0.1:${(certServer.address() as AddressInfo).port}/SimpleNotificationService.pem`;
  });
  afterAll(() => new Promise<void>((r) => certServer.close(() => r())));

  const notification = (message: unknown, timestamp = new Date(), topicArn = localSnsTopicArn(f.clinic.slug)) =>
    signSnsMessage(
      {
        Type: "Notification",
        MessageId: crypto.randomUUID(),
        TopicArn: topicArn,
        Message: JSON.stringify(message),
        Timestamp: timestamp.toISOString(),
        SignatureVersion: "2",
        SigningCertURL: certUrl,
      },
      privateKey,
    );
  const post = (body: unknown) => receiveWebhook(sesWebhook({ certUrlPattern: pattern }), request(JSON.stringify(body)));

  async function sentEmail(email: string) {
    const { appointment } = await bookAppointment(f, { email, phone: null }, { status: "cancelled" });
    return (await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id)).email;
  }

  it("marks a delivered email delivered", async () => {
    const email = await sentEmail("delivered@example.com");
    const result = await post(notification({ eventType: "Delivery", mail: { messageId: email.providerMessageId }, delivery: {} }));
    expect(result).toMatchObject({ status: 200, body: { outcome: "applied" } });
  });

  it("a hard bounce marks the delivery bounced and stops email to the address", async () => {
    const email = await sentEmail("bounce@example.com");
    await post(
      notification({
        eventType: "Bounce",
        mail: { messageId: email.providerMessageId },
        bounce: {
          bounceType: "Permanent",
          bouncedRecipients: [{ emailAddress: "bounce@example.com", diagnosticCode: "550 5.1.1 user unknown" }],
        },
      }),
    );
    const [row] = await f.db.select().from(deliveries).where(eq(deliveries.id, email.id));
    expect(row).toMatchObject({ status: "bounced", providerErrorCode: "hard_bounce", providerError: "550 5.1.1 user unknown" });
    const { appointment } = await bookAppointment(f, { email: "bounce@example.com", phone: null }, { status: "cancelled" });
    expect((await deliveriesOf(f, (await publish(f, cancelled(appointment.id))).id)).email.skipReason).toBe("email_suppressed");
  });

  it("a complaint stops email to the address", async () => {
    const email = await sentEmail("complains@example.com");
    await post(
      notification({
        eventType: "Complaint",
        mail: { messageId: email.providerMessageId },
        complaint: { complainedRecipients: [{ emailAddress: "complains@example.com" }] },
      }),
    );
    const [consent] = await f.db.select().from(consentRecords).where(eq(consentRecords.address, "complains@example.com"));
    expect(consent).toMatchObject({ state: "suppressed", source: "ses_complaint" });
  });

  const PDF_BASE64 = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").toString("base64");
  const mime = (o: { from: string; inReplyTo?: string; text: string; attachment?: { name: string; base64: string } }) =>
    [
      `From: Patient <${o.from}>`,
      "To: accueil@clinic.example",
      "Subject: Re: Votre rendez-vous",
      `Message-ID: <${crypto.randomUUID()}@mail.example>`,
      ...(o.inReplyTo ? [`In-Reply-To: ${o.inReplyTo}`] : []),
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      o.text,
      ...(o.attachment
        ? [
            "--b1",
            `Content-Type: application/octet-stream; name="${o.attachment.name}"`,
            `Content-Disposition: attachment; filename="${o.attachment.name}"`,
            "Content-Transfer-Encoding: base64",
            "",
            o.attachment.base64,
          ]
        : []),
      "--b1--",
      "",
    ].join("\r\n");
  const received = (raw: string) =>
    notification({
      notificationType: "Received",
      mail: { messageId: `inbound-${crypto.randomUUID()}` },
      receipt: { action: { type: "SNS", encoding: "BASE64" } },
      content: Buffer.from(raw).toString("base64"),
    });

  it("a patient's email reply lands in their conversation, threaded on the email it answers, without the quoted history", async () => {
    const email = await sentEmail("replies@example.com");
    const text = "Merci, je serai là.\r\n\r\nLe lun. 1 juin 2026, Cabinet a écrit :\r\n> Votre rendez-vous est annulé.";
    // Sent from another address than the one on file: the In-Reply-To header finds the patient.
    const raw = mime({
      from: "other.address@example.net",
      inReplyTo: `<${email.providerMessageId}@eu-west-1.amazonses.com>`,
      text,
      attachment: { name: "justificatif.pdf", base64: PDF_BASE64 },
    });
    expect(await post(received(raw))).toMatchObject({ status: 200, body: { outcome: "received" } });
    const [message] = await f.db.select().from(messages).where(eq(messages.body, "Merci, je serai là."));
    const [conversation] = await f.db.select().from(conversations).where(eq(conversations.id, message.conversationId));
    expect(conversation).toMatchObject({ patientId: email.recipientId, status: "unread" });
    expect(message).toMatchObject({
      channel: "email",
      direction: "inbound",
      subject: "Re: Votre rendez-vous",
      inReplyTo: `<${email.providerMessageId}@eu-west-1.amazonses.com>`,
    });
    expect(
      await f.db
        .select({ fileName: attachments.fileName, contentType: attachments.contentType })
        .from(attachments)
        .where(eq(attachments.messageId, message.id)),
    ).toEqual([{ fileName: "justificatif.pdf", contentType: "application/pdf" }]);
  });

  it("an email that fails DMARC is never filed in the patient's thread, even from their address: triage, with the verdicts", async () => {
    const email = await sentEmail("spoofed@example.com");
    const raw = mime({
      from: "spoofed@example.com",
      inReplyTo: `<${email.providerMessageId}@eu-west-1.amazonses.com>`,
      text: "Annulez tous mes rendez-vous.",
    });
    const forged = notification({
      notificationType: "Received",
      mail: { messageId: `inbound-${crypto.randomUUID()}` },
      receipt: {
        action: { type: "SNS", encoding: "BASE64" },
        spfVerdict: { status: "FAIL" },
        dkimVerdict: { status: "GRAY" },
        dmarcVerdict: { status: "FAIL" },
      },
      content: Buffer.from(raw).toString("base64"),
    });
    expect(await post(forged)).toMatchObject({ status: 200, body: { outcome: "received" } });
    const [message] = await f.db.select().from(messages).where(eq(messages.body, "Annulez tous mes rendez-vous."));
    const [conversation] = await f.db.select().from(conversations).where(eq(conversations.id, message.conversationId));
    expect(conversation).toMatchObject({ patientId: null, contactAddress: "spoofed@example.com" });
    expect(message.metadata).toMatchObject({ senderCheck: { spf: "FAIL", dkim: "GRAY", dmarc: "FAIL" } });
  });

  it("an email from an unknown address opens a triage conversation; a refused attachment is named, not kept", async () => {
    const raw = mime({
      from: "stranger@example.org",
      text: "Bonjour, je voudrais un rendez-vous.",
      attachment: { name: "setup.exe", base64: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(300)]).toString("base64") },
    });
    await post(received(raw));
    const [message] = await f.db.select().from(messages).where(eq(messages.body, "Bonjour, je voudrais un rendez-vous."));
    const [conversation] = await f.db.select().from(conversations).where(eq(conversations.id, message.conversationId));
    expect(conversation).toMatchObject({ patientId: null, contactAddress: "stranger@example.org" });
    expect(message.metadata).toMatchObject({
      refusedAttachments: [{ fileName: "setup.exe", reason: expect.stringContaining("application/x-msdownload") }],
    });
    expect(await f.db.select().from(attachments).where(eq(attachments.messageId, message.id))).toEqual([]);
  });

  it("refuses a bad signature, a replayed old message and a certificate from elsewhere", async () => {
    const good = notification({ eventType: "Delivery", mail: { messageId: "x" } });
    expect((await post({ ...good, Message: good.Message.replace("Delivery", "Bounce") })).status).toBe(401);
    expect(
      (await post(notification({ eventType: "Delivery", mail: { messageId: "x" } }, new Date(Date.now() - 2 * 3600_000)))).status,
    ).toBe(401);
    expect((await receiveWebhook(sesWebhook(), request(JSON.stringify(good)))).status).toBe(401);
  });

  it("refuses a message from another AWS account's topic, even signed by SNS, and never confirms its subscription", async () => {
    const email = await sentEmail("foreign-topic@example.com");
    const foreign = "arn:aws:sns:eu-west-1:999999999999:attacker";
    const complaint = notification(
      {
        eventType: "Complaint",
        mail: { messageId: email.providerMessageId },
        complaint: { complainedRecipients: [{ emailAddress: "foreign-topic@example.com" }] },
      },
      new Date(),
      foreign,
    );
    expect((await post(complaint)).status).toBe(401);
    expect(await f.db.select().from(consentRecords).where(eq(consentRecords.address, "foreign-topic@example.com"))).toEqual([]);

    let confirmations = 0;
    const confirmServer = http.createServer((_req, res) => {
      confirmations += 1;
      res.end("ok");
    });
    await new Promise<void>((r) => confirmServer.listen(0, "127.0.0.1", () => r()));
    const confirmUrl = `http://127.0.0.1:${(confirmServer.address() as AddressInfo).port}/?Action=ConfirmSubscription`;
    const subscription = (topicArn: string) =>
      signSnsMessage(
        {
          Type: "SubscriptionConfirmation",
          MessageId: crypto.randomUUID(),
          TopicArn: topicArn,
          Message: "confirm",
          Timestamp: new Date().toISOString(),
          SignatureVersion: "2",
          SigningCertURL: certUrl,
          SubscribeURL: confirmUrl,
          Token: "t",
        },
        privateKey,
      );
    expect((await post(subscription(foreign))).status).toBe(401);
    // The clinic's own topic, but a SubscribeURL that is not SNS's: not fetched either.
    expect((await post(subscription(localSnsTopicArn(f.clinic.slug)))).status).toBe(401);
    await new Promise<void>((r) => confirmServer.close(() => r()));
    expect(confirmations).toBe(0);
  });

  it("takes certificates only from sns.<region>.amazonaws.com, and refuses timestamps from the future", async () => {
    expect(SNS_CERT_URL_PATTERN.test("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem")).toBe(true);
    expect(SNS_CERT_URL_PATTERN.test("https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-abc.pem")).toBe(true);
    for (const bad of [
      "https://sns.s3.amazonaws.com/x.pem",
      "https://sns.evil.amazonaws.com/x.pem",
      "http://sns.eu-west-1.amazonaws.com/x.pem",
      "https://sns.eu-west-1.amazonaws.com.evil.org/x.pem",
    ]) {
      expect(SNS_CERT_URL_PATTERN.test(bad)).toBe(false);
    }
    const future = notification({ eventType: "Delivery", mail: { messageId: "x" } }, new Date(Date.now() + 60 * 60_000));
    expect(await verifySnsMessage(future, new Date(), pattern)).toEqual({ ok: false, reason: "message from the future" });
    expect((await post(future)).status).toBe(401);
  });
});
