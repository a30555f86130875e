import type { SkipReason } from "@/lib/notifications/skip-reasons";

// Whether a patient can be reached on a channel right now, from their contact data and
// consent alone: the one rule shared by the pipeline's decisions, the inbox composer and the
// hub's send. Pure; `now` decides WhatsApp's 24-hour window.

export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ReachableChannel = "whatsapp" | "sms" | "email" | "telegram" | "push";

export type ContactFacts = {
  phone: string | null;
  email: string | null;
  telegramChatId?: string | null;
  deviceCount?: number;
  // False once the record is deactivated: kept for the log, never messaged on any channel.
  active?: boolean;
};

export type ConsentFacts = { smsOptedOut: boolean; emailSuppressed: boolean; whatsappOptedIn: boolean };

export type WhatsappMode = { mode: "text"; windowEndsAt: Date } | { mode: "template" };

export type Availability = { available: true; whatsapp?: WhatsappMode } | { available: false; reason: UnavailableReason };

export type UnavailableReason = Extract<
  SkipReason,
  | "patient_inactive"
  | "no_phone"
  | "no_email"
  | "no_telegram_chat"
  | "no_device"
  | "sms_opted_out"
  | "email_suppressed"
  | "whatsapp_no_opt_in"
>;

const unavailable = (reason: UnavailableReason): Availability => ({ available: false, reason });

// Inside the window (24 h after the patient's last message) free text is allowed; outside it,
// only an approved template, and only to a patient who opted in.
function whatsappAvailability(consent: ConsentFacts, lastInboundAt: Date | null, now: Date): Availability {
  const windowEndsAt = lastInboundAt ? new Date(lastInboundAt.getTime() + WHATSAPP_WINDOW_MS) : null;
  if (windowEndsAt && windowEndsAt > now) return { available: true, whatsapp: { mode: "text", windowEndsAt } };
  if (!consent.whatsappOptedIn) return unavailable("whatsapp_no_opt_in");
  return { available: true, whatsapp: { mode: "template" } };
}

export function channelAvailability(
  channel: ReachableChannel,
  facts: { contact: ContactFacts; consent: ConsentFacts; whatsappLastInboundAt: Date | null },
  now: Date,
): Availability {
  const { contact, consent } = facts;
  if (contact.active === false) return unavailable("patient_inactive");
  switch (channel) {
    case "whatsapp":
      return contact.phone ? whatsappAvailability(consent, facts.whatsappLastInboundAt, now) : unavailable("no_phone");
    case "sms":
      if (!contact.phone) return unavailable("no_phone");
      return consent.smsOptedOut ? unavailable("sms_opted_out") : { available: true };
    case "email":
      if (!contact.email) return unavailable("no_email");
      return consent.emailSuppressed ? unavailable("email_suppressed") : { available: true };
    case "telegram":
      return contact.telegramChatId ? { available: true } : unavailable("no_telegram_chat");
    case "push":
      return contact.deviceCount ? { available: true } : unavailable("no_device");
  }
}
