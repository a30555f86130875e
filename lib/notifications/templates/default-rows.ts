import type { Channel, Language } from "@/db/schema";
import { PATIENT_EVENT_TYPES } from "@/lib/notifications/event-catalog";
import { DEFAULT_TEXTS } from "./defaults";

export type TemplateRow = {
  eventType: string;
  channel: Channel;
  language: Language;
  subject: string | null;
  body: string;
  whatsappTemplateName: string | null;
  whatsappParameters: string[] | null;
};

// Every patient event × channel × language, from the default texts.
export function defaultTemplateRows(): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (const eventType of PATIENT_EVENT_TYPES) {
    for (const language of ["en", "fr"] as const) {
      const t = DEFAULT_TEXTS[eventType][language];
      const base = { eventType, language, subject: null, whatsappTemplateName: null, whatsappParameters: null };
      rows.push(
        { ...base, channel: "email", subject: t.subject, body: t.email },
        { ...base, channel: "sms", body: t.short },
        { ...base, channel: "telegram", body: t.short },
        { ...base, channel: "push", subject: t.pushTitle, body: t.pushBody },
        { ...base, channel: "whatsapp", body: t.short, whatsappTemplateName: t.whatsappTemplate, whatsappParameters: t.whatsappParameters },
      );
    }
  }
  return rows;
}
