import "server-only";
import { and, asc, eq, gte, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import { agendas, appointments, clinics, motifs } from "@/db/schema";
import type { PatientContext } from "@/lib/auth/patient-session";
import { recordAppointmentEvent } from "@/lib/appointments/appointment-events";
import { changeAppointment } from "@/lib/appointments/change-appointment";
import { syncReminders } from "@/lib/reminders/schedule-reminders";
import { announceAgendaChange } from "@/lib/realtime/hub-changes";
import { inClinic } from "@/lib/clinics/scope";
import { NotFoundError } from "@/lib/errors/app-errors";
import { enqueueStored } from "@/lib/notifications/events/ingest-event";
import type { Queueing } from "@/lib/notifications/queue/event-queue";
import { approvedProfiles } from "./devices";

export const patientAppointmentParamSchema = z.object({ id: z.uuid("must be an appointment id") });
export const patientCancellationSchema = z.strictObject({
  reason: z.string().trim().max(500, "must be at most 500 characters").optional(),
});

// The appointments still to come of every profile the account manages, as the app lists them:
// who, when, with which agenda, and the booking reference. Nothing clinical (no visit reason),
// and none of a visit reason whose notifications are off (the clinic hides those from patients).
export async function upcomingAppointments(ctx: PatientContext, now: Date) {
  const profiles = await approvedProfiles(ctx);
  if (!profiles.length) return { appointments: [] };
  const rows = await ctx.db
    .select({
      id: appointments.id,
      patientId: appointments.patientId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      bookingReference: appointments.bookingReference,
      agenda: agendas.name,
    })
    .from(appointments)
    .innerJoin(agendas, and(eq(agendas.id, appointments.agendaId), eq(agendas.clinicId, appointments.clinicId)))
    .innerJoin(motifs, and(eq(motifs.id, appointments.motifId), eq(motifs.clinicId, appointments.clinicId)))
    .where(
      inClinic(
        ctx,
        appointments,
        inArray(
          appointments.patientId,
          profiles.map((p) => p.patientId),
        ),
        gte(appointments.endsAt, now),
        ne(appointments.status, "cancelled"),
        eq(motifs.notificationsEnabled, true),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(100);
  const nameOf = new Map(profiles.map((p) => [p.patientId, p.firstName]));
  return { appointments: rows.map((r) => ({ ...r, patientFirstName: nameOf.get(r.patientId) ?? "" })) };
}

// The patient cancels one of their own (or a managed profile's) appointments from the app: the
// same change staff make, with its reminders cancelled and the patient event (cancelled by the
// patient) saved in one transaction, so reception and the doctor get their alert. Another
// account's appointment is 404, as if it did not exist.
export async function cancelOwnAppointment(
  ctx: PatientContext & Queueing,
  appointmentId: string,
  input: z.output<typeof patientCancellationSchema>,
  now: Date,
) {
  const profiles = await approvedProfiles(ctx);
  const [own] = profiles.length
    ? await ctx.db
        .select({ id: appointments.id })
        .from(appointments)
        .where(
          inClinic(
            ctx,
            appointments,
            eq(appointments.id, appointmentId),
            inArray(
              appointments.patientId,
              profiles.map((p) => p.patientId),
            ),
          ),
        )
    : [];
  if (!own) throw new NotFoundError("Appointment");
  const [clinic] = await ctx.db.select().from(clinics).where(eq(clinics.id, ctx.clinicId));
  const { changed, event } = await ctx.db.transaction(async (tx) => {
    const changed = await changeAppointment(
      { db: tx, clinicId: ctx.clinicId, clinic },
      appointmentId,
      { action: "cancel", reason: input.reason },
      now,
    );
    await syncReminders(tx, changed.after, now);
    await announceAgendaChange(tx, changed.after);
    return { changed, event: await recordAppointmentEvent(tx, changed, { cancelledBy: "patient" }) };
  });
  await enqueueStored(ctx.queue, [event]);
  return { appointment: { id: changed.after.id, status: changed.after.status, startsAt: changed.after.startsAt } };
}
