import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { appointments, events, scheduledReminders, type AppointmentStatus, type Channel, type ReminderBackup } from "@/db/schema";
import { storeEvents } from "@/lib/notifications/events/ingest-event";
import { patientAttemptsOf } from "@/lib/notifications/log/patient-attempts";
import { isRemindable, notRemindableReason } from "@/lib/scheduling/appointment-status";
import { backupVerdict } from "./reminder-backup";
import { offsetLabel, sendTimeVerdict } from "./reminder-plan";
import { loadReminderRules, ruleFor, type ClinicReminderRules } from "./schedule-reminders";

// Rows claimed per transaction, and batches per tick: a tick hands up to 20,000 reminders to
// the pipeline and leaves the rest to the next minute.
const BATCH = 1000;
const MAX_BATCHES = 20;

export type TickResult = { sent: number; skipped: number; backupsSent: number; backupsNotNeeded: number; backupsSkipped: number };
// Hands stored events to the queue once their transaction has committed.
export type Enqueue = (eventIds: string[]) => Promise<void>;

type Claimed = {
  id: string;
  clinicId: string;
  appointmentId: string;
  offsetMinutes: number;
  validUntil: Date;
  channels: Channel[];
  backup: ReminderBackup | null;
  status: AppointmentStatus;
  startsAt: Date;
  agendaId: string;
  motifId: string;
  dueAt: Date;
};

// Why a claimed reminder (or its backup) is not sent now, or null to send it.
function notSendable(r: Claimed, now: Date): string | null {
  if (!isRemindable(r.status)) return notRemindableReason(r.status);
  if (now >= r.validUntil || now >= r.startsAt) return "appointment_already_started";
  return null;
}

const eventKey = (r: Claimed, stage: "first" | "backup") =>
  `reminder:${r.appointmentId}:${r.offsetMinutes}:${r.startsAt.toISOString()}${stage === "backup" ? ":backup" : ""}`;

// One appointment.reminder per reminder, through the pipeline's one door (storeEvents: the key
// is unique per clinic, so a key seen before is found, not stored twice); returns each
// reminder's event id, and those to queue.
async function storeReminderEvents(
  tx: Database,
  items: { reminder: Claimed; stage: "first" | "backup"; channels: Channel[]; pick: "all" | "first_available" }[],
) {
  const stored = await storeEvents(
    tx,
    items.map(({ reminder: r, stage, channels, pick }) => ({
      clinicId: r.clinicId,
      source: "scheduler" as const,
      event: {
        id: eventKey(r, stage),
        type: "appointment.reminder" as const,
        data: {
          appointmentId: r.appointmentId,
          offset: offsetLabel(r.offsetMinutes),
          ...(channels.length ? { channels } : {}),
          pick,
          stage,
        },
      },
    })),
  );
  return {
    eventIdOf: new Map(items.map(({ reminder }, i) => [reminder.id, stored[i].id])),
    toQueue: stored.filter((e) => e.needsQueue).map((e) => e.id),
  };
}

// Sets one column to each row's own value in one statement.
async function setEach(tx: Database, column: "event_id" | "backup_event_id", values: Map<string, string>, set: ReturnType<typeof sql>) {
  if (!values.size) return;
  await tx.execute(
    sql`update scheduled_reminders as r set ${sql.raw(column)} = v.value, ${set}
        from unnest(${sql.param([...values.keys()])}::uuid[], ${sql.param([...values.values()])}::uuid[]) as v(id, value) where r.id = v.id`,
  );
}

async function markEach(
  tx: Database,
  byReason: Map<string, string[]>,
  set: (reason: string) => PgUpdateSetSource<typeof scheduledReminders>,
) {
  for (const [reason, ids] of byReason) await tx.update(scheduledReminders).set(set(reason)).where(inArray(scheduledReminders.id, ids));
}

const group = (into: Map<string, string[]>, key: string, id: string) => into.set(key, [...(into.get(key) ?? []), id]);

