import type { Database } from "@/db/client";
import { hubSignature, twilioSignature } from "@/lib/webhooks/signatures";
import { smsWebhook } from "@/lib/webhooks/sms";
import { receiveWebhook, type WebhookRequest } from "@/lib/webhooks/webhook-route";
import { whatsappWebhook } from "@/lib/webhooks/whatsapp";
import type { ClinicWebhookSecrets } from "./webhook-secrets";

// Webhooks as the providers send them to one clinic, through the same receiveWebhook the
// routes use: signed with the clinic's secrets (or not, or tampered with, to be refused).
type Target = { db: Database; clinicId: string; secrets: ClinicWebhookSecrets; origin?: string };

export function signedWebhooks({ db, clinicId, secrets, origin = "http://localhost:3000" }: Target) {
  const smsUrl = `${origin}/api/webhooks/sms/${clinicId}`;
  // A request as the route hands it over; the URL is what a provider signs (Twilio).
  const request = (raw: string, headers: Record<string, string | null> = {}, publicUrl = `${origin}/api/webhooks`): WebhookRequest => ({
    db,
    clinicId,
    raw,
    headers: new Headers(Object.entries(headers).filter((h): h is [string, string] => h[1] !== null)),
    publicUrl,
    now: new Date(),
  });
  return {
    smsUrl,
    request,
    // Twilio's form post: an inbound SMS (From, Body) or a status callback (MessageStatus).
    sms(params: Record<string, string>, options: { sign?: boolean } = {}) {
      const form = new URLSearchParams(params);
      const signature = options.sign === false ? "bogus" : twilioSignature(secrets.smsAuthToken, smsUrl, form);
      return receiveWebhook(smsWebhook, request(form.toString(), { "x-twilio-signature": signature }, smsUrl));
    },
    // Meta's JSON post, signed over the raw body; tamper changes the body after signing.
    whatsapp(payload: unknown, options: { sign?: boolean; tamper?: (raw: string) => string } = {}) {
      const raw = JSON.stringify(payload);
      const signature = options.sign === false ? null : hubSignature(secrets.whatsapp, raw);
      return receiveWebhook(whatsappWebhook, request(options.tamper ? options.tamper(raw) : raw, { "x-hub-signature-256": signature }));
    },
  };
}

// A patient's WhatsApp text message, as Meta's webhook carries it (from: digits, no "+").
export function whatsappText(from: string, id: string, body: string, timestamp = String(Math.floor(Date.now() / 1000))) {
  return {
    entry: [{ changes: [{ value: { messages: [{ from: from.replace(/^\+/, ""), id, timestamp, type: "text", text: { body } }] } }] }],
  };
}
