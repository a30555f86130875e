// The approved WhatsApp templates staff may send from the inbox when the 24-hour window is
// closed. Meta approves each template's text per language; ours carry no clinical detail,
// only an invitation to reply (which reopens the window) or to call. {{1}} is the patient's
// first name, {{2}} the clinic's name.
export const HUB_WHATSAPP_TEMPLATES = {
  clinic_message_waiting: {
    en: "Hello {{1}}, {{2}} has a message for you. Reply to this message to continue the conversation.",
    fr: "Bonjour {{1}}, {{2}} a un message pour vous. Répondez à ce message pour poursuivre la conversation.",
  },
  clinic_please_call: {
    en: "Hello {{1}}, {{2}} would like to speak with you. Please call the practice or reply to this message.",
    fr: "Bonjour {{1}}, {{2}} souhaite vous parler. Merci d'appeler le cabinet ou de répondre à ce message.",
  },
  clinic_document_ready: {
    en: "Hello {{1}}, a document from {{2}} is ready in your patient portal.",
    fr: "Bonjour {{1}}, un document de {{2}} vous attend dans votre espace patient.",
  },
} as const satisfies Record<string, Record<"en" | "fr", string>>;

export type HubWhatsappTemplate = keyof typeof HUB_WHATSAPP_TEMPLATES;
export const HUB_WHATSAPP_TEMPLATE_NAMES = Object.keys(HUB_WHATSAPP_TEMPLATES) as [HubWhatsappTemplate, ...HubWhatsappTemplate[]];

// The text the patient will read (and the timeline shows), with its parameters.
export function renderHubTemplate(name: HubWhatsappTemplate, language: string, patientFirstName: string, clinicName: string) {
  const texts: Record<string, string> = HUB_WHATSAPP_TEMPLATES[name];
  const parameters = [patientFirstName, clinicName];
  const text = (texts[language] ?? texts.en).replace(/\{\{(\d)\}\}/g, (_, n: string) => parameters[Number(n) - 1] ?? "");
  return { name, language: language in texts ? language : "en", parameters, text };
}
