import "server-only";
import type { Database } from "@/db/client";
import type { Channel } from "@/db/schema";
import type { SkipDecision } from "@/lib/notifications/delivery-decision";
import { clinicLocalDate } from "@/lib/time/clinic-time";
import { appointmentSkipReason } from "../decisions/appointment-relevance";
import { decidePatientChannels, type ChannelDecision } from "../decisions/decide-patient-channels";
import { loadPatientFacts, type LoadedFacts } from "../decisions/load-patient-facts";
import type { SkipReason } from "@/lib/notifications/skip-reasons";
import { renderMessage } from "../templates/render";
import { templateVariables } from "../templates/variables";
import type { PatientStoredEvent } from "@/lib/notifications/event-catalog";
import type { ClinicSettings } from "./clinic-settings";
import type { EventPlan, PlannedDelivery } from "./event-plan";
import { loadSubjects, type NotificationSubject, type SubjectOrMissing } from "./load-subject";
import { staffAlertFor } from "../staff-alerts/staff-alerts";

// What planning a batch of patient events needs, read in a handful of queries for the batch.
export type PatientBatch = {
  subjects: Map<string, SubjectOrMissing>;
  facts: Map<string, LoadedFacts>;
  settings: Map<string, ClinicSettings>;
};

// settings: the batch's clinics, read once by the caller for planning and sending alike.
export async function loadPatientBatch(
  db: Database,
  batch: PatientStoredEvent[],
  settings: Map<string, ClinicSettings>,
): Promise<PatientBatch> {
  const subjects = await loadSubjects(db, batch);
  const people = [...subjects.values()].flatMap((s) => ("patient" in s ? [s.patient] : []));
  return { subjects, settings, facts: await loadPatientFacts(db, people) };
}

// "Two appointments the same day on the same agenda for a patient and a relative: only one
// SMS." The key is unique in the delivery log, so the second reminder's SMS cannot be inserted.
function householdSmsKey(event: PatientStoredEvent, subject: NotificationSubject, phone: string, timeZone: string): string | null {
  if (event.type !== "appointment.reminder" || !subject.appointment) return null;
  const { agendaId, startsAt } = subject.appointment;
  return `sms:reminder:${event.payload.offset}:${agendaId}:${clinicLocalDate(startsAt, timeZone)}:${phone}`;
}

// Decides and renders every delivery of one patient event, sent or skipped, and the staff
// alert it raises. No I/O: the batch holds the facts.
export function planPatientEvent(event: PatientStoredEvent, batch: PatientBatch, now: Date): EventPlan {
  const plan = planPatientDeliveries(event, batch, now);
  const subject = batch.subjects.get(event.id)!;
  // An event the appointment has moved past (a "confirmed" about a cancelled one) alerts no one.
  const relevant = !("missing" in subject) && !(subject.appointment && appointmentSkipReason(event.type, subject.appointment, now));
  const alert = relevant ? staffAlertFor(event, subject, batch.settings.get(event.clinicId)!.clinic) : null;
  return alert ? { ...plan, raises: [alert] } : plan;
}

function planPatientDeliveries(event: PatientStoredEvent, batch: PatientBatch, now: Date): EventPlan {
  const type = event.type;
  const subject = batch.subjects.get(event.id)!;
  const settings = batch.settings.get(event.clinicId)!;
  // A reminder's own channels (its rule's step), checked against the catalogue when stored and
  // again when read back (storedEvent): never a silent fallback to the clinic's channels.
  const reminder = event.type === "appointment.reminder" ? event.payload : undefined;
  const channels = reminder?.channels ?? settings.channelsFor(type);
  if ("missing" in subject) {
    const reason: SkipReason = subject.missing === "appointment" ? "appointment_not_found" : "patient_not_found";
    return { rows: [], decisions: [{ reason }] };
  }

  const { patient, appointment } = subject;
  const base = {
    clinicId: event.clinicId,
    eventId: event.id,
    eventType: event.type,
    audience: "patient" as const,
    recipientId: patient.id,
    appointmentId: appointment?.id ?? null,
    language: patient.language,
  };
  const skipRow = (channel: Channel, reason: SkipReason, decision: Omit<SkipDecision, "reason"> = {}): PlannedDelivery => ({
    ...base,
    channel,
    status: "skipped",
    skipReason: reason,
    decision: { reason, ...decision },
  });

  const stale = appointment ? appointmentSkipReason(type, appointment, now) : null;
  if (stale) return { rows: channels.map((c) => skipRow(c, stale.reason, { detail: stale.detail })), decisions: [stale] };

  const decisions = decidePatientChannels({
    eventChannels: channels,
    enabledChannels: new Set(settings.providers.keys()),
    appointment: appointment
      ? { bookedBy: appointment.bookedBy, motifNotificationsEnabled: appointment.motif.notificationsEnabled, agenda: appointment.agenda }
      : null,
    ...batch.facts.get(patient.id)!,
    now,
  });
  const templates = settings.templatesFor(type, patient.language);
  const variables = templateVariables({ clinic: settings.clinic, patient, appointment, data: event.payload });

  const rowsFor = (decision: ChannelDecision): PlannedDelivery[] => {
    if (!decision.send) return [skipRow(decision.channel, decision.reason)];
    const template = templates.find((t) => t.channel === decision.channel);
    if (!template) return [skipRow(decision.channel, "no_template")];
    const rendered = renderMessage(template, decision.channel, variables);
    const whatsapp =
      decision.channel === "whatsapp"
        ? {
            mode: decision.whatsappMode ?? "template",
            templateName: rendered.whatsappTemplate?.name,
            parameters: rendered.whatsappTemplate?.parameters,
          }
        : undefined;
    return decision.recipients.map((recipient) => ({
      ...base,
      channel: decision.channel,
      address: recipient.address,
      deviceId: recipient.deviceId ?? null,
      status: "pending" as const,
      subject: rendered.subject,
      body: rendered.text,
      segments: rendered.sms?.segments ?? null,
      dedupeKey: decision.channel === "sms" ? householdSmsKey(event, subject, recipient.address, settings.clinic.timeZone) : null,
      decision: { rule: "sent" as const, whatsapp, centreName: settings.clinic.name, smsEncoding: rendered.sms?.encoding },
    }));
  };
  if (reminder?.pick !== "first_available")
    return { rows: decisions.filter((d) => channels.includes(d.channel)).flatMap(rowsFor), decisions };
  return firstAvailable(channels, decisions, rowsFor);
}

// In the step's order: channels that cannot reach the patient are logged as skipped, the first
// that can is sent, and the ones after it are held for the backup (no row; in the trace).
function firstAvailable(
  channels: readonly Channel[],
  decisions: ChannelDecision[],
  rowsFor: (d: ChannelDecision) => PlannedDelivery[],
): EventPlan {
  const rows: PlannedDelivery[] = [];
  const held: Channel[] = [];
  for (const channel of channels) {
    const decision = decisions.find((d) => d.channel === channel);
    if (!decision) continue;
    if (rows.some((r) => r.status === "pending")) held.push(channel);
    else rows.push(...rowsFor(decision));
  }
  return { rows, decisions: held.length ? [...decisions, { heldForBackup: held }] : decisions };
}
