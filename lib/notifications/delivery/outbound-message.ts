import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { anyOf } from "@/db/any-of";
import { attachments, staffPushSubscriptions, type Delivery } from "@/db/schema";
import { fileStore } from "@/lib/storage/file-store";
import { sendDecisionOf } from "@/lib/notifications/delivery-decision";
import { emailHtml } from "../templates/render";
import type { OutboundMessage } from "../providers/types";

// The message to hand a provider, rebuilt from the stored delivery row alone, so a retry
// after a restart sends exactly what the first attempt would have.
// webPushKeys: preloaded for a batch (webPushKeysFor), else looked up for this one.
export type WebPushKeys = Map<string, { p256dh: string; auth: string }>;
export async function outboundMessageFor(db: Database, delivery: Delivery, webPushKeys?: WebPushKeys): Promise<OutboundMessage> {
  const extras = sendDecisionOf(delivery.decision) ?? { rule: "sent" as const };
  const message: OutboundMessage = {
    deliveryId: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    to: delivery.address,
    language: delivery.language ?? "en",
    subject: delivery.subject,
    text: delivery.body ?? "",
    html: delivery.channel === "email" ? emailHtml(delivery.body ?? "", extras.centreName ?? "") : null,
    whatsapp: extras.whatsapp,
    link: extras.link,
  };
  if (extras.messageId && (delivery.channel === "email" || delivery.channel === "whatsapp")) {
    const files = await db
      .select()
      .from(attachments)
      .where(and(eq(attachments.clinicId, delivery.clinicId), eq(attachments.messageId, extras.messageId)))
      .orderBy(attachments.createdAt);
    if (files.length) {
      const store = fileStore();
      message.attachments = await Promise.all(
        files.map(async (f) => ({ fileName: f.fileName, contentType: f.contentType, content: await store.get(f.storageKey) })),
      );
    }
  }
  if (delivery.channel === "web_push") {
    const keys = webPushKeys ?? (await webPushKeysFor(db, [delivery]));
    const subscription = keys.get(`${delivery.clinicId}|${delivery.address}`);
    if (subscription) message.webPushKeys = subscription;
  }
  return message;
}

// The encryption keys of the browser subscriptions some Web Push deliveries go to, in one
// query (an alert to every browser of a team is thousands of them).
export async function webPushKeysFor(db: Database, batch: Pick<Delivery, "clinicId" | "channel" | "address">[]) {
  const pushes = batch.filter((d) => d.channel === "web_push");
  const keys = new Map<string, { p256dh: string; auth: string }>();
  if (!pushes.length) return keys;
  // An endpoint is unique; the key still names the clinic, so one never reads another's.
  const rows = await db
    .select({
      clinicId: staffPushSubscriptions.clinicId,
      endpoint: staffPushSubscriptions.endpoint,
      p256dh: staffPushSubscriptions.p256dh,
      auth: staffPushSubscriptions.auth,
    })
    .from(staffPushSubscriptions)
    .where(anyOf(staffPushSubscriptions.endpoint, [...new Set(pushes.map((d) => d.address))], "text"));
  for (const { clinicId, endpoint, ...k } of rows) keys.set(`${clinicId}|${endpoint}`, k);
  return keys;
}
