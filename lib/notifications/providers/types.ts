import type { Channel } from "@/db/schema";

// One interface for every channel's provider: adding a channel is one file in this folder.
export type OutboundMessage = {
  // Our delivery id, passed to providers that echo a client reference back in receipts.
  deliveryId: string;
  eventId: string;
  eventType: string;
  // Phone (E.164), email, Telegram chat id, FCM token, push endpoint or staff user id.
  to: string;
  language: string;
  subject: string | null;
  text: string;
  html: string | null;
  whatsapp?: { mode: "text" | "template"; templateName?: string; parameters?: string[] };
  webPushKeys?: { p256dh: string; auth: string };
  link?: string;
  // Files a staff member attached in the inbox (email and WhatsApp; never SMS or push).
  attachments?: { fileName: string; contentType: string; content: Buffer }[];
};

export type SendOutcome =
  | { ok: true; providerMessageId: string }
  | { ok: false; kind: "transient"; code: string; message: string; retryAfterMs?: number }
  // deadAddress: the token, subscription or chat will never work again (deactivate it).
  | { ok: false; kind: "permanent"; code: string; message: string; deadAddress?: boolean };

export interface ChannelProvider {
  readonly channel: Channel;
  send(message: OutboundMessage): Promise<SendOutcome>;
  // Optional: the CPU-heavy part of a send done ahead (Web Push encrypts each message), so the
  // sender can do it while it waits on the database; the returned call makes the request.
  // send(message) is prepare(message)() for a provider that has it.
  prepare?(message: OutboundMessage): () => Promise<SendOutcome>;
  // Optional: many messages in one call (FCM's sendEach: up to maxBatch over one HTTP/2
  // session), one outcome per message in the same order.
  sendBatch?(messages: OutboundMessage[]): Promise<SendOutcome[]>;
  readonly maxBatch?: number;
}

export const transient = (code: string, message: string, retryAfterMs?: number): SendOutcome => ({
  ok: false,
  kind: "transient",
  code,
  message,
  retryAfterMs,
});

export const permanent = (code: string, message: string, deadAddress = false): SendOutcome => ({
  ok: false,
  kind: "permanent",
  code,
  message,
  deadAddress,
});

// Network failures and timeouts are worth retrying; the provider never saw, or never answered, the request.
export function networkFailure(error: unknown): SendOutcome {
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  return transient(name === "TimeoutError" ? "timeout" : "network_error", message);
}

export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export const REQUEST_TIMEOUT_MS = 10_000;
