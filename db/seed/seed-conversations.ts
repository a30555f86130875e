import type { Faker } from "@faker-js/faker";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { conversations, messages, type Language, type NewPatient } from "@/db/schema";
import { receivePatientMessage } from "@/lib/conversations/receive-patient-message";
import { recordInbound } from "@/lib/notifications/inbound/record-inbound";

const LINES: Record<Language, { inbound: string[]; replies: string[]; calls: string[] }> = {
  fr: {
    inbound: [
      "Bonjour, puis-je déplacer mon rendez-vous de jeudi ?",
      "Merci pour le rappel, je serai là.",
      "Est-ce que l'ordonnance est prête ?",
      "Je serai en retard de 10 minutes.",
      "Pouvez-vous m'envoyer la facture ?",
      "Mon fils a de la fièvre, faut-il venir ?",
    ],
    replies: [
      "Bonjour, c'est noté. Nous vous proposons mardi 10h.",
      "Merci, à bientôt.",
      "Oui, elle est disponible à l'accueil.",
      "Pas de souci, merci de nous prévenir.",
    ],
    calls: ["Appel pour confirmer l'heure du rendez-vous.", "Patiente demande un certificat, transmis au médecin."],
  },
  en: {
    inbound: [
      "Hi, can I move my appointment on Thursday?",
      "Thanks for the reminder, I'll be there.",
      "Is my prescription ready?",
      "Running 10 minutes late, sorry.",
      "Could you send me the invoice?",
      "My son has a fever, should we come in?",
    ],
    replies: [
      "Hi, noted. We can offer Tuesday at 10am.",
      "Thank you, see you soon.",
      "Yes, you can pick it up at the front desk.",
      "No problem, thanks for letting us know.",
    ],
    calls: ["Called to confirm the appointment time.", "Patient asked for a certificate, passed on to the doctor."],
  },
};

// A lived-in inbox: patients who wrote by WhatsApp or SMS over the last days, some answered,
// one starred, one archived, a few calls logged. Drawn from the clinic's Faker: deterministic.
export async function seedConversations(db: Database, f: Faker, clinicId: string, language: Language, people: NewPatient[], now: Date) {
  const lines = LINES[language];
  const withPhone = people.filter((p) => p.phone);
  const senders = f.helpers.arrayElements(withPhone, Math.min(24, withPhone.length));
  for (const [i, p] of senders.entries()) {
    const at = new Date(now.getTime() - f.number.int({ min: 10, max: 6 * 24 * 60 }) * 60_000);
    const channel = i % 3 === 0 ? "sms" : "whatsapp";
    // As the webhook would: a WhatsApp message from the last 24 h opens the free-text window.
    await recordInbound(db, clinicId, channel, p.phone!, at);
    const { conversationId, duplicate } = await receivePatientMessage(db, {
      clinicId,
      channel,
      from: p.phone!,
      body: f.helpers.arrayElement(lines.inbound),
      externalId: `demo-${clinicId.slice(0, 8)}-${i}`,
      at,
    });
    if (duplicate || i % 2 === 1) continue;
    // Half of them were answered, one call logged, the odd one starred or archived.
    const replyAt = new Date(at.getTime() + 20 * 60_000);
    await db.insert(messages).values({
      clinicId,
      conversationId,
      direction: "outbound",
      channel: i % 3 === 0 ? "sms" : "whatsapp",
      body: f.helpers.arrayElement(lines.replies),
      createdAt: replyAt,
    });
    if (i % 4 === 0) {
      await db.insert(messages).values({
        clinicId,
        conversationId,
        direction: "inbound",
        channel: "call",
        body: f.helpers.arrayElement(lines.calls),
        callAt: replyAt,
        callDurationSeconds: 180,
        createdAt: replyAt,
      });
    }
    await db
      .update(conversations)
      .set({
        status: i === 6 ? "archived" : "replied",
        unreadCount: 0,
        starred: i === 2,
        lastMessageAt: replyAt,
        directions: sql`array['inbound','outbound']::message_direction[]`,
      })
      .where(eq(conversations.id, conversationId));
  }
}
