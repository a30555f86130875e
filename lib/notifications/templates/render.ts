import Handlebars from "handlebars";
import { SegmentedMessage } from "sms-segments-calculator";
import type { Channel } from "@/db/schema";
import type { TemplateRow } from "./default-rows";

export type TemplateVariables = Record<string, unknown>;

export type RenderedMessage = {
  subject: string | null;
  text: string;
  // SMS only: GSM-7 fits 160 characters per segment (153 when split), UCS-2 70 (67).
  sms: { segments: number; encoding: string } | null;
  // WhatsApp outside the 24-hour window: the approved template and its body parameters.
  whatsappTemplate: { name: string; parameters: string[] } | null;
};

const handlebars = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

// Compiled once per source; templates are reused for every patient. Text is rendered
// unescaped: escaping for HTML happens once, on the whole text (emailHtml).
function render(source: string, variables: TemplateVariables): string {
  let template = compiled.get(source);
  if (!template) {
    template = handlebars.compile(source, { noEscape: true, knownHelpersOnly: true });
    compiled.set(source, template);
  }
  return template(variables);
}

function valueAt(variables: TemplateVariables, path: string): string {
  const value = path
    .split(".")
    .reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), variables);
  return value === undefined || value === null ? "" : String(value);
}

// Email bodies are written as plain paragraphs. The HTML part is the rendered text, escaped
// as a whole: no variable (a patient's name, a reason typed by staff) can inject markup.
// Derived from the stored text alone, at send time, so a retry sends exactly the same.
export function emailHtml(text: string, centreName: string): string {
  const paragraphs = handlebars
    .escapeExpression(text)
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">${paragraphs}<hr><p style="color:#64748b;font-size:12px">${handlebars.escapeExpression(centreName)}</p></body></html>`;
}

export function renderMessage(
  template: Pick<TemplateRow, "subject" | "body" | "whatsappTemplateName" | "whatsappParameters">,
  channel: Channel,
  variables: TemplateVariables,
): RenderedMessage {
  const text = render(template.body, variables).trim();
  const subject = template.subject ? render(template.subject, variables).trim() : null;
  const segmented = channel === "sms" ? new SegmentedMessage(text) : null;
  return {
    subject,
    text,
    sms: segmented ? { segments: segmented.segmentsCount, encoding: segmented.encodingName } : null,
    whatsappTemplate:
      channel === "whatsapp" && template.whatsappTemplateName
        ? { name: template.whatsappTemplateName, parameters: (template.whatsappParameters ?? []).map((p) => valueAt(variables, p)) }
        : null,
  };
}
