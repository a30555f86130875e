import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { lastInbound } from "@/db/schema";

// A patient wrote to the clinic on a channel: for WhatsApp this opens the 24-hour window.
export async function recordInbound(
  db: Database,
  clinicId: string,
  channel: "whatsapp" | "sms" | "email",
  address: string,
  at: Date,
): Promise<void> {
  await db
    .insert(lastInbound)
    .values({ clinicId, channel, address, at })
    .onConflictDoUpdate({
      target: [lastInbound.clinicId, lastInbound.channel, lastInbound.address],
      // Webhooks arrive out of order: keep the latest time.
      set: { at: sql`greatest(${lastInbound.at}, excluded.at)` },
    });
}
