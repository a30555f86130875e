import "server-only";
import { createHash } from "node:crypto";
import { deleteApp, getApps, initializeApp, cert, type App } from "firebase-admin/app";
import { getMessaging } from "firebase-admin/messaging";
import { z } from "zod";
import { RedirectingAgent } from "./local-agent";
import { permanent, transient, type ChannelProvider, type SendOutcome } from "./types";

// Patient app push through Firebase Cloud Messaging (firebase-admin).
export const pushConfigSchema = z
  .object({
    projectId: z.string().min(1),
    clientEmail: z.string().optional(),
    privateKey: z.string().optional(),
    // A static OAuth token: only for a local FCM-compatible server (development, tests).
    accessToken: z.string().optional(),
    // Where FCM's v1 API is served when not fcm.googleapis.com (a local server).
    baseUrl: z.url().optional(),
  })
  .refine((c) => (c.clientEmail && c.privateKey) || c.accessToken, { message: "needs a service account (clientEmail, privateKey) or an accessToken" });
export type PushConfig = z.infer<typeof pushConfigSchema>;

const DEAD_TOKEN = new Set(["messaging/registration-token-not-registered", "messaging/invalid-registration-token"]);
const TRANSIENT = new Set(["messaging/server-unavailable", "messaging/internal-error", "messaging/quota-exceeded", "messaging/message-rate-exceeded", "app/network-error", "app/network-timeout"]);

function appFor(config: PushConfig): App {
  // One firebase app per distinct configuration, reused across sends.
  const name = `fcm-${createHash("sha256").update(JSON.stringify(config)).digest("hex").slice(0, 16)}`;
  const existing = getApps().find((a) => a.name === name);
  if (existing) return existing;
  const credential = config.accessToken
    ? { getAccessToken: async () => ({ access_token: config.accessToken!, expires_in: 3600 }) }
    : cert({ projectId: config.projectId, clientEmail: config.clientEmail, privateKey: config.privateKey?.replace(/\\n/g, "\n") });
  return initializeApp(
    { credential, projectId: config.projectId, httpAgent: config.baseUrl ? new RedirectingAgent(new URL(config.baseUrl)) : undefined },
    name,
  );
}

export function createPushProvider(config: PushConfig): ChannelProvider {
  const messaging = getMessaging(appFor(config));
  return {
    channel: "push",
    async send(message): Promise<SendOutcome> {
      try {
        const name = await messaging.send({
          token: message.to,
          // Title and body are lock-screen text: templates keep clinical details out of them.
          notification: { title: message.subject ?? "", body: message.text },
          data: { deliveryId: message.deliveryId, ...(message.link ? { link: message.link } : {}) },
          android: { priority: "high" },
          apns: { payload: { aps: { sound: "default" } } },
        });
        return { ok: true, providerMessageId: name };
      } catch (error) {
        const code = (error as { code?: string }).code ?? "unknown";
        const text = error instanceof Error ? error.message : String(error);
        if (DEAD_TOKEN.has(code)) return permanent(code, text, true);
        if (TRANSIENT.has(code)) return transient(code, text);
        return permanent(code, text);
      }
    },
  };
}

export async function closePushApps(): Promise<void> {
  await Promise.all(getApps().filter((a) => a.name.startsWith("fcm-")).map((a) => deleteApp(a)));
}
