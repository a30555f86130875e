import "server-only";
import type { Database } from "@/db/client";
import { consentRecords } from "@/db/schema";

export type ConsentRecord = typeof consentRecords.$inferSelect;

export type ConsentEntry = {
  clinicId: string;
  channel: "sms" | "email" | "whatsapp";
  address: string;
  state: "opted_in" | "opted_out" | "suppressed";
  reason?: string;
  // Where the choice came from: a keyword the patient sent, a bounce, a paper form…
  source: string;
  at: Date;
};

// The one writer of consent records: a patient's STOP or START, a bounce or complaint, a
// carrier's unsubscribe, a choice staff recorded. Records are only ever appended; the latest
// per channel and address is the one the pipeline and the composer read.
export async function recordConsent(db: Database, entry: ConsentEntry): Promise<ConsentRecord> {
  const [record] = await db
    .insert(consentRecords)
    .values({
      clinicId: entry.clinicId,
      channel: entry.channel,
      address: entry.address,
      state: entry.state,
      reason: entry.reason,
      source: entry.source,
      recordedAt: entry.at,
    })
    .returning();
  return record;
}
