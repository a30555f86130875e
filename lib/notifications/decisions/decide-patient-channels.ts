import type { BookedBy, Channel } from "@/db/schema";
import type { SkipReason } from "@/lib/notifications/skip-reasons";
import { channelAvailability, type ConsentFacts } from "./channel-availability";

// Which channels a patient notification goes out on: the event's channels ∩ the clinic's
// enabled channels ∩ motif / agenda / patient switches ∩ contact data ∩ consent ∩ WhatsApp's
// 24-hour window. Pure: every input is data, and every channel gets a decision with its reason.

export const PATIENT_CHANNELS = ["whatsapp", "email", "sms", "telegram", "push"] as const satisfies readonly Channel[];
export type PatientChannel = (typeof PATIENT_CHANNELS)[number];

export type PatientFacts = {
  phone: string | null;
  email: string | null;
  telegramChatId: string | null;
  notificationsEnabled: boolean;
  active?: boolean;
  // Active devices of the approved accounts that manage this profile, one per token.
  devices: { id: string; token: string }[];
};

export type AppointmentFacts = {
  bookedBy: BookedBy;
  motifNotificationsEnabled: boolean;
  agenda: { notifySms: boolean; notifyEmail: boolean; notifyWhatsapp: boolean; notifyPush: boolean };
};

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

// Called once the channel is known to be available, so the address is there.
function recipientsFor(channel: PatientChannel, patient: PatientFacts): Recipient[] {
  switch (channel) {
    case "whatsapp":
    case "sms":
      return [{ address: patient.phone! }];
    case "email":
      return [{ address: patient.email! }];
    case "telegram":
      return [{ address: patient.telegramChatId! }];
    case "push":
      return patient.devices.map((d) => ({ address: d.token, deviceId: d.id }));
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

  const availability = channelAvailability(
    channel,
    { contact: { ...patient, deviceCount: patient.devices.length }, consent, whatsappLastInboundAt: input.whatsappLastInboundAt },
    input.now,
  );
  if (!availability.available) return skip(availability.reason);
  const recipients = recipientsFor(channel, patient);
  return availability.whatsapp
    ? { channel, send: true, recipients, whatsappMode: availability.whatsapp.mode }
    : { channel, send: true, recipients };
}

export function decidePatientChannels(input: DecisionInput): ChannelDecision[] {
  return PATIENT_CHANNELS.map((channel) => decideOne(channel, input));
}
