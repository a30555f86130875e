import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { fieldErrorsOf, NUL_MESSAGE, nulFields, parseJson } from "@/lib/errors/parse-input";
import { receivePatientMessage } from "@/lib/conversations/receive-patient-message";
import { clinicChannelConfig } from "@/lib/notifications/providers/registry";
import { applyReceipt, type Receipt } from "@/lib/notifications/receipts/apply-receipt";
import { safeEqual, verifyHubSignature } from "./signatures";
import type { ProviderWebhook } from "./webhook-route";
import { recordPoison } from "./poison";
import { forbidden, unauthorized, type WebhookResult } from "./webhook-result";

const statusSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  timestamp: z.string().regex(/^\d{1,10}$/, "must be Unix seconds"),
  recipient_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(z.object({ code: z.number(), title: z.string().optional(), message: z.string().optional() })).optional(),
});
const messageSchema = z.object({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: z.string().regex(/^\d{1,10}$/, "must be Unix seconds"),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
});
export const whatsappWebhookSchema = z.object({
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({ value: z.object({ statuses: z.array(statusSchema).optional(), messages: z.array(messageSchema).optional() }) }),
      ),
    }),
  ),
});

const STATUS_MAP: Record<string, Receipt["status"] | undefined> = { sent: "sent", delivered: "delivered", read: "read", failed: "failed" };
const at = (seconds: string) => new Date(Number(seconds) * 1000);

// 360dialog / Meta webhook: delivery statuses and patients' messages, signed over the raw body.
// Everything here is a few indexed writes: the answer comes well within WhatsApp's 5 seconds.
export const whatsappWebhook: ProviderWebhook<true> = {
  async verify({ db, clinicId, raw, headers }) {
    const config = await clinicChannelConfig(db, clinicId, "whatsapp");
    if (!config || !verifyHubSignature(config.webhookSecret, raw, headers.get("x-hub-signature-256"))) {
      return { ok: false, result: unauthorized("Invalid or missing X-Hub-Signature-256.") };
    }
    return { ok: true, value: true };
  },
  // Signed by Meta but unusable (wrong shape, NUL characters, a timestamp out of range): poison.
  async handle({ db, clinicId, raw }) {
    const json = parseJson(raw);
    const withNul = nulFields(json);
    if (withNul.length) return recordPoison(db, clinicId, "whatsapp", raw, Object.fromEntries(withNul.map((f) => [f, [NUL_MESSAGE]])));
    const parsed = whatsappWebhookSchema.safeParse(json);
    if (!parsed.success) return recordPoison(db, clinicId, "whatsapp", raw, fieldErrorsOf(parsed.error));
    return receiveWhatsapp(db, clinicId, parsed.data);
  },
};

async function receiveWhatsapp(db: Database, clinicId: string, payload: z.infer<typeof whatsappWebhookSchema>): Promise<WebhookResult> {
  const outcomes: string[] = [];
  for (const { value } of payload.entry.flatMap((e) => e.changes)) {
    for (const s of value.statuses ?? []) {
      const status = STATUS_MAP[s.status];
      if (!status) continue;
      const error = s.errors?.[0];
      outcomes.push(
        await applyReceipt(db, clinicId, {
          channel: "whatsapp",
          providerMessageId: s.id,
          deliveryId: s.biz_opaque_callback_data,
          status,
          occurredAt: at(s.timestamp),
          errorCode: error ? String(error.code) : undefined,
          error: error?.message ?? error?.title,
          receiptKey: `whatsapp:${s.id}:${s.status}`,
          raw: s,
        }),
      );
    }
    for (const m of value.messages ?? []) {
      const phone = `+${m.from.replace(/^\+/, "")}`;
      // Into the patient's conversation in the Communication Hub (non-text messages show their
      // type); a STOP or START typed there changes consent, in the same transaction.
      const landed = await receivePatientMessage(db, {
        clinicId,
        channel: "whatsapp",
        from: phone,
        body: m.text?.body ?? `[${m.type}]`,
        typed: Boolean(m.text),
        externalId: m.id,
        at: at(m.timestamp),
      });
      outcomes.push(landed.duplicate ? "duplicate" : "inbound");
    }
  }
  return { status: 200, body: { received: outcomes.length, outcomes } };
}

// Meta's subscription handshake: a GET that echoes hub.challenge when hub.verify_token matches.
export async function whatsappHandshake(db: Database, clinicId: string, query: URLSearchParams): Promise<WebhookResult> {
  const config = await clinicChannelConfig(db, clinicId, "whatsapp");
  if (query.get("hub.mode") !== "subscribe" || !config || !safeEqual(query.get("hub.verify_token") ?? "", config.verifyToken)) {
    return forbidden("Verification failed.");
  }
  return { status: 200, contentType: "text/plain", body: query.get("hub.challenge") ?? "" };
}
