import "server-only";
import { createHash } from "node:crypto";
import http2 from "node:http2";
import { deleteApp, getApps, initializeApp, cert, type App } from "firebase-admin/app";
import { getMessaging, type BatchResponse, type SendResponse, type TokenMessage } from "firebase-admin/messaging";
import { z } from "zod";
import { RedirectingAgent } from "./local-agent";
import { permanent, transient, type ChannelProvider, type OutboundMessage, type SendOutcome } from "./types";

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
  .refine((c) => (c.clientEmail && c.privateKey) || c.accessToken, {
    message: "needs a service account (clientEmail, privateKey) or an accessToken",
  });
export type PushConfig = z.infer<typeof pushConfigSchema>;

const DEAD_TOKEN = new Set(["messaging/registration-token-not-registered", "messaging/invalid-registration-token"]);
const TRANSIENT = new Set([
  "messaging/server-unavailable",
  "messaging/internal-error",
  "messaging/quota-exceeded",
  "messaging/message-rate-exceeded",
  "app/network-error",
  "app/network-timeout",
]);

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

// FCM's batch limit: sendEach takes 500 messages and sends them over one HTTP/2 session.
const FCM_MAX_BATCH = 500;

// Local FCM (development, tests, the benchmark): firebase-admin opens sendEach's HTTP/2 sessions
// to fcm.googleapis.com itself, with no option to point them elsewhere. While a configuration
// names a local server (baseUrl), sessions to that host are opened to it instead, without TLS,
// with the ':scheme' that firebase-admin writes as "https:" put right. Nothing changes for a
// configuration without baseUrl, which is every real one.
const FCM_AUTHORITY = "https://fcm.googleapis.com";
let localFcm: URL | null = null;
function sendEachSessionsTo(target: URL) {
  if (localFcm) {
    localFcm = target;
    return;
  }
  localFcm = target;
  const connect = http2.connect;
  http2.connect = ((authority: string | URL, ...rest: unknown[]) => {
    if (!localFcm || String(authority).replace(/\/$/, "") !== FCM_AUTHORITY)
      return (connect as (...a: unknown[]) => http2.ClientHttp2Session)(authority, ...rest);
    const session = connect(localFcm.origin, { peerMaxConcurrentStreams: 100 });
    const request = session.request.bind(session);
    session.request = ((headers: http2.OutgoingHttpHeaders, options?: http2.ClientSessionRequestOptions) =>
      request({ ...headers, ":scheme": localFcm!.protocol.replace(":", "") }, options)) as typeof session.request;
    return session;
  }) as typeof http2.connect;
}

function fcmMessage(message: OutboundMessage): TokenMessage {
  return {
    token: message.to,
    // Title and body are lock-screen text: templates keep clinical details out of them.
    notification: { title: message.subject ?? "", body: message.text },
    data: { deliveryId: message.deliveryId, ...(message.link ? { link: message.link } : {}) },
    android: { priority: "high" },
    apns: { payload: { aps: { sound: "default" } } },
  };
}

function outcomeOf(error: unknown): SendOutcome {
  const code = (error as { code?: string } | undefined)?.code ?? "unknown";
  const text = error instanceof Error ? error.message : String(error);
  if (DEAD_TOKEN.has(code)) return permanent(code, text, true);
  if (TRANSIENT.has(code)) return transient(code, text);
  return permanent(code, text);
}

const outcomesOf = (responses: SendResponse[]): SendOutcome[] =>
  responses.map((r) => (r.success ? { ok: true, providerMessageId: r.messageId! } : outcomeOf(r.error)));

export function createPushProvider(config: PushConfig): ChannelProvider {
  const messaging = getMessaging(appFor(config));
  if (config.baseUrl) sendEachSessionsTo(new URL(config.baseUrl));
  return {
    channel: "push",
    maxBatch: FCM_MAX_BATCH,
    async send(message): Promise<SendOutcome> {
      try {
        return { ok: true, providerMessageId: await messaging.send(fcmMessage(message)) };
      } catch (error) {
        return outcomeOf(error);
      }
    },
    async sendBatch(messages): Promise<SendOutcome[]> {
      try {
        return outcomesOf((await messaging.sendEach(messages.map(fcmMessage))).responses);
      } catch (error) {
        // The HTTP/2 session failed part way: the requests already answered keep their answer
        // (an accepted message must not be sent again), the others get the session's error.
        // (firebase-admin's FirebaseMessagingSessionError, which it does not export.)
        const pending = (error as { pendingBatchResponse?: Promise<BatchResponse> }).pendingBatchResponse;
        if (pending) {
          const partial = await pending.catch(() => undefined);
          if (partial?.responses.length === messages.length) return outcomesOf(partial.responses);
        }
        const outcome = outcomeOf(error);
        return messages.map(() => outcome);
      }
    },
  };
}

export async function closePushApps(): Promise<void> {
  await Promise.all(
    getApps()
      .filter((a) => a.name.startsWith("fcm-"))
      .map((a) => deleteApp(a)),
  );
}
