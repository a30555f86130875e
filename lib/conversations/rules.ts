import type { MessageChannel, StaffRole } from "@/db/schema";
import { attachmentLimit } from "@/lib/attachments/rules";
import type { Permission } from "@/lib/auth/permissions";
import { WHATSAPP_WINDOW_MS } from "@/lib/notifications/decisions/decide-patient-channels";

// The Communication Hub's rules, pure: who may open a conversation, which channels the
// composer offers for a patient and why the others are not offered.

export type Refusal = { ok: false; reason: "no_send_messages" | "doctor_conversation_exists" | "role_cannot_start" };
export type Verdict = { ok: true } | Refusal;

// patient → reception always; reception → patient always; doctor → patient only while no
// conversation exists (then both continue it); admin → anyone. Everyone needs send_messages.
export function mayStartConversation(staff: { role: StaffRole; permissions: ReadonlySet<Permission> }, conversationExists: boolean): Verdict {
  if (!staff.permissions.has("send_messages")) return { ok: false, reason: "no_send_messages" };
  if (staff.role === "admin" || staff.role === "receptionist") return { ok: true };
  if (staff.role === "doctor") return conversationExists ? { ok: false, reason: "doctor_conversation_exists" } : { ok: true };
  return { ok: false, reason: "role_cannot_start" };
}

// Continuing an existing conversation only needs the permission: once a doctor has started
// one, the doctor and the patient both carry on.
export function mayReply(staff: { permissions: ReadonlySet<Permission> }): Verdict {
  return staff.permissions.has("send_messages") ? { ok: true } : { ok: false, reason: "no_send_messages" };
}

export type ComposerChannel =
  | { channel: MessageChannel; available: true; whatsapp?: { mode: "text"; windowEndsAt: Date } | { mode: "template" }; attachments: number }
  | { channel: MessageChannel; available: false; reason: "no_phone" | "no_email" | "sms_opted_out" | "email_suppressed" | "whatsapp_no_opt_in" };

export function composerChannels(
  contact: { phone: string | null; email: string | null },
  consent: { smsOptedOut: boolean; emailSuppressed: boolean; whatsappOptedIn: boolean },
  whatsappLastInboundAt: Date | null,
  now: Date,
): ComposerChannel[] {
  const out: ComposerChannel[] = [];
  if (!contact.phone) {
    out.push({ channel: "whatsapp", available: false, reason: "no_phone" }, { channel: "sms", available: false, reason: "no_phone" });
  } else {
    const windowEndsAt = whatsappLastInboundAt ? new Date(whatsappLastInboundAt.getTime() + WHATSAPP_WINDOW_MS) : null;
    if (windowEndsAt && windowEndsAt > now) out.push({ channel: "whatsapp", available: true, whatsapp: { mode: "text", windowEndsAt }, attachments: attachmentLimit("whatsapp") });
    else if (consent.whatsappOptedIn) out.push({ channel: "whatsapp", available: true, whatsapp: { mode: "template" }, attachments: 0 });
    else out.push({ channel: "whatsapp", available: false, reason: "whatsapp_no_opt_in" });
    out.push(consent.smsOptedOut ? { channel: "sms", available: false, reason: "sms_opted_out" } : { channel: "sms", available: true, attachments: attachmentLimit("sms") });
  }
  if (!contact.email) out.push({ channel: "email", available: false, reason: "no_email" });
  else if (consent.emailSuppressed) out.push({ channel: "email", available: false, reason: "email_suppressed" });
  else out.push({ channel: "email", available: true, attachments: attachmentLimit("email") });
  // Portal messages never leave the platform: always available, the place for sensitive documents.
  out.push({ channel: "portal", available: true, attachments: attachmentLimit("portal") });
  return out;
}
