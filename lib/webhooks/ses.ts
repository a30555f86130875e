import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { env } from "@/lib/config/env";
import { fieldErrorsOf, NUL_MESSAGE, nulFields, parseJson } from "@/lib/errors/parse-input";
import { receiveEmail } from "@/lib/conversations/receive-email";
import { recordConsent } from "@/lib/notifications/consent/record-consent";
import { clinicChannelConfig } from "@/lib/notifications/providers/registry";
import { applyReceipt } from "@/lib/notifications/receipts/apply-receipt";
import { verifySnsMessage, type SnsMessage } from "./sns";
import type { ProviderWebhook } from "./webhook-route";
import { recordPoison } from "./poison";
import { unauthorized, type WebhookResult } from "./webhook-result";

// A time SES gives is ISO 8601; anything else would become an invalid date.
const isoTime = z.iso.datetime({ offset: true }).optional();
// SES's sender checks on inbound mail: PASS, FAIL, GRAY or PROCESSING_FAILED.
const verdict = z.object({ status: z.string().max(40) }).optional();

const sesEventSchema = z.object({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z.object({ messageId: z.string(), tags: z.record(z.string(), z.array(z.string())).optional() }),
  bounce: z
    .object({
      bounceType: z.string(),
      bouncedRecipients: z.array(z.object({ emailAddress: z.string(), diagnosticCode: z.string().optional() })),
      timestamp: isoTime,
    })
    .optional(),
  complaint: z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })), timestamp: isoTime }).optional(),
  delivery: z.object({ timestamp: isoTime }).optional(),
  // Inbound mail (a receipt rule with an SNS action): the raw message, UTF-8 or base64.
  receipt: z
    .object({
      timestamp: isoTime,
      action: z.object({ encoding: z.string().optional() }).optional(),
      spfVerdict: verdict,
      dkimVerdict: verdict,
      dmarcVerdict: verdict,
    })
    .optional(),
  content: z.string().optional(),
});

// SES event notifications through SNS: deliveries, bounces, complaints, and patients' emails
// (inbound, handed to the Communication Hub). The SNS signature is
// checked over the message (certificate from an SNS host); old messages are refused as replays.
// certUrlPattern: where SNS certificates may come from (SNS's own hosts unless configured).
export function sesWebhook(options: { certUrlPattern?: RegExp } = {}): ProviderWebhook<SnsMessage> {
  return {
    async verify({ db, clinicId, raw, now }) {
      const config = await clinicChannelConfig(db, clinicId, "email");
      if (!config) return { ok: false, result: unauthorized("Email is not configured for this clinic.") };
      const configured = env().SNS_CERT_URL_PATTERN;
      const verified = await verifySnsMessage(
        parseJson(raw),
        now,
        options.certUrlPattern ?? (configured ? new RegExp(configured) : undefined),
      );
      if (!verified.ok) return { ok: false, result: unauthorized(`SNS message rejected: ${verified.reason}.`) };
      // Signed by SNS is not enough: any AWS account's topic is. It must be this clinic's.
      if (verified.message.TopicArn !== config.snsTopicArn)
        return { ok: false, result: unauthorized("SNS topic does not belong to this clinic.") };
      return { ok: true, value: verified.message };
    },
    handle: ({ db, clinicId, now }, sns) => receiveSes(db, clinicId, sns, now),
  };
}

