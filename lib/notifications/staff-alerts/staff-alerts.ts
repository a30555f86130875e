import { messageTranslator } from "@/lib/i18n/translator";
import type { IncomingEvent, PatientStoredEvent, StaffEventType } from "@/lib/notifications/event-catalog";
import type { Locale } from "@/lib/i18n/locales";
import type { NotificationSubject } from "../events/load-subject";

// The staff alert a patient event raises, whoever caused it (staff in the app, the patient,
// another system through the API): a cancellation to reception and the agenda's doctor, a
// new appointment, a request awaiting approval, a lab report ready (to the patient's doctor).
// Pure; the alert's id is the event's, so a retried event raises it once. The staff member who acted is not alerted of their own act.
const RAISES: Partial<Record<string, { type: StaffEventType; text: "cancellation" | "new_session" | "session_request" }>> = {
  "appointment.cancelled": { type: "staff.cancellation", text: "cancellation" },
  "appointment.confirmed": { type: "staff.new_session", text: "new_session" },
  "appointment.pending_approval": { type: "staff.session_request", text: "session_request" },
};

export function staffAlertFor(
  event: PatientStoredEvent,
  subject: NotificationSubject,
  clinic: { timeZone: string; defaultLanguage: Locale },
): IncomingEvent | null {
  if (event.type === "clinical.report_ready") return labResultAlert(event, subject, clinic.defaultLanguage);
  const raised = RAISES[event.type];
  const { appointment, patient } = subject;
  if (!raised || !appointment) return null;
  const when = new Intl.DateTimeFormat(clinic.defaultLanguage, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: clinic.timeZone,
  }).format(appointment.startsAt);
  const summary = messageTranslator(clinic.defaultLanguage)(`staffAlerts.${raised.text}`, {
    patient: `${patient.firstName} ${patient.lastName.toUpperCase()}`,
    when,
    agenda: appointment.agenda.name,
    by: event.type === "appointment.cancelled" ? event.payload.cancelledBy : "staff",
  });
  const actor = "actorStaffId" in event.payload ? event.payload.actorStaffId : undefined;
  return {
    id: `alert:${event.id}`,
    type: raised.type,
    data: {
      summary: summary.slice(0, 200),
      patientId: patient.id,
      ...(appointment.agenda.doctorId ? { doctorId: appointment.agenda.doctorId } : {}),
      ...(actor ? { actorStaffId: actor } : {}),
      link: `/appointments/${appointment.id}`,
    },
  };
}

// A report ready for a patient → a lab result alert to the doctor who ordered it (named in the
// event) or else the patient's doctor. The alert says whose result it is, never what it says.
function labResultAlert(
  event: PatientStoredEvent & { type: "clinical.report_ready" },
  subject: NotificationSubject,
  language: Locale,
): IncomingEvent {
  const { patient } = subject;
  const doctorId = event.payload.doctorId ?? subject.doctorId;
  const summary = messageTranslator(language)("staffAlerts.lab_result", {
    patient: `${patient.firstName} ${patient.lastName.toUpperCase()}`,
  });
  return {
    id: `alert:${event.id}`,
    type: "staff.lab_result",
    data: { summary: summary.slice(0, 200), patientId: patient.id, ...(doctorId ? { doctorId } : {}), link: `/patients/${patient.id}` },
  };
}
