import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { clinics } from "@/db/schema";
import { receivePatientMessage } from "@/lib/conversations/receive-patient-message";
import { clinicChannelConfig } from "@/lib/notifications/providers/registry";
import { applyReceipt, type Receipt } from "@/lib/notifications/receipts/apply-receipt";
import { NUL_MESSAGE, nulFields } from "@/lib/errors/parse-input";
import { recordPoison } from "./poison";
import { verifyTwilioSignature } from "./signatures";
import type { ProviderWebhook } from "./webhook-route";
import { badRequest, unauthorized, type WebhookResult } from "./webhook-result";

// Twilio-style statuses; "queued", "accepted" and "sending" add nothing to our own "sent".
const STATUS_MAP: Record<string, Receipt["status"] | undefined> = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  undelivered: "failed",
  failed: "failed",
};

const HELP_TEXT = {
  en: (clinic: string) =>
    `${clinic}: appointment messages. Reply STOP to unsubscribe, START to subscribe again. For help, call the clinic.`,
  fr: (clinic: string) =>
    `${clinic} : messages de rendez-vous. Répondez STOP pour ne plus les recevoir, START pour les recevoir à nouveau. Pour de l'aide, appelez le cabinet.`,
};

const twiml = (message?: string): WebhookResult => ({
  status: 200,
  contentType: "text/xml",
  body: message
    ? `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${message.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</Message></Response>`
    : `<?xml version="1.0" encoding="UTF-8"?><Response/>`,
});

// SMS status callbacks and incoming SMS, signed with the clinic's auth token over our URL and
// the form parameters. STOP/START change consent (never an appointment); HELP gets a reply.
export const smsWebhook: ProviderWebhook<URLSearchParams> = {
  async verify({ db, clinicId, raw, headers, publicUrl }) {
    const config = await clinicChannelConfig(db, clinicId, "sms");
    const params = new URLSearchParams(raw);
    if (!config || !verifyTwilioSignature(config.authToken, publicUrl, params, headers.get("x-twilio-signature"))) {
      return { ok: false, result: unauthorized("Invalid or missing X-Twilio-Signature.") };
    }
    return { ok: true, value: params };
  },
  handle: ({ db, clinicId, now }, params) => receiveSms(db, clinicId, params, now),
};

async function receiveSms(db: Database, clinicId: string, params: URLSearchParams, now: Date): Promise<WebhookResult> {
  const withNul = nulFields(Object.fromEntries(params));
  if (withNul.length)
    return recordPoison(db, clinicId, "sms", params.toString(), Object.fromEntries(withNul.map((f) => [f, [NUL_MESSAGE]])));
  const sid = params.get("MessageSid");
  if (!sid) return badRequest("Missing MessageSid.", { MessageSid: ["is required"] });

  const messageStatus = params.get("MessageStatus");
  if (messageStatus) {
    const status = STATUS_MAP[messageStatus];
    if (status) {
      await applyReceipt(db, clinicId, {
        channel: "sms",
        providerMessageId: sid,
        status,
        occurredAt: now,
        errorCode: params.get("ErrorCode") ?? undefined,
        error: params.get("ErrorMessage") ?? undefined,
        receiptKey: `sms:${sid}:${messageStatus}`,
        raw: Object.fromEntries(params),
      });
    }
    return twiml();
  }

  const from = params.get("From");
  const body = params.get("Body");
  if (!from || body === null) return badRequest("An incoming SMS needs From and Body.", { From: ["is required"], Body: ["is required"] });
  // Every incoming SMS shows in the patient's conversation, keywords included (STOP is a consent
  // change, never a cancellation, and staff should see it), in one transaction with it.
  const { keyword } = await receivePatientMessage(db, { clinicId, channel: "sms", from, body, externalId: sid, at: now });
  if (keyword === "help") {
    const [clinic] = await db
      .select({ name: clinics.name, language: clinics.defaultLanguage })
      .from(clinics)
      .where(eq(clinics.id, clinicId));
    return twiml(HELP_TEXT[clinic.language](clinic.name));
  }
  return twiml();
}
