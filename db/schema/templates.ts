import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { channelEnum } from "./channels";
import { clinicRef, languageEnum } from "./clinics";
import { updatedAt } from "./columns";

// A message template per clinic × event × channel × language. Bodies are Handlebars; email
// bodies are HTML-escaped, text channels are not. WhatsApp outside the 24-hour window uses the
// approved template name with the listed variables as its body parameters.
export const messageTemplates = pgTable(
  "message_templates",
  {
    clinicId: clinicRef(),
    eventType: text().notNull(),
    channel: channelEnum().notNull(),
    language: languageEnum().notNull(),
    subject: text(),
    body: text().notNull(),
    whatsappTemplateName: text(),
    whatsappParameters: text().array(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.eventType, t.channel, t.language] })],
);

export type MessageTemplate = typeof messageTemplates.$inferSelect;
