import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deliveries, type Channel, type DeliveryStatus } from "@/db/schema";

export type PatientAttempt = { channel: Channel; status: DeliveryStatus };

// What the pipeline tried for the patient on each of these events (skipped channels left out):
// the reminder backup's verdict reads whether the first channel got through.
export async function patientAttemptsOf(db: Database, eventIds: readonly string[]): Promise<Map<string, PatientAttempt[]>> {
  const byEvent = new Map<string, PatientAttempt[]>();
  if (!eventIds.length) return byEvent;
  const rows = await db
    .select({ eventId: deliveries.eventId, channel: deliveries.channel, status: deliveries.status })
    .from(deliveries)
    .where(and(inArray(deliveries.eventId, [...eventIds]), eq(deliveries.audience, "patient"), ne(deliveries.status, "skipped")));
  for (const { eventId, ...attempt } of rows) byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), attempt]);
  return byEvent;
}
