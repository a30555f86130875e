import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { excluded } from "@/db/excluded";
import { clinics, reminderRules, scheduledReminders, type Appointment, type ReminderRule, type ReminderStep } from "@/db/schema";
import { isRemindable, notRemindableReason } from "@/lib/scheduling/appointment-status";
import { DEFAULT_QUIET_HOURS, DEFAULT_REMINDER_STEPS, planReminders } from "@/lib/reminders/reminder-plan";

const snake = (column: string) => column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
// What a new plan rewrites on an existing row (a move, a restored status, a changed rule).
const REPLANNED = [
  "dueAt",
  "deferredFrom",
  "status",
  "reason",
  "validUntil",
  "channels",
  "backup",
  "backupDueAt",
  "backupStatus",
  "backupReason",
] as const;

// The step's channels and backup as the row keeps them; a backup that would reach the start is
// skipped from the outset.
function stepColumns(step: ReminderStep, backupDueAt: Date | null) {
  if (!step.backup) return { channels: step.channels, backup: null, backupDueAt: null, backupStatus: null, backupReason: null };
  return backupDueAt
    ? { channels: step.channels, backup: step.backup, backupDueAt, backupStatus: "waiting" as const, backupReason: null }
    : {
        channels: step.channels,
        backup: step.backup,
        backupDueAt: null,
        backupStatus: "skipped" as const,
        backupReason: "backup_would_reach_start",
      };
}

export type ClinicReminderRules = { timeZone: string; rules: ReminderRule[] };

export async function loadReminderRules(db: Database, clinicId: string): Promise<ClinicReminderRules> {
  const [clinic] = await db.select({ timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, clinicId));
  return { timeZone: clinic.timeZone, rules: await db.select().from(reminderRules).where(eq(reminderRules.clinicId, clinicId)) };
}

// The rule that applies to an appointment: its visit reason's, else its agenda's, else the
// clinic's, else the product's default (24 h, 2 h and 30 min before; quiet 21:00–08:00).
export function ruleFor(rules: readonly ReminderRule[], appointment: Pick<Appointment, "agendaId" | "motifId">) {
  const applies = (r: ReminderRule) =>
    (!r.agendaId || r.agendaId === appointment.agendaId) && (!r.motifId || r.motifId === appointment.motifId);
  const rank = (r: ReminderRule) => (r.motifId ? 2 : 0) + (r.agendaId ? 1 : 0);
  const rule = rules.filter(applies).sort((a, b) => rank(b) - rank(a))[0];
  return rule
    ? { steps: rule.steps, quiet: { startsAt: rule.quietStartsAt, endsAt: rule.quietEndsAt } }
    : { steps: DEFAULT_REMINDER_STEPS, quiet: DEFAULT_QUIET_HOURS };
}

// The reminder rows an upcoming appointment should have now, one per offset of its rule: the
// ones still worth sending, and the others skipped with why.
export function reminderRowsFor(
  appointment: Pick<Appointment, "id" | "clinicId" | "agendaId" | "motifId" | "startsAt">,
  clinicRules: ClinicReminderRules,
  now: Date,
) {
  const rule = ruleFor(clinicRules.rules, appointment);
  const stepOf = new Map(rule.steps.map((step) => [step.offsetMinutes, step]));
  const plan = planReminders({ startsAt: appointment.startsAt, ...rule, timeZone: clinicRules.timeZone, now });
  const of = { clinicId: appointment.clinicId, appointmentId: appointment.id, validUntil: appointment.startsAt };
  return [
    ...plan.scheduled.map((p) => ({
      ...of,
      ...stepColumns(stepOf.get(p.offsetMinutes)!, p.backupDueAt),
      offsetMinutes: p.offsetMinutes,
      dueAt: p.dueAt,
      deferredFrom: p.deferredFrom,
      status: "scheduled" as const,
      reason: null,
    })),
    ...plan.dropped.map((d) => ({
      ...of,
      ...stepColumns(stepOf.get(d.offsetMinutes)!, null),
      offsetMinutes: d.offsetMinutes,
      dueAt: appointment.startsAt,
      deferredFrom: null,
      status: "skipped" as const,
      reason: d.reason as string,
      backupStatus: null,
      backupReason: null,
    })),
  ];
}

// Keeps an appointment's reminder rows in step with it, in the transaction that changed it:
// booked → one row per reminder still worth sending; moved → re-timed (one already sent for
// the old time is due again for the new one); cancelled or no longer upcoming → the waiting ones cancelled, with why.
// clinicRules: passed when syncing many appointments of one clinic, read otherwise.
export async function syncReminders(db: Database, appointment: Appointment, now: Date, clinicRules?: ClinicReminderRules) {
  const existing = await db.select().from(scheduledReminders).where(eq(scheduledReminders.appointmentId, appointment.id));
  const waiting = existing.filter((r) => r.status === "scheduled");
  if (!isRemindable(appointment.status)) {
    const reason = notRemindableReason(appointment.status);
    if (waiting.length)
      await db
        .update(scheduledReminders)
        .set({ status: "cancelled", reason, updatedAt: now })
        .where(
          inArray(
            scheduledReminders.id,
            waiting.map((r) => r.id),
          ),
        );
    const backups = existing.filter((r) => r.status === "sent" && r.backupStatus === "waiting");
    if (backups.length)
      await db
        .update(scheduledReminders)
        .set({ backupStatus: "skipped", backupReason: reason, updatedAt: now })
        .where(
          inArray(
            scheduledReminders.id,
            backups.map((r) => r.id),
          ),
        );
    return;
  }
  // Sent for this very start time; a reminder sent before a move is due again for the new time.
  const done = new Set(
    existing.filter((r) => r.status === "sent" && r.validUntil.getTime() === appointment.startsAt.getTime()).map((r) => r.offsetMinutes),
  );
  // A reminder whose time passed while it was cancelled (the status changed, then was restored)
  // keeps that reason rather than a new one.
  const settled = new Set(existing.filter((r) => r.status !== "scheduled").map((r) => r.offsetMinutes));
  const rows = reminderRowsFor(appointment, clinicRules ?? (await loadReminderRules(db, appointment.clinicId)), now).filter(
    (r) => !done.has(r.offsetMinutes) && (r.status === "scheduled" || !settled.has(r.offsetMinutes)),
  );
  if (rows.length)
    await db
      .insert(scheduledReminders)
      .values(rows)
      .onConflictDoUpdate({
        target: [scheduledReminders.appointmentId, scheduledReminders.offsetMinutes],
        set: {
          ...Object.fromEntries(REPLANNED.map((column) => [column, excluded(snake(column))])),
          // A reminder due again (the appointment moved) starts without the old time's events.
          eventId: null,
          backupEventId: null,
          updatedAt: now,
        },
      });
  // Offsets the rule no longer has (it changed since booking) stop waiting.
  const planned = new Set(rows.map((r) => r.offsetMinutes));
  const stale = waiting.filter((r) => !planned.has(r.offsetMinutes));
  if (stale.length)
    await db
      .update(scheduledReminders)
      .set({ status: "cancelled", reason: "rule_changed", updatedAt: now })
      .where(
        inArray(
          scheduledReminders.id,
          stale.map((r) => r.id),
        ),
      );
}
