import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deliveries, deliveryAttempts } from "@/db/schema";

// Deliveries left in "sending" by a worker that died. If its last provider call never
// finished, the provider may have accepted the message: it is NOT sent again (at most once)
// and is marked failed with outcome_unknown for support to see; a provider receipt can still
// move it on. If no call was in flight (it died before calling, or while waiting to retry),
// the provider has not got it, so it goes back to pending and is sent.
export async function recoverInterruptedDeliveries(db: Database, eventId: string, now: Date): Promise<void> {
  const stuck = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.eventId, eventId), eq(deliveries.status, "sending")));
  if (!stuck.length) return;
  const attempts = await db
    .select()
    .from(deliveryAttempts)
    .where(
      inArray(
        deliveryAttempts.deliveryId,
        stuck.map((s) => s.id),
      ),
    )
    .orderBy(desc(deliveryAttempts.attempt));

  for (const { id } of stuck) {
    const last = attempts.find((a) => a.deliveryId === id);
    if (last && !last.finishedAt) {
      await db.update(deliveryAttempts).set({ outcome: "outcome_unknown", finishedAt: now }).where(eq(deliveryAttempts.id, last.id));
      await db
        .update(deliveries)
        .set({
          status: "failed",
          failedAt: now,
          providerErrorCode: "outcome_unknown",
          providerError: "The worker stopped while the provider was handling this message. Not resent, to avoid a duplicate.",
        })
        .where(and(eq(deliveries.id, id), eq(deliveries.status, "sending")));
    } else {
      await db
        .update(deliveries)
        .set({ status: "pending" })
        .where(and(eq(deliveries.id, id), eq(deliveries.status, "sending")));
    }
  }
}
