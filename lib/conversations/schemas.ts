import { z } from "zod";
import { conversationStatusEnum, messageChannelEnum, messageDirectionEnum } from "@/db/schema";
import { cursorSchema } from "@/lib/paging/cursor";
import { HUB_WHATSAPP_TEMPLATE_NAMES, type HubWhatsappTemplate } from "./whatsapp-templates";

const blank = (v: unknown) => (v === "" ? undefined : v);

// The inbox filters; they live in the URL, so every field is a string there.
export const conversationListSchema = z.object({
  patient: z.preprocess(blank, z.uuid("must be a patient id").optional()),
  status: z.preprocess(blank, z.enum(conversationStatusEnum.enumValues).optional()),
  type: z.preprocess(blank, z.enum(messageChannelEnum.enumValues).optional()),
  direction: z.preprocess(blank, z.enum(messageDirectionEnum.enumValues).optional()),
  starred: z.preprocess(
    blank,
    z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
  ),
  q: z.preprocess(blank, z.string().trim().min(2, "must be at least 2 characters").max(200).optional()),
  cursor: z.preprocess(blank, cursorSchema(z.tuple([z.iso.datetime(), z.uuid()])).optional()),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ConversationListQuery = z.output<typeof conversationListSchema>;

export const conversationIdSchema = z.object({ id: z.uuid("must be a conversation id") });

export const threadPageSchema = z.object({
  cursor: z.preprocess(blank, cursorSchema(z.tuple([z.iso.datetime(), z.uuid()])).optional()),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const conversationUpdateSchema = z
  .object({
    read: z.boolean().optional(),
    starred: z.boolean().optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "give read, starred or archived", path: ["_"] });
export type ConversationUpdate = z.output<typeof conversationUpdateSchema>;

export const callLogSchema = z.object({
  direction: z.enum(messageDirectionEnum.enumValues),
  // When the call took place (ISO instant); a call in the future cannot be logged.
  at: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(0).max(600),
  summary: z.string().trim().min(1, "say what the call was about").max(2000),
});
export type CallLog = z.output<typeof callLogSchema>;

export const sendMessageSchema = z
  .object({
    channel: z.enum(["sms", "email", "whatsapp", "portal"]),
    subject: z.string().trim().max(200).optional(),
    body: z.string().trim().max(4096, "must be at most 4,096 characters").default(""),
    // WhatsApp outside the 24-hour window: an approved template instead of free text.
    template: z.enum(HUB_WHATSAPP_TEMPLATE_NAMES).optional(),
    // Uploaded first (POST /api/attachments), then sent with the message.
    attachmentIds: z.array(z.uuid("must be attachment ids")).max(5, "at most 5 attachments").default([]),
  })
  .superRefine((v, ctx) => {
    if (v.channel === "email" && !v.subject) ctx.addIssue({ code: "custom", path: ["subject"], message: "an email needs a subject" });
    if (v.template && v.channel !== "whatsapp")
      ctx.addIssue({ code: "custom", path: ["template"], message: "templates are for WhatsApp only" });
    if (!v.template && !v.body) ctx.addIssue({ code: "custom", path: ["body"], message: "write a message" });
  });
// Callers inside the app may leave out the attachments.
export type SendMessage = Omit<z.output<typeof sendMessageSchema>, "attachmentIds" | "template"> & {
  attachmentIds?: string[];
  template?: HubWhatsappTemplate;
};

export const startConversationSchema = z.object({ patientId: z.uuid("must be a patient id"), message: sendMessageSchema });

export const attachConversationSchema = z.object({ patientId: z.uuid("must be a patient id") });
