import { describe, expect, it } from "vitest";
import type { Channel } from "@/db/schema";
import { decidePatientChannels, type ChannelDecision, type DecisionInput, type PatientChannel } from "./decide-patient-channels";

const now = new Date("2026-04-10T09:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

function input(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    eventChannels: ["whatsapp", "email", "sms", "push"],
    enabledChannels: new Set<Channel>(["whatsapp", "email", "sms", "telegram", "push"]),
    appointment: {
      bookedBy: "practice",
      motifNotificationsEnabled: true,
      agenda: { notifySms: true, notifyEmail: true, notifyWhatsapp: true, notifyPush: true },
    },
    patient: {
      phone: "+33612345678",
      email: "anne@example.com",
      telegramChatId: null,
      notificationsEnabled: true,
      devices: [{ id: "d1", token: "tok-1" }],
    },
    consent: { smsOptedOut: false, emailSuppressed: false, whatsappOptedIn: true },
    whatsappLastInboundAt: null,
    now,
    ...overrides,
  };
}

function outcome(decisions: ChannelDecision[]): Record<PatientChannel, string> {
  return Object.fromEntries(decisions.map((d) => [d.channel, d.send ? (d.whatsappMode ?? "send") : d.reason])) as Record<
    PatientChannel,
    string
  >;
}

const agendaWith = (off: Partial<Record<"notifySms" | "notifyEmail" | "notifyWhatsapp" | "notifyPush", boolean>>) => ({
  bookedBy: "practice" as const,
  motifNotificationsEnabled: true,
  agenda: { notifySms: true, notifyEmail: true, notifyWhatsapp: true, notifyPush: true, ...off },
});

describe("deciding a patient notification's channels", () => {
  it("sends on every event channel when nothing stands in the way, and records why the others are not used", () => {
    expect(outcome(decidePatientChannels(input()))).toEqual({
      whatsapp: "template",
      email: "send",
      sms: "send",
      telegram: "not_an_event_channel",
      push: "send",
    });
  });

  it("never uses a channel the clinic has not enabled", () => {
    const decisions = decidePatientChannels(input({ enabledChannels: new Set<Channel>(["email"]) }));
    expect(outcome(decisions)).toMatchObject({
      whatsapp: "channel_not_enabled",
      sms: "channel_not_enabled",
      push: "channel_not_enabled",
      email: "send",
    });
  });

  it("sends nothing at all for a visit reason with notifications off, even if the patient booked online", () => {
    for (const bookedBy of ["practice", "patient_online"] as const) {
      const decisions = decidePatientChannels(input({ appointment: { ...agendaWith({}), bookedBy, motifNotificationsEnabled: false } }));
      expect(decisions.every((d) => (!d.send && d.reason !== "not_an_event_channel" ? d.reason === "motif_notifications_off" : true))).toBe(
        true,
      );
      expect(decisions.filter((d) => d.send)).toEqual([]);
    }
  });

  it("an agenda with SMS off sends no SMS for practice bookings, whatever the event, but keeps the other channels", () => {
    const decisions = decidePatientChannels(input({ appointment: agendaWith({ notifySms: false }) }));
    expect(outcome(decisions)).toMatchObject({ sms: "agenda_channel_off", email: "send", whatsapp: "template", push: "send" });
  });

  it("each agenda switch governs its own channel", () => {
    expect(outcome(decidePatientChannels(input({ appointment: agendaWith({ notifyEmail: false }) }))).email).toBe("agenda_channel_off");
    expect(outcome(decidePatientChannels(input({ appointment: agendaWith({ notifyWhatsapp: false }) }))).whatsapp).toBe(
      "agenda_channel_off",
    );
    expect(outcome(decidePatientChannels(input({ appointment: agendaWith({ notifyPush: false }) }))).push).toBe("agenda_channel_off");
  });

  it("appointments the patient booked online still notify when the agenda's or the patient's switch is off", () => {
    const appointment = { ...agendaWith({ notifySms: false, notifyEmail: false }), bookedBy: "patient_online" as const };
    const patient = { ...input().patient, notificationsEnabled: false };
    expect(outcome(decidePatientChannels(input({ appointment, patient })))).toMatchObject({
      sms: "send",
      email: "send",
      whatsapp: "template",
    });
  });

  it("a patient with notifications off gets no SMS, email or WhatsApp for practice bookings", () => {
    const patient = { ...input().patient, notificationsEnabled: false };
    expect(outcome(decidePatientChannels(input({ patient })))).toMatchObject({
      sms: "patient_notifications_off",
      email: "patient_notifications_off",
      whatsapp: "patient_notifications_off",
      push: "send",
    });
  });

  it("the clinic's switches do not apply to events without an appointment (results, walk-in)", () => {
    const patient = { ...input().patient, notificationsEnabled: false };
    expect(outcome(decidePatientChannels(input({ appointment: null, patient }))).email).toBe("send");
  });

  it("needs a phone for SMS and WhatsApp, an address for email, a device for push", () => {
    const patient = { ...input().patient, phone: null, email: null, devices: [] };
    expect(outcome(decidePatientChannels(input({ patient })))).toMatchObject({
      sms: "no_phone",
      whatsapp: "no_phone",
      email: "no_email",
      push: "no_device",
    });
  });

  it("needs a connected Telegram chat for Telegram", () => {
    const eventChannels: Channel[] = ["telegram"];
    expect(outcome(decidePatientChannels(input({ eventChannels }))).telegram).toBe("no_telegram_chat");
    const patient = { ...input().patient, telegramChatId: "12345" };
    expect(outcome(decidePatientChannels(input({ eventChannels, patient }))).telegram).toBe("send");
  });

  it("respects SMS STOP and email suppression", () => {
    const consent = { smsOptedOut: true, emailSuppressed: true, whatsappOptedIn: true };
    expect(outcome(decidePatientChannels(input({ consent })))).toMatchObject({ sms: "sms_opted_out", email: "email_suppressed" });
  });

  it("uses WhatsApp free text inside the 24-hour window, an approved template outside it, and nothing without opt-in", () => {
    const notOptedIn = { smsOptedOut: false, emailSuppressed: false, whatsappOptedIn: false };
    expect(outcome(decidePatientChannels(input({ whatsappLastInboundAt: hoursAgo(23.9), consent: notOptedIn }))).whatsapp).toBe("text");
    expect(outcome(decidePatientChannels(input({ whatsappLastInboundAt: hoursAgo(24), consent: notOptedIn }))).whatsapp).toBe(
      "whatsapp_no_opt_in",
    );
    expect(outcome(decidePatientChannels(input({ whatsappLastInboundAt: hoursAgo(30) }))).whatsapp).toBe("template");
  });

  it("sends push to every active device of the household once", () => {
    const patient = {
      ...input().patient,
      devices: [
        { id: "d1", token: "a" },
        { id: "d2", token: "b" },
      ],
    };
    const push = decidePatientChannels(input({ patient })).find((d) => d.channel === "push");
    expect(push).toEqual({
      channel: "push",
      send: true,
      recipients: [
        { address: "a", deviceId: "d1" },
        { address: "b", deviceId: "d2" },
      ],
    });
  });
});
