import "server-only";
import type { Database } from "@/db/client";
import type { Appointment } from "@/db/schema";
import type { IncomingEvent, PatientEventType } from "@/lib/notifications/event-catalog";
import { storeEvent } from "@/lib/notifications/events/ingest-event";

// One message speaks for several appointments of a series (booked, moved or cancelled together):
// how many, and when the last one is. None for a single appointment.
export type SeriesSummary = { count: number; lastStartsAt: string };
export function seriesSummary(appointments: Pick<Appointment, "startsAt">[]): SeriesSummary | undefined {
  if (appointments.length < 2) return undefined;
  const last = Math.max(...appointments.map((a) => a.startsAt.getTime()));
  return { count: appointments.length, lastStartsAt: new Date(last).toISOString() };
}

// Which patient event a change made in the app announces (none for a status the patient need
// not hear about, such as "in waiting room"). Pure.
export function eventForChange(before: Appointment, after: Appointment): PatientEventType | null {
  if (after.status === "cancelled" && before.status !== "cancelled") {
    // Turning down a request that was waiting for approval is a rejection, not a cancellation.
    return before.status === "pending_approval" ? "appointment.rejected" : "appointment.cancelled";
  }
  if (after.startsAt.getTime() !== before.startsAt.getTime()) return "appointment.rescheduled";
  if (after.status === before.status) return null;
  if (after.status === "confirmed" && before.status === "pending_approval") return "appointment.confirmed";
  if (after.status === "no_show") return "appointment.no_show";
  if (after.status === "completed") return "appointment.completed";
  return null;
}

// The app's own actions publish the same events, through the same pipeline, as other systems.
// Called in the transaction that saved the change: no change is saved without its event.
// actor: the staff member who made the change (spared the staff alert it raises), or the
// patient, from their app.
export async function recordAppointmentEvent(
  db: Database,
  change: { before: Appointment; after: Appointment },
  actor: { staffId?: string; cancelledBy?: "staff" | "patient" } = {},
  series?: SeriesSummary,
) {
  const type = eventForChange(change.before, change.after);
  if (!type) return null;
  const { after, before } = change;
  const data: Record<string, unknown> = { appointmentId: after.id, ...(actor.staffId ? { actorStaffId: actor.staffId } : {}) };
  if (type === "appointment.cancelled")
    Object.assign(data, { cancelledBy: actor.cancelledBy ?? "staff", reason: after.cancellationReason ?? undefined });
  if (type === "appointment.rescheduled") data.previousStartsAt = before.startsAt.toISOString();
  if (series) data.series = series;
  const event = { id: `app:${after.id}:${type}:${after.updatedAt.getTime()}`, type, data } as IncomingEvent;
  return { ...(await storeEvent(db, after.clinicId, event, "app")), type };
}

// A booking made in the app: the patient hears it is confirmed. The id is the appointment's,
// so a retried transaction cannot announce it twice.
export async function recordNewAppointmentEvent(db: Database, appointment: Appointment, actorStaffId?: string, series?: SeriesSummary) {
  const type: PatientEventType = appointment.status === "pending_approval" ? "appointment.pending_approval" : "appointment.confirmed";
  const event = {
    id: `app:${appointment.id}:${type}`,
    type,
    data: { appointmentId: appointment.id, ...(actorStaffId ? { actorStaffId } : {}), ...(series ? { series } : {}) },
  } as IncomingEvent;
  return { ...(await storeEvent(db, appointment.clinicId, event, "app")), type };
}
