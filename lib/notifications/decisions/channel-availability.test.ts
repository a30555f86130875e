import { describe, expect, it } from "vitest";
import { channelAvailability, WHATSAPP_WINDOW_MS, type ConsentFacts, type ContactFacts } from "./channel-availability";

const now = new Date("2026-12-01T10:00:00Z");
const reachable: ContactFacts = { phone: "+33612345678", email: "paul@example.org", telegramChatId: "42", deviceCount: 2 };
const consenting: ConsentFacts = { smsOptedOut: false, emailSuppressed: false, whatsappOptedIn: true };
const facts = (contact: Partial<ContactFacts> = {}, consent: Partial<ConsentFacts> = {}, whatsappLastInboundAt: Date | null = null) => ({
  contact: { ...reachable, ...contact },
  consent: { ...consenting, ...consent },
  whatsappLastInboundAt,
});

describe("channel availability, the one rule for the pipeline, the composer and the hub's send", () => {
  it("every channel is available with full contact data and consent", () => {
    for (const channel of ["sms", "email", "telegram", "push"] as const)
      expect(channelAvailability(channel, facts(), now)).toEqual({ available: true });
    expect(channelAvailability("whatsapp", facts(), now)).toEqual({ available: true, whatsapp: { mode: "template" } });
  });

  it("names the missing contact data", () => {
    expect(channelAvailability("sms", facts({ phone: null }), now)).toEqual({ available: false, reason: "no_phone" });
    expect(channelAvailability("whatsapp", facts({ phone: null }), now)).toEqual({ available: false, reason: "no_phone" });
    expect(channelAvailability("email", facts({ email: null }), now)).toEqual({ available: false, reason: "no_email" });
    expect(channelAvailability("telegram", facts({ telegramChatId: null }), now)).toEqual({ available: false, reason: "no_telegram_chat" });
    expect(channelAvailability("push", facts({ deviceCount: 0 }), now)).toEqual({ available: false, reason: "no_device" });
  });

  it("missing contact data is named before consent", () => {
    expect(channelAvailability("sms", facts({ phone: null }, { smsOptedOut: true }), now)).toEqual({
      available: false,
      reason: "no_phone",
    });
    expect(channelAvailability("email", facts({ email: null }, { emailSuppressed: true }), now)).toEqual({
      available: false,
      reason: "no_email",
    });
  });

  it("respects an SMS STOP and a bounced or complained address", () => {
    expect(channelAvailability("sms", facts({}, { smsOptedOut: true }), now)).toEqual({ available: false, reason: "sms_opted_out" });
    expect(channelAvailability("email", facts({}, { emailSuppressed: true }), now)).toEqual({
      available: false,
      reason: "email_suppressed",
    });
    // A STOP on SMS says nothing about email or WhatsApp.
    expect(channelAvailability("email", facts({}, { smsOptedOut: true }), now).available).toBe(true);
  });

  it("WhatsApp: free text inside the 24-hour window, opt-in or not; a template outside it; nothing without opt-in", () => {
    const justInside = new Date(now.getTime() - WHATSAPP_WINDOW_MS + 60_000);
    const justOutside = new Date(now.getTime() - WHATSAPP_WINDOW_MS);
    expect(channelAvailability("whatsapp", facts({}, { whatsappOptedIn: false }, justInside), now)).toEqual({
      available: true,
      whatsapp: { mode: "text", windowEndsAt: new Date(justInside.getTime() + WHATSAPP_WINDOW_MS) },
    });
    expect(channelAvailability("whatsapp", facts({}, {}, justOutside), now)).toEqual({ available: true, whatsapp: { mode: "template" } });
    expect(channelAvailability("whatsapp", facts({}, { whatsappOptedIn: false }, justOutside), now)).toEqual({
      available: false,
      reason: "whatsapp_no_opt_in",
    });
    expect(channelAvailability("whatsapp", facts({}, { whatsappOptedIn: false }), now)).toEqual({
      available: false,
      reason: "whatsapp_no_opt_in",
    });
  });

  it("a deactivated record is reachable on no channel, whatever its contact data and consent", () => {
    for (const channel of ["whatsapp", "sms", "email", "telegram", "push"] as const) {
      expect(channelAvailability(channel, facts({ active: false, telegramChatId: "42", deviceCount: 1 }, {}, now), now)).toEqual({
        available: false,
        reason: "patient_inactive",
      });
    }
  });
});
