import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { attachments, staffPushSubscriptions, type Delivery } from "@/db/schema";
import { fileStore } from "@/lib/storage/file-store";
import { sendDecisionOf } from "@/lib/notifications/delivery-decision";
import { emailHtml } from "../templates/render";
import type { OutboundMessage } from "../providers/types";

// The message to hand a provider, rebuilt from the stored delivery row alone, so a retry
// after a restart sends exactly what the first attempt would have.
export async function outboundMessageFor(db: Database, delivery: Delivery): Promise<OutboundMessage> {
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
    const files = await db.select().from(attachments).where(and(eq(attachments.clinicId, delivery.clinicId), eq(attachments.messageId, extras.messageId))).orderBy(attachments.createdAt);
    if (files.length) {
      const store = fileStore();
      message.attachments = await Promise.all(files.map(async (f) => ({ fileName: f.fileName, contentType: f.contentType, content: await store.get(f.storageKey) })));
    }
  }
  if (delivery.channel === "web_push") {
    const [subscription] = await db
      .select({ p256dh: staffPushSubscriptions.p256dh, auth: staffPushSubscriptions.auth })
      .from(staffPushSubscriptions)
      .where(and(eq(staffPushSubscriptions.clinicId, delivery.clinicId), eq(staffPushSubscriptions.endpoint, delivery.address)));
    if (subscription) message.webPushKeys = subscription;
  }
  return message;
}
