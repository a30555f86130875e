import type { MessageChannel, StaffRole } from "@/db/schema";
import { attachmentLimit } from "@/lib/attachments/rules";
import type { Permission } from "@/lib/auth/permissions";
import { channelAvailability, type ConsentFacts, type UnavailableReason } from "@/lib/notifications/decisions/channel-availability";

// The Communication Hub's rules, pure: who may open a conversation, which channels the
// composer offers for a patient and why the others are not offered.

export type Refusal = { ok: false; reason: "no_send_messages" | "doctor_conversation_exists" | "role_cannot_start" };
export type Verdict = { ok: true } | Refusal;

// patient → reception always; reception → patient always; doctor → patient only while no
// conversation exists (then both continue it); admin → anyone. Everyone needs send_messages.
export function mayStartConversation(
  staff: { role: StaffRole; permissions: ReadonlySet<Permission> },
  conversationExists: boolean,
): Verdict {
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
  | {
      channel: MessageChannel;
      available: true;
      whatsapp?: { mode: "text"; windowEndsAt: Date } | { mode: "template" };
      attachments: number;
    }
  | { channel: MessageChannel; available: false; reason: UnavailableReason };

// The channel-availability rule of the pipeline, offered as the composer's channels: a
// template carries no attachment; portal messages never leave the platform, so they are
// always available and the place for sensitive documents.
export function composerChannels(
  contact: { phone: string | null; email: string | null; active?: boolean },
  consent: ConsentFacts,
  whatsappLastInboundAt: Date | null,
  now: Date,
): ComposerChannel[] {
  const offer = (channel: "whatsapp" | "sms" | "email"): ComposerChannel => {
    const availability = channelAvailability(channel, { contact, consent, whatsappLastInboundAt }, now);
    if (!availability.available) return { channel, available: false, reason: availability.reason };
    const attachments = availability.whatsapp?.mode === "template" ? 0 : attachmentLimit(channel);
    return { channel, available: true, attachments, ...(availability.whatsapp ? { whatsapp: availability.whatsapp } : {}) };
  };
  const portal: ComposerChannel =
    contact.active === false
      ? { channel: "portal", available: false, reason: "patient_inactive" }
      : { channel: "portal", available: true, attachments: attachmentLimit("portal") };
  return [offer("whatsapp"), offer("sms"), offer("email"), portal];
}