const claimedColumns = {
  id: scheduledReminders.id,
  clinicId: scheduledReminders.clinicId,
  appointmentId: scheduledReminders.appointmentId,
  offsetMinutes: scheduledReminders.offsetMinutes,
  validUntil: scheduledReminders.validUntil,
  channels: scheduledReminders.channels,
  backup: scheduledReminders.backup,
  status: appointments.status,
  startsAt: appointments.startsAt,
  agendaId: appointments.agendaId,
  motifId: appointments.motifId,
  dueAt: scheduledReminders.dueAt,
};

// The claim: the oldest due reminders not locked by another tick (the partial index on due_at
// where scheduled finds them; the benchmark prints the plan).
export function dueReminders(db: Database, now: Date) {
  return db
    .select(claimedColumns)
    .from(scheduledReminders)
    .innerJoin(appointments, eq(appointments.id, scheduledReminders.appointmentId))
    .where(and(eq(scheduledReminders.status, "scheduled"), lte(scheduledReminders.dueAt, now)))
    .orderBy(asc(scheduledReminders.dueAt))
    .limit(BATCH)
    .for("update", { of: scheduledReminders, skipLocked: true });
}

// Each backup's check time, counted from now (when its first message goes), or skipped when it
// would reach the start. (The times go as text, cast in SQL: postgres.js does not serialise a
// timestamptz[] parameter.)
async function setBackupsDue(tx: Database, dues: Map<string, Date | null>) {
  if (!dues.size) return;
  await tx.execute(
    sql`update scheduled_reminders as r
        set backup_due_at = v.due::timestamptz,
            backup_status = (case when v.due is null then 'skipped' else 'waiting' end)::reminder_backup_status,
            backup_reason = case when v.due is null then 'backup_would_reach_start' end
        from unnest(${sql.param([...dues.keys()])}::uuid[], ${sql.param([...dues.values()].map((d) => d?.toISOString() ?? null))}::text[]) as v(id, due)
        where r.id = v.id`,
  );
}

// One batch of due reminders: claimed (SKIP LOCKED, so instances share the work), skipped with
// why when the appointment is no longer upcoming or has started, when a later one of the same
// appointment is due too, or when it is too late to help; put off when the tick runs in quiet
// hours; else handed to the pipeline. A skipped reminder's backup is skipped with it.
async function firstStageBatch(db: Database, now: Date, result: TickResult) {
  return db.transaction(async (tx) => {
    const due: Claimed[] = await dueReminders(tx, now);
    const rulesOf = new Map<string, ClinicReminderRules>();
    for (const clinicId of new Set(due.map((r) => r.clinicId))) rulesOf.set(clinicId, await loadReminderRules(tx, clinicId));
    const skipped = new Map<string, string[]>();
    const deferred: { id: string; until: Date }[] = [];
    const send: Claimed[] = [];
    const backupsDue = new Map<string, Date | null>();
    // A tick that comes late (the app was down) may find two reminders of one appointment due:
    // only the nearest to the start is sent, not "tomorrow" and "in 2 hours" at once.
    const nearest = new Map<string, number>();
    for (const r of due) nearest.set(r.appointmentId, Math.min(r.offsetMinutes, nearest.get(r.appointmentId) ?? Infinity));
    for (const r of due) {
      const why = notSendable(r, now) ?? (r.offsetMinutes > nearest.get(r.appointmentId)! ? "superseded_by_later_reminder" : null);
      if (why) {
        group(skipped, why, r.id);
        continue;
      }
      const { timeZone, rules } = rulesOf.get(r.clinicId)!;
      const verdict = sendTimeVerdict({ ...r, quiet: ruleFor(rules, r).quiet, timeZone, now });
      if (verdict.kind === "skip") group(skipped, verdict.reason, r.id);
      else if (verdict.kind === "defer") deferred.push({ id: r.id, until: verdict.until });
      else {
        send.push(r);
        if (r.backup) backupsDue.set(r.id, verdict.backupDueAt);
      }
    }
    await markEach(tx, skipped, (reason) => ({
      status: "skipped",
      reason,
      backupStatus: sql`case when ${scheduledReminders.backupStatus} = 'waiting' then 'skipped'::reminder_backup_status else ${scheduledReminders.backupStatus} end`,
      backupReason: sql`case when ${scheduledReminders.backupStatus} = 'waiting' then 'first_reminder_skipped' else ${scheduledReminders.backupReason} end`,
      updatedAt: now,
    }));
    for (const d of deferred)
      await tx
        .update(scheduledReminders)
        .set({
          dueAt: d.until,
          deferredFrom: sql`coalesce(${scheduledReminders.deferredFrom}, ${scheduledReminders.dueAt})`,
          updatedAt: now,
        })
        .where(eq(scheduledReminders.id, d.id));
    const { eventIdOf, toQueue } = await storeReminderEvents(
      tx,
      send.map((r) => ({ reminder: r, stage: "first", channels: r.channels, pick: r.backup ? "first_available" : "all" })),
    );
    await setEach(tx, "event_id", eventIdOf, sql`status = 'sent', updated_at = ${now.toISOString()}::timestamptz`);
    await setBackupsDue(tx, backupsDue);
    result.sent += send.length;
    result.skipped += [...skipped.values()].reduce((n, ids) => n + ids.length, 0);
    return { claimed: due.length, toQueue };
  });
}

