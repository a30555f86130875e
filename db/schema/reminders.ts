import { sql } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgEnum, pgTable, smallint, text, unique, uuid } from "drizzle-orm/pg-core";
import type { Channel } from "./channels";
import { clinicRef } from "./clinics";
import { createdAt, id, instant, updatedAt } from "./columns";
import { agendas, appointments, motifs } from "./scheduling";

// A step's backup: the first channel that can be sent goes at the due time; the next one in
// order follows only if that one is not delivered (or not read) within afterMinutes.
export type ReminderBackup = { afterMinutes: number; until: "delivered" | "read" };

// One reminder of a rule: how long before the start, and the channels in order. Without a
// backup every channel goes at once (dual-send at the same time).
export type ReminderStep = { offsetMinutes: number; channels: Channel[]; backup?: ReminderBackup | null };

// When reminders go out: the clinic's rule (agenda and visit reason empty), overridden by an
// agenda's, overridden by a visit reason's. Quiet hours are minutes after local midnight.
export const reminderRules = pgTable(
  "reminder_rules",
  {
    id: id(),
    clinicId: clinicRef(),
    agendaId: uuid(),
    motifId: uuid(),
    steps: jsonb().$type<ReminderStep[]>().notNull(),
    quietStartsAt: smallint()
      .notNull()
      .default(21 * 60),
    quietEndsAt: smallint()
      .notNull()
      .default(8 * 60),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("reminder_rules_scope").on(t.clinicId, t.agendaId, t.motifId).nullsNotDistinct(),
    foreignKey({ columns: [t.clinicId, t.agendaId], foreignColumns: [agendas.clinicId, agendas.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.clinicId, t.motifId], foreignColumns: [motifs.clinicId, motifs.id] }).onDelete("cascade"),
  ],
);

export const reminderStatusEnum = pgEnum("reminder_status", ["scheduled", "sent", "skipped", "cancelled"]);
// The backup of a sent reminder: waiting for its check, sent, not needed (the first channel got
// through in time) or skipped (with why).
export const reminderBackupStatusEnum = pgEnum("reminder_backup_status", ["waiting", "sent", "not_needed", "skipped"]);

// The reminders of one appointment, one row per offset: created when it is booked, re-timed
// when it moves, cancelled with it; the tick hands the due ones to the pipeline.
export const scheduledReminders = pgTable(
  "scheduled_reminders",
  {
    id: id(),
    clinicId: clinicRef(),
    appointmentId: uuid().notNull(),
    offsetMinutes: integer().notNull(),
    dueAt: instant().notNull(),
    // Never sent at or after the start of the appointment.
    validUntil: instant().notNull(),
    // Quiet hours moved it from this time to dueAt.
    deferredFrom: instant(),
    status: reminderStatusEnum().notNull().default("scheduled"),
    reason: text(),
    eventId: uuid(),
    // The step as it was planned: the channels in order and the backup, if any.
    channels: jsonb().$type<Channel[]>().notNull().default([]),
    backup: jsonb().$type<ReminderBackup>(),
    backupDueAt: instant(),
    backupStatus: reminderBackupStatusEnum(),
    backupReason: text(),
    backupEventId: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.appointmentId, t.offsetMinutes),
    index("scheduled_reminders_due")
      .on(t.dueAt)
      .where(sql`${t.status} = 'scheduled'`),
    index("scheduled_reminders_backup_due")
      .on(t.backupDueAt)
      .where(sql`${t.backupStatus} = 'waiting'`),
    foreignKey({ columns: [t.clinicId, t.appointmentId], foreignColumns: [appointments.clinicId, appointments.id] }).onDelete("cascade"),
  ],
);

export type ReminderRule = typeof reminderRules.$inferSelect;
export type ScheduledReminder = typeof scheduledReminders.$inferSelect;
