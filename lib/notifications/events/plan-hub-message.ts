import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { conversations, messages, patients, type Channel } from "@/db/schema";
import { announceDeliveryChanges } from "@/lib/realtime/hub-changes";
import type { HubStoredEvent } from "@/lib/notifications/event-catalog";
import { channelAvailability } from "../decisions/channel-availability";
import { loadPatientFacts } from "../decisions/load-patient-facts";
import type { SkipReason } from "@/lib/notifications/skip-reasons";
import type { ClinicSettings } from "./clinic-settings";
import type { EventPlan } from "./event-plan";

// A staff member's message from the Communication Hub: one delivery on the channel they chose,
// to the patient's address. The composer's rules are checked again at send time (a STOP may
// have arrived since), and the message is linked to its delivery for the ticks.
export async function planHubMessage(db: Database, event: HubStoredEvent, settings: ClinicSettings, now: Date): Promise<EventPlan> {
  const { messageId } = event.payload;
  const [row] = await db
    .select({ message: messages, patient: patients })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(patients, eq(patients.id, conversations.patientId))
    .where(eq(messages.id, messageId));
  if (!row || row.message.clinicId !== event.clinicId) return { rows: [], decisions: [{ reason: "patient_not_found" }] };
  const { message, patient } = row;
  const channel = message.channel as Channel;
  const facts = await loadPatientFacts(db, [patient]);
  const { consent, whatsappLastInboundAt } = facts.get(patient.id)!;

  const deliveryId = randomUUID();
  const base = {
    id: deliveryId,
    clinicId: event.clinicId,
    eventId: event.id,
    eventType: event.type,
    audience: "patient" as const,
    recipientId: patient.id,
    channel,
    language: patient.language,
  };
  // Sent or not, the message points at its delivery: the timeline shows the tick or the reason.
  const afterRecord = async (tx: Database) => {
    await tx.update(messages).set({ deliveryId }).where(eq(messages.id, messageId));
    await announceDeliveryChanges(tx, [deliveryId]);
  };
  const skip = (reason: SkipReason): EventPlan => ({
    rows: [{ ...base, status: "skipped", skipReason: reason, decision: { reason, messageId } }],
    decisions: [{ channel, reason }],
    afterRecord,
  });

  if (!settings.providers.has(channel)) return skip("channel_not_enabled");
  if (channel !== "whatsapp" && channel !== "sms" && channel !== "email") return skip("channel_not_enabled");
  const availability = channelAvailability(channel, { contact: patient, consent, whatsappLastInboundAt }, now);
  if (!availability.available) return skip(availability.reason);
  // Free text on WhatsApp only inside the 24-hour window; outside it only approved templates.
  const template = message.metadata?.whatsappTemplate;
  if (availability.whatsapp?.mode === "template" && !template) return skip("whatsapp_window_closed");
  const whatsapp = template
    ? { mode: "template" as const, templateName: template.name, parameters: template.parameters }
    : { mode: "text" as const };

  return {
    rows: [
      {
        ...base,
        language: template?.language ?? base.language,
        address: channel === "email" ? patient.email! : patient.phone!,
        status: "pending",
        subject: message.subject,
        body: message.body,
        decision: { rule: "sent", messageId, whatsapp: channel === "whatsapp" ? whatsapp : undefined, centreName: settings.clinic.name },
      },
    ],
    decisions: [{ channel, send: true }],
    afterRecord,
  };
}