// One batch of backups whose delay is over: each is sent to the channels after the one that
// went first, unless that one was delivered (or read) in time. A first event still in the
// pipeline is looked at again next tick.
async function backupBatch(db: Database, now: Date, result: TickResult) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ ...claimedColumns, eventId: scheduledReminders.eventId, eventStatus: events.status })
      .from(scheduledReminders)
      .innerJoin(appointments, eq(appointments.id, scheduledReminders.appointmentId))
      .innerJoin(events, eq(events.id, scheduledReminders.eventId))
      .where(
        and(
          eq(scheduledReminders.backupStatus, "waiting"),
          eq(scheduledReminders.status, "sent"),
          lte(scheduledReminders.backupDueAt, now),
        ),
      )
      .orderBy(asc(scheduledReminders.backupDueAt))
      .limit(BATCH)
      .for("update", { of: scheduledReminders, skipLocked: true });
    const ready = due.filter((r) => r.eventStatus === "processed" || r.eventStatus === "failed" || notSendable(r, now));
    const attemptsOf = await patientAttemptsOf(
      tx,
      ready.map((r) => r.eventId!),
    );
    const decided = new Map<string, string[]>();
    const send: { reminder: Claimed; stage: "backup"; channels: Channel[]; pick: "first_available" }[] = [];
    for (const r of ready) {
      const why = notSendable(r, now);
      const verdict = why
        ? ({ send: false, status: "skipped", reason: why } as const)
        : backupVerdict({ channels: r.channels, backup: r.backup!, attempts: attemptsOf.get(r.eventId!) ?? [] });
      if (verdict.send) send.push({ reminder: r, stage: "backup", channels: verdict.channels, pick: "first_available" });
      else {
        group(decided, `${verdict.status}:${verdict.reason}`, r.id);
        result[verdict.status === "not_needed" ? "backupsNotNeeded" : "backupsSkipped"]++;
      }
    }
    await markEach(tx, decided, (key) => {
      const [status, reason] = key.split(":") as ["not_needed" | "skipped", string];
      return { backupStatus: status, backupReason: reason, updatedAt: now };
    });
    const { eventIdOf, toQueue } = await storeReminderEvents(tx, send);
    await setEach(tx, "backup_event_id", eventIdOf, sql`backup_status = 'sent', updated_at = ${now.toISOString()}::timestamptz`);
    result.backupsSent += send.length;
    // Some wait for their first event: the next tick looks again rather than this one looping.
    return { claimed: ready.length < due.length ? 0 : due.length, toQueue };
  });
}

// One tick: due reminders, then due backups, batch by batch; each batch's events are queued
// once it has committed. A second tick, a second instance or a redelivered job finds the same
// event keys and sends nothing twice.
export async function sendDueReminders(db: Database, now: Date, enqueue: Enqueue): Promise<TickResult> {
  const result: TickResult = { sent: 0, skipped: 0, backupsSent: 0, backupsNotNeeded: 0, backupsSkipped: 0 };
  for (const stage of [firstStageBatch, backupBatch]) {
    for (let i = 0; i < MAX_BATCHES; i++) {
      const { claimed, toQueue } = await stage(db, now, result);
      if (toQueue.length) await enqueue(toQueue);
      if (claimed < BATCH) break;
    }
  }
  return result;
}
