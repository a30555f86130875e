import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { clinics, reminderRules, scheduledReminders, type Appointment } from "@/db/schema";
import { isUpcoming } from "@/lib/scheduling/appointment-status";
import { DEFAULT_QUIET_HOURS, DEFAULT_REMINDER_STEPS, planReminders } from "@/lib/scheduling/reminder-plan";

const sqlExcluded = (column: string) => sql.raw(`excluded."${column}"`);

// The rule that applies to an appointment: its visit reason's, else its agenda's, else the
// clinic's, else the product's default (24 h, 2 h and 30 min before; quiet 21:00–08:00).
async function ruleFor(db: Database, appointment: Appointment) {
  const rules = await db
    .select()
    .from(reminderRules)
    .where(
      and(
        eq(reminderRules.clinicId, appointment.clinicId),
        or(isNull(reminderRules.agendaId), eq(reminderRules.agendaId, appointment.agendaId)),
        or(isNull(reminderRules.motifId), eq(reminderRules.motifId, appointment.motifId)),
      ),
    );
  const rank = (r: (typeof rules)[number]) => (r.motifId ? 2 : 0) + (r.agendaId ? 1 : 0);
  const rule = rules.sort((a, b) => rank(b) - rank(a))[0];
  return rule ? { steps: rule.steps, quiet: { startsAt: rule.quietStartsAt, endsAt: rule.quietEndsAt } } : { steps: DEFAULT_REMINDER_STEPS, quiet: DEFAULT_QUIET_HOURS };
}

// Keeps an appointment's reminder rows in step with it, in the transaction that changed it:
// booked → one row per reminder still worth sending; moved → re-timed (one already sent for
// the old time is due again for the new one); cancelled or no longer upcoming → the waiting ones cancelled, with why.
export async function syncReminders(db: Database, appointment: Appointment, now: Date) {
  const existing = await db.select().from(scheduledReminders).where(eq(scheduledReminders.appointmentId, appointment.id));
  const waiting = existing.filter((r) => r.status === "scheduled");
  if (!isUpcoming(appointment.status)) {
    if (waiting.length)
      await db
        .update(scheduledReminders)
        .set({ status: "cancelled", reason: appointment.status === "cancelled" ? "appointment_cancelled" : "appointment_status_changed", updatedAt: now })
        .where(inArray(scheduledReminders.id, waiting.map((r) => r.id)));
    return;
  }
  const [clinic] = await db.select({ timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, appointment.clinicId));
  const rule = await ruleFor(db, appointment);
  const plan = planReminders({ startsAt: appointment.startsAt, ...rule, timeZone: clinic.timeZone, now });
  // Sent for this very start time; a reminder sent before a move is due again for the new time.
  const done = new Set(existing.filter((r) => r.status === "sent" && r.validUntil.getTime() === appointment.startsAt.getTime()).map((r) => r.offsetMinutes));
  const rows = [
    ...plan.scheduled.filter((p) => !done.has(p.offsetMinutes)).map((p) => ({ offsetMinutes: p.offsetMinutes, dueAt: p.dueAt, deferredFrom: p.deferredFrom, status: "scheduled" as const, reason: null })),
    ...plan.dropped.filter((d) => !done.has(d.offsetMinutes)).map((d) => ({ offsetMinutes: d.offsetMinutes, dueAt: appointment.startsAt, deferredFrom: null, status: "skipped" as const, reason: d.reason })),
  ];
  if (rows.length)
    await db
      .insert(scheduledReminders)
      .values(rows.map((r) => ({ ...r, clinicId: appointment.clinicId, appointmentId: appointment.id, validUntil: appointment.startsAt })))
      .onConflictDoUpdate({
        target: [scheduledReminders.appointmentId, scheduledReminders.offsetMinutes],
        set: { dueAt: sqlExcluded("due_at"), deferredFrom: sqlExcluded("deferred_from"), status: sqlExcluded("status"), reason: sqlExcluded("reason"), validUntil: sqlExcluded("valid_until"), updatedAt: now },
      });
  // Offsets the rule no longer has (it changed since booking) stop waiting.
  const planned = new Set(rows.map((r) => r.offsetMinutes));
  const stale = waiting.filter((r) => !planned.has(r.offsetMinutes));
  if (stale.length) await db.update(scheduledReminders).set({ status: "cancelled", reason: "rule_changed", updatedAt: now }).where(inArray(scheduledReminders.id, stale.map((r) => r.id)));
}
