import "server-only";
import { asc, eq } from "drizzle-orm";
import { deliveries, deliveryAttempts, deliveryReceipts, events, patients, staffUsers } from "@/db/schema";
import { NotFoundError } from "@/lib/errors/app-errors";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";

type Ctx = Pick<StaffContext, "db" | "clinicId">;

// One delivery with everything support needs: the decision and its reason in words, each
// provider attempt, each receipt, and the event it came from.
export async function getDelivery(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ delivery: deliveries, event: events })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .where(inClinic(ctx, deliveries, eq(deliveries.id, id)));
  if (!row) throw new NotFoundError("Delivery");
  const { delivery, event } = row;
  const [attempts, receipts, recipient] = await Promise.all([
    ctx.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, id)).orderBy(asc(deliveryAttempts.attempt)),
    ctx.db.select().from(deliveryReceipts).where(eq(deliveryReceipts.deliveryId, id)).orderBy(asc(deliveryReceipts.occurredAt)),
    delivery.audience === "patient"
      ? ctx.db.select({ name: patients.firstName, last: patients.lastName }).from(patients).where(eq(patients.id, delivery.recipientId))
      : ctx.db.select({ name: staffUsers.name, last: staffUsers.role }).from(staffUsers).where(eq(staffUsers.id, delivery.recipientId)),
  ]);
  return {
    delivery,
    event: { id: event.id, type: event.type, key: event.eventKey, source: event.source, receivedAt: event.receivedAt, decisions: event.decisions },
    attempts,
    receipts: receipts.map(({ raw, ...r }) => r),
    recipientName: recipient[0] ? `${recipient[0].name} ${delivery.audience === "patient" ? recipient[0].last : ""}`.trim() : "",
  };
}
