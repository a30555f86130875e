// What the inbox's API routes answer, as the browser receives it (dates are strings).
export type ConversationItem = {
  id: string;
  patientId: string | null;
  patientName: string | null;
  contactAddress: string | null;
  status: "unread" | "read" | "replied" | "archived";
  starred: boolean;
  unreadCount: number;
  channels: string[];
  lastMessageAt: string;
  lastMessagePreview: string | null;
};
export type ListPage = { conversations: ConversationItem[]; nextCursor: string | null; unread: Record<string, number> };

export type ThreadMessage = {
  id: string;
  direction: "inbound" | "outbound";
  channel: "sms" | "email" | "portal" | "call" | "whatsapp";
  subject: string | null;
  body: string;
  callDurationSeconds: number | null;
  createdAt: string;
  authorName: string | null;
  deliveryStatus: string | null;
  deliveryError: string | null;
  attachments: { id: string; fileName: string; contentType: string; sizeBytes: number }[];
  refusedAttachments: { fileName: string; reason: string }[];
  senderCheck: { spf?: string; dkim?: string; dmarc?: string } | null;
};
export type ThreadPage = {
  conversation: ConversationItem & { phone: string | null; phoneDisplay: string | null; email: string | null };
  messages: ThreadMessage[];
  nextCursor: string | null;
  composer: {
    channel: "sms" | "email" | "portal" | "call" | "whatsapp";
    available: boolean;
    reason?: "patient_inactive" | "no_phone" | "no_email" | "sms_opted_out" | "email_suppressed" | "whatsapp_no_opt_in";
    attachments?: number;
    whatsapp?: { mode: "text"; windowEndsAt: string } | { mode: "template" };
    templates?: { name: string; text: string }[];
  }[];
};
