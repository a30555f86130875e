import "server-only";
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { deliveries, patients, staffUsers } from "@/db/schema";
import { encodeCursor } from "@/lib/paging/cursor";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { clinicDayRange } from "@/lib/time/clinic-time";
import type { DeliveryLogQuery } from "./schemas";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// The delivery log, newest first, filtered by patient, event, channel, status and clinic days.
export async function listDeliveries(ctx: Ctx, q: DeliveryLogQuery) {
  const { timeZone } = ctx.clinic;
  const rows = await ctx.db
    .select({
      id: deliveries.id,
      createdAt: deliveries.createdAt,
      eventType: deliveries.eventType,
      channel: deliveries.channel,
      address: deliveries.address,
      status: deliveries.status,
      skipReason: deliveries.skipReason,
      providerErrorCode: deliveries.providerErrorCode,
      attempts: deliveries.attempts,
      audience: deliveries.audience,
      recipientId: deliveries.recipientId,
      recipientName: sql<string>`coalesce(${patients.firstName} || ' ' || ${patients.lastName}, ${staffUsers.name}, '')`,
    })
    .from(deliveries)
    .leftJoin(patients, and(eq(deliveries.audience, "patient"), eq(patients.id, deliveries.recipientId)))
    .leftJoin(staffUsers, and(eq(deliveries.audience, "staff"), eq(staffUsers.id, deliveries.recipientId)))
    .where(
      inClinic(
        ctx,
        deliveries,
        q.patient ? eq(deliveries.recipientId, q.patient) : undefined,
        q.event ? eq(deliveries.eventType, q.event) : undefined,
        q.channel ? eq(deliveries.channel, q.channel) : undefined,
        q.status ? eq(deliveries.status, q.status) : undefined,
        q.from ? gte(deliveries.createdAt, clinicDayRange(q.from, timeZone).start) : undefined,
        q.to ? lt(deliveries.createdAt, clinicDayRange(q.to, timeZone).end) : undefined,
        q.cursor ? sql`(${deliveries.createdAt}, ${deliveries.id}) < (${new Date(q.cursor[0]).toISOString()}::timestamptz, ${q.cursor[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { deliveries: page, nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
}
