import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { staffPushSubscriptions, type Delivery } from "@/db/schema";
import { emailHtml } from "../templates/render";
import type { OutboundMessage } from "../providers/types";

type DecisionExtras = { whatsapp?: OutboundMessage["whatsapp"]; link?: string; centreName?: string };

// The message to hand a provider, rebuilt from the stored delivery row alone, so a retry
// after a restart sends exactly what the first attempt would have.
export async function outboundMessageFor(db: Database, delivery: Delivery): Promise<OutboundMessage> {
  const extras = (delivery.decision ?? {}) as DecisionExtras;
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
  if (delivery.channel === "web_push") {
    const [subscription] = await db
      .select({ p256dh: staffPushSubscriptions.p256dh, auth: staffPushSubscriptions.auth })
      .from(staffPushSubscriptions)
      .where(and(eq(staffPushSubscriptions.clinicId, delivery.clinicId), eq(staffPushSubscriptions.endpoint, delivery.address)));
    if (subscription) message.webPushKeys = subscription;
  }
  return message;
}
