import type { MessageChannel } from "@/db/schema";

// What a message may carry, decided from the bytes (sniffed), never from the file's name or
// what the browser claims. Images, PDFs and office documents: what a clinic sends and
// receives (a prescription, a referral letter, a photo of a rash, a lab result).
export const ALLOWED_TYPES: Readonly<Record<string, string>> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG image",
  "image/png": "PNG image",
  "image/webp": "WebP image",
  "image/gif": "GIF image",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel spreadsheet",
  "application/vnd.oasis.opendocument.text": "OpenDocument text",
};

// Per message and channel: SMS carries none; WhatsApp one media per message (the file goes
// with the text as its caption); email and the portal several.
const LIMITS: Record<MessageChannel, number> = { sms: 0, call: 0, whatsapp: 1, email: 5, portal: 5 };
export const attachmentLimit = (channel: MessageChannel): number => LIMITS[channel];

// WhatsApp captions are capped at 1,024 characters.
export const WHATSAPP_CAPTION_MAX = 1024;

export type FileVerdict =
  { ok: true; contentType: string } | { ok: false; reason: "empty" | "too_large" | "type_not_allowed"; detail: string };

export function checkFile(file: { sizeBytes: number; sniffedType: string | null }, maxBytes: number): FileVerdict {
  if (file.sizeBytes === 0) return { ok: false, reason: "empty", detail: "The file is empty." };
  if (file.sizeBytes > maxBytes) {
    return { ok: false, reason: "too_large", detail: `The file is ${megabytes(file.sizeBytes)}; the limit is ${megabytes(maxBytes)}.` };
  }
  if (!file.sniffedType || !(file.sniffedType in ALLOWED_TYPES)) {
    const seen = file.sniffedType ? `Its content is ${file.sniffedType}` : "Its content is not a recognised document or image";
    return {
      ok: false,
      reason: "type_not_allowed",
      detail: `${seen}; send a PDF, an image (JPEG, PNG, WebP, GIF) or a Word, Excel or OpenDocument file.`,
    };
  }
  return { ok: true, contentType: file.sniffedType };
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