async function receiveSes(db: Database, clinicId: string, sns: SnsMessage, now: Date): Promise<WebhookResult> {
  if (sns.Type === "SubscriptionConfirmation" && sns.SubscribeURL) {
    // Confirming is a GET on the URL SNS signed, for the clinic's own topic only (checked above),
    // and only towards SNS itself.
    if (!isSnsSubscribeUrl(sns.SubscribeURL, sns.TopicArn))
      return unauthorized("SubscribeURL is not SNS's confirmation address for this topic.");
    const response = await fetch(sns.SubscribeURL, { signal: AbortSignal.timeout(5000) }).catch(() => null);
    return { status: response?.ok ? 200 : 502, body: { confirmed: Boolean(response?.ok) } };
  }
  if (sns.Type !== "Notification") return { status: 200, body: { ignored: sns.Type } };

  const json = parseJson(sns.Message);
  const withNul = nulFields(json);
  if (withNul.length) return recordPoison(db, clinicId, "ses", sns.Message, Object.fromEntries(withNul.map((f) => [f, [NUL_MESSAGE]])));
  const parsed = sesEventSchema.safeParse(json);
  if (!parsed.success) return recordPoison(db, clinicId, "ses", sns.Message, fieldErrorsOf(parsed.error));
  const event = parsed.data;
  const kind = event.eventType ?? event.notificationType;
  const base = {
    channel: "email" as const,
    providerMessageId: event.mail.messageId,
    deliveryId: event.mail.tags?.delivery_id?.[0],
    receiptKey: `ses:${sns.MessageId}`,
    raw: event,
  };

  if (kind === "Received" && event.content) {
    const raw = event.receipt?.action?.encoding?.toUpperCase() === "BASE64" ? Buffer.from(event.content, "base64") : event.content;
    const senderCheck = {
      spf: event.receipt?.spfVerdict?.status,
      dkim: event.receipt?.dkimVerdict?.status,
      dmarc: event.receipt?.dmarcVerdict?.status,
    };
    const received = await receiveEmail(
      db,
      clinicId,
      raw,
      event.mail.messageId,
      new Date(event.receipt?.timestamp ?? sns.Timestamp),
      senderCheck,
    );
    return { status: 200, body: { outcome: received.outcome } };
  }
  if (kind === "Delivery") {
    const outcome = await applyReceipt(db, clinicId, {
      ...base,
      status: "delivered",
      occurredAt: new Date(event.delivery?.timestamp ?? sns.Timestamp),
    });
    return { status: 200, body: { outcome } };
  }
  if (kind === "Bounce" && event.bounce?.bounceType === "Permanent") {
    const recipient = event.bounce.bouncedRecipients[0];
    const occurredAt = new Date(event.bounce.timestamp ?? sns.Timestamp);
    const outcome = await applyReceipt(db, clinicId, {
      ...base,
      status: "bounced",
      occurredAt,
      errorCode: "hard_bounce",
      error: recipient?.diagnosticCode,
    });
    // A hard bounce stops email to the address until someone corrects it.
    for (const r of event.bounce.bouncedRecipients) {
      await recordConsent(db, {
        clinicId,
        channel: "email",
        address: r.emailAddress.toLowerCase(),
        state: "suppressed",
        reason: r.diagnosticCode ?? "hard bounce",
        source: "ses_bounce",
        at: occurredAt,
      });
    }
    return { status: 200, body: { outcome } };
  }
  if (kind === "Complaint" && event.complaint) {
    for (const r of event.complaint.complainedRecipients) {
      await recordConsent(db, {
        clinicId,
        channel: "email",
        address: r.emailAddress.toLowerCase(),
        state: "suppressed",
        reason: "complaint",
        source: "ses_complaint",
        at: now,
      });
    }
    return { status: 200, body: { outcome: "suppressed" } };
  }
  // Transient bounces, sends, opens: nothing to change.
  return { status: 200, body: { ignored: kind } };
}

// https://sns.<the topic's region>.amazonaws.com/?Action=ConfirmSubscription&TopicArn=<the topic>…
function isSnsSubscribeUrl(subscribeUrl: string, topicArn: string): boolean {
  const region = topicArn.split(":")[3];
  const url = new URL(subscribeUrl);
  const hostOk =
    url.protocol === "https:" && (url.hostname === `sns.${region}.amazonaws.com` || url.hostname === `sns.${region}.amazonaws.com.cn`);
  return hostOk && url.searchParams.get("Action") === "ConfirmSubscription" && url.searchParams.get("TopicArn") === topicArn;
}
