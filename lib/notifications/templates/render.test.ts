import { describe, expect, it } from "vitest";
import { PATIENT_EVENT_TYPES } from "@/lib/notifications/event-catalog";
import { defaultTemplateRows } from "./default-rows";
import { emailHtml, renderMessage } from "./render";

const variables = {
  patient: { firstName: "Zoé <b>", name: "Zoé Martin" },
  appointment: { date: "29/03/2026", time: "09:30", reference: "SA-7Q2K" },
  doctor: { name: "Dr Lefèvre" },
  centre: { name: "Cabinet Saint-Martin" },
  refund: { amount: "25,00 €" },
  rescheduleUrl: "https://example.com/r/1",
  walkin: { token: "A12", room: "Salle 2", queue: "Général", position: 3 },
};
const rows = defaultTemplateRows();
const row = (eventType: string, channel: string, language = "fr") =>
  rows.find((r) => r.eventType === eventType && r.channel === channel && r.language === language)!;

describe("message templates", () => {
  it("exist for all 13 patient events, on every patient channel, in English and French", () => {
    expect(PATIENT_EVENT_TYPES).toHaveLength(13);
    expect(rows).toHaveLength(13 * 5 * 2);
  });

  it("escape variables in email HTML, but not in the text part or SMS", () => {
    const email = renderMessage(row("appointment.reminder", "email"), "email", variables);
    // The HTML part is made at send time, from the stored text alone.
    const html = emailHtml(email.text, "Centre Saint-Martin");
    expect(html).toContain("Zoé &lt;b&gt;");
    expect(html).not.toContain("<b>");
    expect(email.text).toContain("Zoé <b>");
    expect(email.subject).toBe("Rappel : rendez-vous le 29/03/2026 à 09:30");
  });

  it("name the doctor of a doctor's agenda, and no one for a room's", () => {
    const withDoctor = renderMessage(row("appointment.rescheduled", "email"), "email", variables);
    expect(withDoctor.text).toContain("Votre rendez-vous avec Dr Lefèvre est désormais le 29/03/2026");
    const room = renderMessage(row("appointment.rescheduled", "email"), "email", { ...variables, doctor: { name: "" } });
    expect(room.text).toContain("Votre rendez-vous est désormais le 29/03/2026");
    expect(room.text).not.toContain("avec");
    const english = renderMessage(row("appointment.confirmed", "email", "en"), "email", { ...variables, doctor: { name: "" } });
    expect(english.text).toContain("Your appointment at Cabinet Saint-Martin on 29/03/2026");
  });

  it("say when one message speaks for a series, and nothing of it for a single appointment", () => {
    const series = { ...variables, series: { count: 10, last: "18/05/2027" } };
    expect(renderMessage(row("appointment.confirmed", "email"), "email", series).text).toContain(
      "C'est le premier de 10 rendez-vous, le dernier le 18/05/2027",
    );
    expect(
      renderMessage(row("appointment.rescheduled", "email", "en"), "email", { ...series, series: { count: 7, last: "20/05/2027" } }).text,
    ).toContain("The following ones move the same way: 7 appointments in all, the last now on 20/05/2027.");
    expect(renderMessage(row("appointment.cancelled", "sms"), "sms", series).text).toContain("Les suivants aussi, jusqu'au 18/05/2027.");
    const single = renderMessage(row("appointment.confirmed", "email"), "email", { ...variables, series: { count: "", last: "" } });
    expect(single.text).not.toContain("premier de");
  });

  it("count SMS segments: GSM-7 up to 160 characters, UCS-2 once a character needs it", () => {
    const sms = renderMessage({ subject: null, body: "x".repeat(160), whatsappTemplateName: null, whatsappParameters: null }, "sms", {});
    expect(sms.sms).toEqual({ segments: 1, encoding: "GSM-7" });
    const long = renderMessage({ subject: null, body: "x".repeat(161), whatsappTemplateName: null, whatsappParameters: null }, "sms", {});
    expect(long.sms?.segments).toBe(2);
    const emoji = renderMessage({ subject: null, body: "Rappel 🙂", whatsappTemplateName: null, whatsappParameters: null }, "sms", {});
    expect(emoji.sms?.encoding).toBe("UCS-2");
    expect(renderMessage(row("appointment.reminder", "sms", "en"), "sms", variables).sms?.segments).toBe(1);
  });

  it("map WhatsApp to the approved template and its parameters in order", () => {
    const wa = renderMessage(row("appointment.reminder", "whatsapp"), "whatsapp", variables);
    expect(wa.whatsappTemplate).toEqual({
      name: "appointment_reminder",
      parameters: ["Zoé <b>", "29/03/2026", "09:30", "Cabinet Saint-Martin"],
    });
  });

  it("keep clinical details out of SMS and push for results and prescriptions", () => {
    for (const eventType of ["clinical.report_ready", "clinical.prescription_ready"]) {
      for (const language of ["en", "fr"]) {
        const push = renderMessage(row(eventType, "push", language), "push", variables);
        expect(`${push.subject} ${push.text}`).toMatch(/app|application/);
      }
    }
    // No default SMS, WhatsApp or push text names the visit reason.
    for (const r of rows.filter((r) => r.channel !== "email")) expect(r.body).not.toMatch(/motif|reason/i);
  });
});
