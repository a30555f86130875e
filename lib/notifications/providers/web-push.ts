import "server-only";
import webPush, { WebPushError } from "web-push";
import { z } from "zod";
import { RedirectingAgent } from "./local-agent";
import { permanent, transient, type ChannelProvider, type SendOutcome } from "./types";

// Staff browser push (Web Push with VAPID).
export const webPushConfigSchema = z.object({
  vapidPublicKey: z.string().min(1),
  vapidPrivateKey: z.string().min(1),
  // mailto: or https: contact for the push service.
  subject: z.string().regex(/^(mailto:|https:)/, "must start with mailto: or https:"),
});
export type WebPushConfig = z.infer<typeof webPushConfigSchema>;

// web-push always uses https.request; plain-http endpoints (local push services) need this agent.
const plainHttpAgent = new RedirectingAgent(null);

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
  const headers = webPush.getVapidHeaders(audience, config.subject, config.vapidPublicKey, config.vapidPrivateKey, "aes128gcm", expiration) as Record<string, string>;
  vapidCache.set(key, { headers, expiresAt: expiration * 1000 });
  return headers;
}

export function createWebPushProvider(config: WebPushConfig): ChannelProvider {
  return {
    channel: "web_push",
    async send(message): Promise<SendOutcome> {
      if (!message.webPushKeys) return permanent("no_keys", "The subscription has no encryption keys.", true);
      const subscription = { endpoint: message.to, keys: message.webPushKeys };
      const payload = JSON.stringify({ title: message.subject ?? "", body: message.text, link: message.link, deliveryId: message.deliveryId });
      try {
        const result = await webPush.sendNotification(subscription, payload, {
          headers: vapidHeadersFor(config, message.to),
          TTL: 3600,
          urgency: "high",
          timeout: 10_000,
          agent: message.to.startsWith("http://") ? plainHttpAgent : undefined,
        });
        return { ok: true, providerMessageId: result.headers.location ?? `${message.to}#${message.deliveryId}` };
      } catch (error) {
        if (error instanceof WebPushError) {
          // 404/410: the browser dropped the subscription; it will never work again.
          if (error.statusCode === 404 || error.statusCode === 410) return permanent(String(error.statusCode), error.body || error.message, true);
          if (error.statusCode === 429 || error.statusCode >= 500) return transient(String(error.statusCode), error.body || error.message);
          return permanent(String(error.statusCode), error.body || error.message);
        }
        return transient("network_error", error instanceof Error ? error.message : String(error));
      }
    },
  };
}
