import "server-only";
import type { Database } from "@/db/client";
import { clinicChannels, eventChannelDefaults, messageTemplates, type Channel } from "@/db/schema";
import { DEFAULT_EVENT_CHANNELS, type EventType } from "@/lib/notifications/event-catalog";
import { sealConfig } from "../providers/registry";
import { defaultTemplateRows } from "../templates/default-rows";

// What every new clinic starts with: the product's default channels per event and the
// default templates in English and French. Channels stay off until configured.
export async function installClinicNotificationDefaults(db: Database, clinicId: string): Promise<void> {
  await db
    .insert(eventChannelDefaults)
    .values(
      Object.entries(DEFAULT_EVENT_CHANNELS).map(([eventType, channels]) => ({ clinicId, eventType: eventType as EventType, channels })),
    )
    .onConflictDoNothing();
  await db
    .insert(messageTemplates)
    .values(defaultTemplateRows().map((row) => ({ clinicId, ...row })))
    .onConflictDoNothing();
}

// A channel's configuration, its secrets sealed: the one way a configuration is written.
export async function configureChannel(
  db: Database,
  clinicId: string,
  channel: Channel,
  config: Record<string, unknown>,
  enabled = true,
): Promise<void> {
  const stored = sealConfig(channel, config);
  await db
    .insert(clinicChannels)
    .values({ clinicId, channel, enabled, config: stored })
    .onConflictDoUpdate({
      target: [clinicChannels.clinicId, clinicChannels.channel],
      set: { enabled, config: stored, updatedAt: new Date() },
    });
}
