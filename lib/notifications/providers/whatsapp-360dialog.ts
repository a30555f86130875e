import { z } from "zod";
import {
  networkFailure,
  permanent,
  REQUEST_TIMEOUT_MS,
  retryAfterMs,
  transient,
  type ChannelProvider,
  type OutboundMessage,
  type SendOutcome,
} from "./types";

// WhatsApp through 360dialog (the Meta Cloud API shape): POST /messages with D360-API-KEY.
export const whatsappConfigSchema = z.object({
  apiKey: z.string().min(1),
  baseUrl: z.url().default("https://waba-v2.360dialog.io"),
  // Secret of the webhook signature (X-Hub-Signature-256).
  webhookSecret: z.string().min(16),
  // Meta's subscription handshake token (hub.verify_token): its own value, never the signing
  // secret, since it travels in a URL.
  verifyToken: z.string().min(16),
});
export type WhatsappConfig = z.infer<typeof whatsappConfigSchema>;

// Meta error codes that mean "later": rate limits and temporary unavailability.
const TRANSIENT_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004]);

type Media = { id: string; kind: "image" | "document"; fileName: string };

// WhatsApp shows JPEG and PNG inline; every other file goes as a document with its name.
const INLINE_IMAGES = new Set(["image/jpeg", "image/png"]);

function body(message: OutboundMessage, media?: Media) {
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
  if (media?.kind === "image") return { ...common, type: "image", image: { id: media.id, caption: message.text } };
  if (media) return { ...common, type: "document", document: { id: media.id, filename: media.fileName, caption: message.text } };
  return { ...common, type: "text", text: { body: message.text, preview_url: false } };
}

type ApiAnswer = {
  response: Response;
  json: { id?: string; messages?: { id: string }[]; error?: { code?: number; message?: string; error_data?: { details?: string } } };
};

async function call(config: WhatsappConfig, path: string, init: { body: BodyInit; contentType?: string }): Promise<ApiAnswer> {
  const response = await fetch(`${config.baseUrl.replace(/\/$/, "")}${path}`, {
    method: "POST",
    headers: { "D360-API-KEY": config.apiKey, ...(init.contentType ? { "content-type": init.contentType } : {}) },
    body: init.body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { response, json: (await response.json().catch(() => ({}))) as ApiAnswer["json"] };
}

function failure({ response, json }: ApiAnswer): SendOutcome {
  const code = json.error?.code;
  const text = json.error?.error_data?.details ?? json.error?.message ?? `HTTP ${response.status}`;
  if (response.status === 429 || response.status >= 500 || (code !== undefined && TRANSIENT_CODES.has(code))) {
    return transient(String(code ?? response.status), text, retryAfterMs(response.headers.get("retry-after")));
  }
  return permanent(String(code ?? response.status), text);
}

// A file is uploaded to the media endpoint first; the message then refers to it by id.
async function uploadMedia(
  config: WhatsappConfig,
  file: NonNullable<OutboundMessage["attachments"]>[number],
): Promise<Media | SendOutcome> {
  const form = new FormData();
  form.append("messaging_product", "whatsapp");
  form.append("file", new Blob([new Uint8Array(file.content)], { type: file.contentType }), file.fileName);
  const answer = await call(config, "/media", { body: form });
  if (!answer.response.ok || !answer.json.id) return failure(answer);
  return { id: answer.json.id, kind: INLINE_IMAGES.has(file.contentType) ? "image" : "document", fileName: file.fileName };
}

export function createWhatsappProvider(config: WhatsappConfig): ChannelProvider {
  return {
    channel: "whatsapp",
    async send(message): Promise<SendOutcome> {
      try {
        // One media per message (the composer allows one); the text goes as its caption.
        const file = message.attachments?.[0];
        const media = file ? await uploadMedia(config, file) : undefined;
        if (media && "ok" in media) return media;
        const answer = await call(config, "/messages", { body: JSON.stringify(body(message, media)), contentType: "application/json" });
        const id = answer.json.messages?.[0]?.id;
        return answer.response.ok && id ? { ok: true, providerMessageId: id } : failure(answer);
      } catch (error) {
        return networkFailure(error);
      }
    },
  };
}
