import type { Channel, ReminderBackup, ReminderStep } from "@/db/schema";
import { addLocalDays, clinicLocalDateTime, clinicLocalToUtc } from "@/lib/time/clinic-time";

// When an appointment's reminders are due. Pure: `now` and the clinic's zone are inputs.

// The day before and two hours before: WhatsApp first, the app's push if WhatsApp is not
// delivered within 15 minutes (email when neither can reach the patient). Half an hour before:
// push and SMS together.
export const DEFAULT_REMINDER_STEPS: ReminderStep[] = [
  { offsetMinutes: 24 * 60, channels: ["whatsapp", "push", "email"] satisfies Channel[], backup: { afterMinutes: 15, until: "delivered" } },
  { offsetMinutes: 2 * 60, channels: ["whatsapp", "push"], backup: { afterMinutes: 15, until: "delivered" } },
  { offsetMinutes: 30, channels: ["push", "sms"], backup: null },
];

// Minutes after local midnight; a window that wraps midnight (21:00–08:00) is the usual case.
export type QuietHours = { startsAt: number; endsAt: number };
export const DEFAULT_QUIET_HOURS: QuietHours = { startsAt: 21 * 60, endsAt: 8 * 60 };

// backupDueAt: when the backup's check runs (null without a backup, or when it would reach the start).
export type PlannedReminder = { offsetMinutes: number; dueAt: Date; deferredFrom: Date | null; backupDueAt: Date | null };
export type DroppedReminder = {
  offsetMinutes: number;
  reason: "booked_too_late" | "quiet_hours_until_start" | "merged_with_earlier_reminder";
};

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

function inQuiet(minute: number, quiet: QuietHours): boolean {
  if (quiet.startsAt === quiet.endsAt) return false;
  return quiet.startsAt > quiet.endsAt
    ? minute >= quiet.startsAt || minute < quiet.endsAt
    : minute >= quiet.startsAt && minute < quiet.endsAt;
}

// Whole days before are counted on the calendar (the day before at the same clock time, even
// across a daylight-saving change); shorter offsets are real minutes.
function dueTime(startsAt: Date, offsetMinutes: number, timeZone: string): Date {
  if (offsetMinutes % (24 * 60) !== 0) return new Date(startsAt.getTime() - offsetMinutes * 60_000);
  const local = clinicLocalDateTime(startsAt, timeZone);
  return clinicLocalToUtc(`${addLocalDays(local.slice(0, 10), -offsetMinutes / (24 * 60))}T${local.slice(11)}`, timeZone);
}

// The time itself, or the end of the quiet hours it falls in.
function pastQuiet(due: Date, quiet: QuietHours, timeZone: string): Date {
  const local = clinicLocalDateTime(due, timeZone);
  const minute = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
  if (!inQuiet(minute, quiet)) return due;
  const day = minute < quiet.endsAt ? local.slice(0, 10) : addLocalDays(local.slice(0, 10), 1);
  return clinicLocalToUtc(`${day}T${hhmm(quiet.endsAt)}`, timeZone);
}

// A reminder due in quiet hours waits for their end (never dropped for that alone); one that
// would then reach the start is dropped, as is one whose time has passed (a late booking gets
// only the reminders that still make sense). Two that quiet hours push to the same time go as
// one message: the earlier step's, with its first channel (a move to 08:15 does not lose the
// 2 h WhatsApp to the 30 min push). A backup keeps the quiet hours too.
export function planReminders(input: { startsAt: Date; steps: readonly ReminderStep[]; quiet: QuietHours; timeZone: string; now: Date }) {
  const scheduled: PlannedReminder[] = [];
  const dropped: DroppedReminder[] = [];
  const earliestFirst = [...input.steps].sort((a, b) => b.offsetMinutes - a.offsetMinutes);
  for (const { offsetMinutes, backup } of earliestFirst) {
    const due = dueTime(input.startsAt, offsetMinutes, input.timeZone);
    if (due <= input.now) {
      dropped.push({ offsetMinutes, reason: "booked_too_late" });
      continue;
    }
    const dueAt = pastQuiet(due, input.quiet, input.timeZone);
    if (dueAt >= input.startsAt) {
      dropped.push({ offsetMinutes, reason: "quiet_hours_until_start" });
      continue;
    }
    if (scheduled.some((s) => s.dueAt.getTime() === dueAt.getTime())) {
      dropped.push({ offsetMinutes, reason: "merged_with_earlier_reminder" });
      continue;
    }
    const backupAt = backup ? pastQuiet(new Date(dueAt.getTime() + backup.afterMinutes * 60_000), input.quiet, input.timeZone) : null;
    scheduled.push({
      offsetMinutes,
      dueAt,
      deferredFrom: dueAt.getTime() === due.getTime() ? null : due,
      backupDueAt: backupAt && backupAt < input.startsAt ? backupAt : null,
    });
  }
  return { scheduled, dropped };
}

export type SendTimeVerdict =
  | { kind: "send"; backupDueAt: Date | null }
  | { kind: "defer"; until: Date }
  | { kind: "skip"; reason: "too_late_to_help" | "quiet_hours_until_start" };

// What a tick does with a reminder it finds due, whenever it runs (an hour late after a
// restart, or in the night): a reminder more than half its offset late is past its use (the
// 24 h one found two hours before the start is not sent on top of the 2 h one); one found in
// quiet hours waits for their end (or is dropped if that reaches the start); one sent now gets
// its backup checked its delay after now, not after the planned time. Pure.
export function sendTimeVerdict(input: {
  offsetMinutes: number;
  dueAt: Date;
  startsAt: Date;
  backup: ReminderBackup | null;
  quiet: QuietHours;
  timeZone: string;
  now: Date;
}): SendTimeVerdict {
  const { now, quiet, timeZone } = input;
  if (now.getTime() - input.dueAt.getTime() > (input.offsetMinutes * 60_000) / 2) return { kind: "skip", reason: "too_late_to_help" };
  const allowed = pastQuiet(now, quiet, timeZone);
  if (allowed > now)
    return allowed >= input.startsAt ? { kind: "skip", reason: "quiet_hours_until_start" } : { kind: "defer", until: allowed };
  const backupAt = input.backup ? pastQuiet(new Date(now.getTime() + input.backup.afterMinutes * 60_000), quiet, timeZone) : null;
  return { kind: "send", backupDueAt: backupAt && backupAt < input.startsAt ? backupAt : null };
}

// "24h", "2h", "30m": the offset as the reminder event's payload names it.
export function offsetLabel(offsetMinutes: number): string {
  return offsetMinutes % 60 === 0 ? `${offsetMinutes / 60}h` : `${offsetMinutes}m`;
}
