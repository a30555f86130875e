import "server-only";
import type { Database } from "@/db/client";
import { recordConsent } from "@/lib/notifications/consent/record-consent";
import { recordInbound } from "@/lib/notifications/inbound/record-inbound";
import { patientKeyword } from "./keywords";
import { landInbound, matchSender, type InboundMessage } from "./receive-inbound";

// What arrived besides the text (an email's files): stored with the message, in its transaction.
type WithMessage = (tx: Database, messageId: string) => Promise<void>;

export type PatientMessage = InboundMessage & {
  // A text the patient typed (not a WhatsApp image or location): only text can be a keyword.
  typed?: boolean;
  withMessage?: WithMessage;
};

// The one way a patient's message comes in, whatever the channel (WhatsApp, SMS, email, the
// portal): in one transaction, the time they last wrote (WhatsApp's 24-hour window), the
// message in their conversation (once per provider id, unread again), what came with it, and
// a STOP or START on SMS or WhatsApp as a consent change. A replayed message changes nothing:
// a STOP seen before must not undo a later START. The live inbox hears of it on commit
// (NOTIFY is delivered when the transaction commits).
export async function receivePatientMessage(db: Database, m: PatientMessage) {
  const patientId = m.triage ? null : (m.patientId ?? (await matchSender(db, m.clinicId, m.channel, m.from)));
  return db.transaction(async (tx) => {
    if (m.channel === "sms" || m.channel === "whatsapp") await recordInbound(tx, m.clinicId, m.channel, m.from, m.at);
    const landed = await landInbound(tx, m, patientId);
    // HELP is answered even on a replay (the first answer may be what was lost).
    const keyword = (m.channel === "sms" || m.channel === "whatsapp") && m.typed !== false ? patientKeyword(m.body) : null;
    if (landed.duplicate) return { ...landed, keyword };
    if (m.withMessage) await m.withMessage(tx, landed.messageId);
    if (keyword === "stop" || keyword === "start") {
      await recordConsent(tx, {
        clinicId: m.clinicId,
        channel: m.channel as "sms" | "whatsapp",
        address: m.from,
        state: keyword === "stop" ? "opted_out" : "opted_in",
        reason: m.channel === "sms" ? m.body.trim() : undefined,
        source: `${m.channel}_keyword`,
        at: m.at,
      });
    }
    return { ...landed, keyword };
  });
}
