import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { patientDevices, staffPushSubscriptions, type Delivery } from "@/db/schema";
import { recordConsent } from "../consent/record-consent";
import { SMS_UNSUBSCRIBED_CODE } from "../providers/sms-twilio";

// What a permanent provider answer teaches us about the address, acted on at once so the
// next event does not try again: dead push tokens and subscriptions are deactivated with
// the reason; a carrier-level SMS unsubscribe is recorded as an opt-out.
export async function learnFromPermanentFailure(
  db: Database,
  delivery: Delivery,
  failure: { code: string; message: string; deadAddress?: boolean },
  now: Date,
): Promise<void> {
  const reason = `${failure.code}: ${failure.message}`.slice(0, 500);
  if (delivery.channel === "push" && failure.deadAddress && delivery.deviceId) {
    await db
      .update(patientDevices)
      .set({ active: false, deactivatedAt: now, deactivationReason: reason })
      .where(and(eq(patientDevices.id, delivery.deviceId), eq(patientDevices.active, true)));
  }
  if (delivery.channel === "web_push" && failure.deadAddress) {
    await db
      .update(staffPushSubscriptions)
      .set({ active: false, deactivatedAt: now, deactivationReason: reason })
      .where(and(eq(staffPushSubscriptions.endpoint, delivery.address), eq(staffPushSubscriptions.active, true)));
  }
  if (delivery.channel === "sms" && failure.code === SMS_UNSUBSCRIBED_CODE) {
    await recordConsent(db, {
      clinicId: delivery.clinicId,
      channel: "sms",
      address: delivery.address,
      state: "opted_out",
      reason,
      source: "provider",
      at: now,
    });
  }
}
