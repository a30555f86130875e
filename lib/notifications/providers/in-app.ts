import "server-only";
import type { Database } from "@/db/client";
import { staffNotifications } from "@/db/schema";
import { announceStaffAlert } from "@/lib/realtime/hub-changes";
import type { ChannelProvider, SendOutcome } from "./types";

// The staff notification centre: "sending" is storing the notification for the staff member.
export function createInAppProvider(db: Database, clinicId: string): ChannelProvider {
  return {
    channel: "in_app",
    async send(message): Promise<SendOutcome> {
      const [row] = await db
        .insert(staffNotifications)
        .values({
          clinicId,
          staffUserId: message.to,
          eventId: message.eventId,
          type: message.eventType,
          title: message.subject ?? "",
          body: message.text,
          link: message.link ?? null,
        })
        .onConflictDoUpdate({ target: [staffNotifications.eventId, staffNotifications.staffUserId], set: { title: message.subject ?? "" } })
        .returning({ id: staffNotifications.id });
      // The bell of every open tab of that staff member counts it at once.
      await announceStaffAlert(db, clinicId, message.to);
      return { ok: true, providerMessageId: row.id };
    },
  };
}
