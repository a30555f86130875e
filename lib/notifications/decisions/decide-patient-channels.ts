import type { BookedBy, Channel } from "@/db/schema";
import type { SkipReason } from "./reasons";

// Which channels a patient notification goes out on: the event's channels ∩ the clinic's
// enabled channels ∩ motif / agenda / patient switches ∩ contact data ∩ consent ∩ WhatsApp's
// 24-hour window. Pure: every input is data, and every channel gets a decision with its reason.

export const PATIENT_CHANNELS = ["whatsapp", "email", "sms", "telegram", "push"] as const satisfies readonly Channel[];
export type PatientChannel = (typeof PATIENT_CHANNELS)[number];

export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export type PatientFacts = {
  phone: string | null;
  email: string | null;
  telegramChatId: string | null;
  notificationsEnabled: boolean;
  // Active devices of the approved accounts that manage this profile, one per token.
  devices: { id: string; token: string }[];
};

export type AppointmentFacts = {
  bookedBy: BookedBy;
  motifNotificationsEnabled: boolean;
  agenda: { notifySms: boolean; notifyEmail: boolean; notifyWhatsapp: boolean; notifyPush: boolean };
};

export type ConsentFacts = { smsOptedOut: boolean; emailSuppressed: boolean; whatsappOptedIn: boolean };

export type DecisionInput = {
  eventChannels: readonly Channel[];
  enabledChannels: ReadonlySet<Channel>;
  // Null for events that are not about an appointment (walk-in, clinical).
  appointment: AppointmentFacts | null;
  patient: PatientFacts;
  consent: ConsentFacts;
  whatsappLastInboundAt: Date | null;
  now: Date;
};

export type Recipient = { address: string; deviceId?: string };

export type ChannelDecision =
  | { channel: PatientChannel; send: true; recipients: Recipient[]; whatsappMode?: "text" | "template" }
  | { channel: PatientChannel; send: false; reason: SkipReason };

const AGENDA_SWITCH: Partial<Record<PatientChannel, keyof AppointmentFacts["agenda"]>> = {
  sms: "notifySms",
  email: "notifyEmail",
  whatsapp: "notifyWhatsapp",
  push: "notifyPush",
};

// The per-patient switch covers messages to the patient's own contact details; app push is
// governed by the patient's own device choices.
const PATIENT_SWITCHED: ReadonlySet<PatientChannel> = new Set(["sms", "email", "whatsapp", "telegram"]);

function recipientsFor(channel: PatientChannel, patient: PatientFacts): Recipient[] | SkipReason {
  switch (channel) {
    case "whatsapp":
    case "sms":
      return patient.phone ? [{ address: patient.phone }] : "no_phone";
    case "email":
      return patient.email ? [{ address: patient.email }] : "no_email";
    case "telegram":
      return patient.telegramChatId ? [{ address: patient.telegramChatId }] : "no_telegram_chat";
    case "push":
      return patient.devices.length ? patient.devices.map((d) => ({ address: d.token, deviceId: d.id })) : "no_device";
  }
}

function decideOne(channel: PatientChannel, input: DecisionInput): ChannelDecision {
  const skip = (reason: SkipReason): ChannelDecision => ({ channel, send: false, reason });
  const { appointment, patient, consent } = input;

  if (!input.eventChannels.includes(channel)) return skip("not_an_event_channel");
  if (!input.enabledChannels.has(channel)) return skip("channel_not_enabled");
  if (appointment) {
    if (!appointment.motifNotificationsEnabled) return skip("motif_notifications_off");
    // The clinic's switches only bind appointments the practice booked (help article).
    if (appointment.bookedBy === "practice") {
      const agendaSwitch = AGENDA_SWITCH[channel];
      if (agendaSwitch && !appointment.agenda[agendaSwitch]) return skip("agenda_channel_off");
      if (PATIENT_SWITCHED.has(channel) && !patient.notificationsEnabled) return skip("patient_notifications_off");
    }
  }

  const recipients = recipientsFor(channel, patient);
  if (typeof recipients === "string") return skip(recipients);

  if (channel === "sms" && consent.smsOptedOut) return skip("sms_opted_out");
  if (channel === "email" && consent.emailSuppressed) return skip("email_suppressed");
  if (channel === "whatsapp") {
    const inWindow =
      input.whatsappLastInboundAt !== null && input.now.getTime() - input.whatsappLastInboundAt.getTime() < WHATSAPP_WINDOW_MS;
    if (inWindow) return { channel, send: true, recipients, whatsappMode: "text" };
    if (!consent.whatsappOptedIn) return skip("whatsapp_no_opt_in");
    return { channel, send: true, recipients, whatsappMode: "template" };
  }
  return { channel, send: true, recipients };
}

export function decidePatientChannels(input: DecisionInput): ChannelDecision[] {
  return PATIENT_CHANNELS.map((channel) => decideOne(channel, input));
}
