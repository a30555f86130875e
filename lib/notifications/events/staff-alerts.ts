import type { EventRow } from "@/db/schema";
import { messageTranslator } from "@/lib/i18n/translator";
import type { IncomingEvent, StaffEventType } from "@/lib/notifications/event-catalog";
import type { Locale } from "@/lib/i18n/locales";
import type { NotificationSubject } from "./load-subject";

// The staff alert a patient event raises, whoever caused it (staff in the app, the patient,
// another system through the API): a cancellation to reception and the agenda's doctor, a
// new appointment, a request awaiting approval. Pure; the alert's id is the event's, so a
// retried event raises it once. The staff member who acted is not alerted of their own act.
const RAISES: Partial<Record<string, { type: StaffEventType; text: "cancellation" | "new_session" | "session_request" }>> = {
  "appointment.cancelled": { type: "staff.cancellation", text: "cancellation" },
  "appointment.confirmed": { type: "staff.new_session", text: "new_session" },
  "appointment.pending_approval": { type: "staff.session_request", text: "session_request" },
};

export function staffAlertFor(event: EventRow, subject: NotificationSubject, clinic: { timeZone: string; defaultLanguage: Locale }): IncomingEvent | null {
  const raised = RAISES[event.type];
  const { appointment, patient } = subject;
  if (!raised || !appointment) return null;
  const when = new Intl.DateTimeFormat(clinic.defaultLanguage, { dateStyle: "medium", timeStyle: "short", timeZone: clinic.timeZone }).format(appointment.startsAt);
  const summary = messageTranslator(clinic.defaultLanguage)(`staffAlerts.${raised.text}`, {
    patient: `${patient.firstName} ${patient.lastName.toUpperCase()}`,
    when,
    agenda: appointment.agenda.name,
    by: String(event.payload.cancelledBy ?? "staff"),
  });
  const actor = typeof event.payload.actorStaffId === "string" ? event.payload.actorStaffId : undefined;
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
