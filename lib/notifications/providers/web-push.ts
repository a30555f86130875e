import "server-only";
import { Agent, request } from "undici";
import webPush from "web-push";
import { z } from "zod";
import { networkFailure, permanent, retryAfterMs, transient, type ChannelProvider, type OutboundMessage, type SendOutcome } from "./types";

// Staff browser push (Web Push with VAPID).
export const webPushConfigSchema = z.object({
  vapidPublicKey: z.string().min(1),
  vapidPrivateKey: z.string().min(1),
  // mailto: or https: contact for the push service.
  subject: z.string().regex(/^(mailto:|https:)/, "must start with mailto: or https:"),
});
export type WebPushConfig = z.infer<typeof webPushConfigSchema>;

// web-push builds the request (RFC 8291 encryption, VAPID headers); undici carries it. Its
// https.request transport costs ~0.6 ms of CPU a message here, undici's ~0.1 ms: a fan-out to
// thousands of browsers is CPU-bound, so this is what doubles its rate. One keep-alive pool
// per push service origin, 64 connections at most (the sender keeps 64 calls in flight).
const pushServices = new Agent({ connections: 64, keepAliveTimeout: 30_000, headersTimeout: 10_000, bodyTimeout: 10_000 });

// A VAPID JWT is good for hours and is the same for every subscription of one push service:
// signing it once per origin, not once per message, is most of the CPU a send costs.
const VAPID_TTL_S = 12 * 3600;
const vapidCache = new Map<string, { headers: Record<string, string>; expiresAt: number }>();

export function vapidHeadersFor(config: WebPushConfig, endpoint: string, now = Date.now()): Record<string, string> {
  const audience = new URL(endpoint).origin;
  const key = `${config.vapidPublicKey}|${config.subject}|${audience}`;
  const cached = vapidCache.get(key);
  // Renewed an hour before it expires, so no push leaves with a JWT about to lapse.
  if (cached && cached.expiresAt - 3600_000 > now) return cached.headers;
  const expiration = Math.floor(now / 1000) + VAPID_TTL_S;
  const headers = webPush.getVapidHeaders(
    audience,
    config.subject,
    config.vapidPublicKey,
    config.vapidPrivateKey,
    "aes128gcm",
    expiration,
  ) as Record<string, string>;
  vapidCache.set(key, { headers, expiresAt: expiration * 1000 });
  return headers;
}

function prepareWebPush(config: WebPushConfig, message: OutboundMessage): () => Promise<SendOutcome> {
  if (!message.webPushKeys) return async () => permanent("no_keys", "The subscription has no encryption keys.", true);
  const subscription = { endpoint: message.to, keys: message.webPushKeys };
  const payload = JSON.stringify({ title: message.subject ?? "", body: message.text, link: message.link, deliveryId: message.deliveryId });
  let push: ReturnType<typeof webPush.generateRequestDetails>;
  try {
    push = webPush.generateRequestDetails(subscription, payload, {
      headers: vapidHeadersFor(config, message.to),
      TTL: 3600,
      urgency: "high",
    });
  } catch (error) {
    // Keys that are not a P-256 point, an auth secret of the wrong size: never sendable.
    const reason = error instanceof Error ? error.message : String(error);
    return async () => permanent("invalid_subscription", reason, true);
  }
  return async () => {
    let status: number, location: string | undefined, retryAfter: string | undefined, text: string;
    try {
      const response = await request(push.endpoint, {
        method: "POST",
        headers: push.headers as Record<string, string>,
        body: push.body as Buffer,
        dispatcher: pushServices,
      });
      status = response.statusCode;
      location = typeof response.headers.location === "string" ? response.headers.location : undefined;
      retryAfter = typeof response.headers["retry-after"] === "string" ? response.headers["retry-after"] : undefined;
      text = (await response.body.text()).slice(0, 1000);
    } catch (error) {
      return networkFailure(error);
    }
    if (status >= 200 && status < 300) return { ok: true, providerMessageId: location ?? `${message.to}#${message.deliveryId}` };
    const reason = text || `The push service answered ${status}.`;
    // 404/410: the browser dropped the subscription; it will never work again.
    if (status === 404 || status === 410) return permanent(String(status), reason, true);
    if (status === 429 || status >= 500) return transient(String(status), reason, retryAfterMs(retryAfter ?? null));
    return permanent(String(status), reason);
  };
}

export function createWebPushProvider(config: WebPushConfig): ChannelProvider {
  return {
    channel: "web_push",
    prepare: (message) => prepareWebPush(config, message),
    send: (message) => prepareWebPush(config, message)(),
  };
}
