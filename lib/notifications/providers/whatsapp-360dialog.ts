import { z } from "zod";
import { networkFailure, permanent, REQUEST_TIMEOUT_MS, retryAfterMs, transient, type ChannelProvider, type OutboundMessage, type SendOutcome } from "./types";

// WhatsApp through 360dialog (the Meta Cloud API shape): POST /messages with D360-API-KEY.
export const whatsappConfigSchema = z.object({
  apiKey: z.string().min(1),
  baseUrl: z.url().default("https://waba-v2.360dialog.io"),
  // Secret of the webhook signature (X-Hub-Signature-256).
  webhookSecret: z.string().min(16),
});
export type WhatsappConfig = z.infer<typeof whatsappConfigSchema>;

// Meta error codes that mean "later": rate limits and temporary unavailability.
const TRANSIENT_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004]);

function body(message: OutboundMessage) {
  const common = {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to: message.to.replace(/^\+/, ""),
    // Echoed back in status webhooks: lets a receipt find its delivery even if we never saw the wamid.
    biz_opaque_callback_data: message.deliveryId,
  };
  if (message.whatsapp?.mode === "template") {
    return {
      ...common,
      type: "template",
      template: {
        name: message.whatsapp.templateName,
        language: { code: message.language },
        components: [{ type: "body", parameters: (message.whatsapp.parameters ?? []).map((text) => ({ type: "text", text })) }],
      },
    };
  }
  return { ...common, type: "text", text: { body: message.text, preview_url: false } };
}

export function createWhatsappProvider(config: WhatsappConfig): ChannelProvider {
  return {
    channel: "whatsapp",
    async send(message): Promise<SendOutcome> {
      let response: Response;
      try {
        response = await fetch(`${config.baseUrl.replace(/\/$/, "")}/messages`, {
          method: "POST",
          headers: { "D360-API-KEY": config.apiKey, "content-type": "application/json" },
          body: JSON.stringify(body(message)),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        return networkFailure(error);
      }
      const json = (await response.json().catch(() => ({}))) as {
        messages?: { id: string }[];
        error?: { code?: number; message?: string; error_data?: { details?: string } };
      };
      if (response.ok && json.messages?.[0]?.id) return { ok: true, providerMessageId: json.messages[0].id };
      const code = json.error?.code;
      const text = json.error?.error_data?.details ?? json.error?.message ?? `HTTP ${response.status}`;
      if (response.status === 429 || response.status >= 500 || (code !== undefined && TRANSIENT_CODES.has(code))) {
        return transient(String(code ?? response.status), text, retryAfterMs(response.headers.get("retry-after")));
      }
      return permanent(String(code ?? response.status), text);
    },
  };
}
