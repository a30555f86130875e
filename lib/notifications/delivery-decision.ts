import { z } from "zod";
import { SKIP_REASONS } from "./skip-reasons";

// Why a delivery row exists, stored with it (deliveries.decision) and read back at send time:
// the contract between planning and sending. Parsed on write and on read, so a planner cannot
// store what the sender does not understand.

const whatsappSend = z.object({
  mode: z.enum(["text", "template"]),
  templateName: z.string().optional(),
  parameters: z.array(z.string()).optional(),
});

// A row to send: what the provider needs beside the rendered text.
export const sendDecisionSchema = z.object({
  rule: z.literal("sent"),
  whatsapp: whatsappSend.optional(),
  // A path inside the app the staff alert opens.
  link: z.string().optional(),
  // The clinic's name, for the email's letterhead.
  centreName: z.string().optional(),
  // A Communication Hub message: its attachments go with it.
  messageId: z.uuid().optional(),
  smsEncoding: z.string().optional(),
});

// A row decided against: the reason, and what support needs to explain it.
export const skipDecisionSchema = z.object({
  reason: z.enum(SKIP_REASONS),
  detail: z.string().optional(),
  // The household key that refused a second reminder SMS.
  key: z.string().optional(),
  messageId: z.uuid().optional(),
});

export const deliveryDecisionSchema = z.union([sendDecisionSchema, skipDecisionSchema]);

export type SendDecision = z.infer<typeof sendDecisionSchema>;
export type SkipDecision = z.infer<typeof skipDecisionSchema>;
export type DeliveryDecision = z.infer<typeof deliveryDecisionSchema>;

// Read back at send time. A row written before this contract, or by hand, sends with
// nothing extra rather than failing.
export function sendDecisionOf(stored: unknown): SendDecision | null {
  const parsed = sendDecisionSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
