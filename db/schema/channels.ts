import { boolean, jsonb, pgEnum, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, updatedAt } from "./columns";

export const channelEnum = pgEnum("channel", ["whatsapp", "email", "sms", "telegram", "push", "web_push", "in_app"]);
export type Channel = (typeof channelEnum.enumValues)[number];

// A clinic's messaging workspace: which channels it has switched on, with its own provider
// credentials (validated per channel by lib/notifications/providers/config.ts).
export const clinicChannels = pgTable(
  "clinic_channels",
  {
    clinicId: clinicRef(),
    channel: channelEnum().notNull(),
    enabled: boolean().notNull().default(false),
    config: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.channel] })],
);

// Which channels each event goes out on, per clinic (seeded from the product defaults).
export const eventChannelDefaults = pgTable(
  "event_channel_defaults",
  {
    clinicId: clinicRef(),
    eventType: text().notNull(),
    channels: channelEnum().array().notNull().default([]),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.eventType] })],
);
