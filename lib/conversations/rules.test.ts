import { describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { composerChannels, mayReply, mayStartConversation } from "./rules";

const all = new Set<Permission>(PERMISSIONS);
const none = new Set<Permission>();
const now = new Date("2026-06-01T12:00:00Z");
const contact = { phone: "+33612345678", email: "anne@example.com" };
const consent = { smsOptedOut: false, emailSuppressed: false, whatsappOptedIn: false };

describe("who may start a conversation", () => {
  it("reception and admins always; doctors only while none exists; other roles never", () => {
    for (const exists of [false, true]) {
      expect(mayStartConversation({ role: "receptionist", permissions: all }, exists)).toEqual({ ok: true });
      expect(mayStartConversation({ role: "admin", permissions: all }, exists)).toEqual({ ok: true });
      expect(mayStartConversation({ role: "lab", permissions: all }, exists)).toEqual({ ok: false, reason: "role_cannot_start" });
    }
    expect(mayStartConversation({ role: "doctor", permissions: all }, false)).toEqual({ ok: true });
    expect(mayStartConversation({ role: "doctor", permissions: all }, true)).toEqual({ ok: false, reason: "doctor_conversation_exists" });
  });

  it("nobody without send_messages, but anyone with it may continue a conversation", () => {
    expect(mayStartConversation({ role: "admin", permissions: none }, false)).toEqual({ ok: false, reason: "no_send_messages" });
    expect(mayReply({ permissions: none })).toEqual({ ok: false, reason: "no_send_messages" });
    expect(mayReply({ permissions: all })).toEqual({ ok: true });
  });
});

describe("the composer's channels", () => {
  const byChannel = (list: ReturnType<typeof composerChannels>) => Object.fromEntries(list.map((c) => [c.channel, c]));

  it("needs a phone for SMS and WhatsApp and an address for email; the portal is always there", () => {
    const c = byChannel(composerChannels({ phone: null, email: null }, consent, null, now));
    expect(c.sms).toMatchObject({ available: false, reason: "no_phone" });
    expect(c.whatsapp).toMatchObject({ available: false, reason: "no_phone" });
    expect(c.email).toMatchObject({ available: false, reason: "no_email" });
    expect(c.portal).toMatchObject({ available: true, attachments: 5 });
  });

  it("shows a STOP-ed number and a bounced address as unavailable, with the reason", () => {
    const c = byChannel(composerChannels(contact, { smsOptedOut: true, emailSuppressed: true, whatsappOptedIn: false }, null, now));
    expect(c.sms).toMatchObject({ available: false, reason: "sms_opted_out" });
    expect(c.email).toMatchObject({ available: false, reason: "email_suppressed" });
  });

  it("offers WhatsApp free text with the time left inside the 24-hour window, a template outside it", () => {
    const inside = byChannel(composerChannels(contact, consent, new Date("2026-06-01T02:00:00Z"), now));
    expect(inside.whatsapp).toMatchObject({ available: true, whatsapp: { mode: "text", windowEndsAt: new Date("2026-06-02T02:00:00Z") } });
    const optedIn = byChannel(composerChannels(contact, { ...consent, whatsappOptedIn: true }, new Date("2026-05-30T00:00:00Z"), now));
    expect(optedIn.whatsapp).toMatchObject({ available: true, whatsapp: { mode: "template" } });
    expect(byChannel(composerChannels(contact, consent, null, now)).whatsapp).toMatchObject({
      available: false,
      reason: "whatsapp_no_opt_in",
    });
  });

  it("allows attachments everywhere but SMS", () => {
    const c = byChannel(composerChannels(contact, consent, new Date("2026-06-01T11:00:00Z"), now));
    expect(c.sms).toMatchObject({ available: true, attachments: 0 });
    expect(c.email).toMatchObject({ attachments: 5 });
    // One media per WhatsApp message, with the text as its caption.
    expect(c.whatsapp).toMatchObject({ attachments: 1 });
  });
});
