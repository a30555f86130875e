import "server-only";
import { and, eq, or, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deliveries, deliveryReceipts, type Channel, type DeliveryStatus } from "@/db/schema";
import { announceDeliveryChanges } from "@/lib/realtime/hub-changes";
import { canMoveTo } from "../delivery/status-order";
import { HUB_MESSAGE_EVENT } from "@/lib/notifications/event-catalog";

export type Receipt = {
  channel: Channel;
  providerMessageId: string;
  // Our delivery id when the provider echoes it (WhatsApp callback data, SES tags).
  deliveryId?: string;
  status: Extract<DeliveryStatus, "sent" | "delivered" | "read" | "failed" | "bounced">;
  occurredAt: Date;
  errorCode?: string;
  error?: string;
  // Unique per provider event: the same receipt twice is stored and applied once.
  receiptKey: string;
  raw: unknown;
};

export type ReceiptOutcome = "applied" | "duplicate" | "unknown_delivery" | "not_forward";

const TIMESTAMP = { sent: "sentAt", delivered: "deliveredAt", read: "readAt", failed: "failedAt", bounced: "failedAt" } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Applies a provider receipt to its delivery. Receipts come late, twice and out of order:
// each is recorded once (unique key) and moves the status only forward.
export async function applyReceipt(db: Database, clinicId: string, receipt: Receipt): Promise<ReceiptOutcome> {
  const [stored] = await db
    .insert(deliveryReceipts)
    .values({
      channel: receipt.channel,
      // Unique per clinic: one clinic's receipt can never shadow another's.
      receiptKey: `${clinicId}:${receipt.receiptKey}`,
      providerMessageId: receipt.providerMessageId,
      status: receipt.status,
      errorCode: receipt.errorCode,
      error: receipt.error,
      occurredAt: receipt.occurredAt,
      raw: receipt.raw,
    })
    .onConflictDoNothing()
    .returning({ id: deliveryReceipts.id });
  if (!stored) return "duplicate";

  const match: SQL[] = [and(eq(deliveries.channel, receipt.channel), eq(deliveries.providerMessageId, receipt.providerMessageId))!];
  if (receipt.deliveryId && UUID.test(receipt.deliveryId)) match.push(eq(deliveries.id, receipt.deliveryId));
  const [delivery] = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.clinicId, clinicId), or(...match)))
    .limit(1);
  if (!delivery) return "unknown_delivery";
  await db.update(deliveryReceipts).set({ deliveryId: delivery.id }).where(eq(deliveryReceipts.id, stored.id));

  // A worker that died mid-call marked the row failed with an unknown outcome; the
  // provider's own word about it is better than our guess.
  const unknownOutcome = delivery.status === "failed" && delivery.providerErrorCode === "outcome_unknown";
  if (!canMoveTo(delivery.status, receipt.status) && !(unknownOutcome && receipt.status !== "failed")) return "not_forward";

  const failing = receipt.status === "failed" || receipt.status === "bounced";
  const [moved] = await db
    .update(deliveries)
    .set({
      status: receipt.status,
      [TIMESTAMP[receipt.status]]: receipt.occurredAt,
      providerMessageId: delivery.providerMessageId ?? receipt.providerMessageId,
      ...(failing ? { providerErrorCode: receipt.errorCode ?? receipt.status, providerError: receipt.error ?? null } : {}),
      ...(unknownOutcome && !failing ? { providerErrorCode: null, providerError: null } : {}),
    })
    // Guarded on the status read above: a concurrent receipt cannot be overwritten backwards.
    .where(and(eq(deliveries.id, delivery.id), eq(deliveries.status, delivery.status)))
    .returning({ id: deliveries.id });
  if (!moved) return "not_forward";
  if (delivery.eventType === HUB_MESSAGE_EVENT) await announceDeliveryChanges(db, [delivery.id]);
  return "applied";
}
