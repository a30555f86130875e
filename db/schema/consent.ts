import { index, pgEnum, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, id, instant } from "./columns";

export const consentChannelEnum = pgEnum("consent_channel", ["sms", "email", "whatsapp"]);
export const consentStateEnum = pgEnum("consent_state", ["opted_in", "opted_out", "suppressed"]);

// Consent and opt-outs, append-only with source and time; the latest record per address wins.
// SMS STOP → opted_out, START → opted_in; SES hard bounce / complaint → suppressed;
// WhatsApp needs an explicit opted_in before templates may be sent.
export const consentRecords = pgTable(
  "consent_records",
  {
    id: id(),
    clinicId: clinicRef(),
    channel: consentChannelEnum().notNull(),
    address: text().notNull(),
    state: consentStateEnum().notNull(),
    reason: text(),
    source: text().notNull(),
    recordedAt: createdAt(),
  },
  (t) => [index().on(t.clinicId, t.channel, t.address, t.recordedAt)],
);

// When each phone last wrote to the clinic on a channel: WhatsApp's 24-hour window.
export const lastInbound = pgTable(
  "last_inbound",
  {
    clinicId: clinicRef(),
    channel: text().notNull(),
    address: text().notNull(),
    at: instant().notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.channel, t.address] })],
);
