import { addMinutes } from "date-fns";
import type { Database } from "@/db/client";
import { reminderRules, scheduledReminders, type NewAppointment, type ReminderStep } from "@/db/schema";
import { reminderRowsFor } from "@/lib/reminders/schedule-reminders";
import { isRemindable } from "@/lib/scheduling/appointment-status";
import { DEFAULT_REMINDER_STEPS } from "@/lib/reminders/reminder-plan";
import { insertInBatches } from "./insert";

// The demo clinics' rule: the product's default with a five-minute backup delay, so that on
// `npm run dev` the push backup follows WhatsApp while one watches the Local sinks page.
export const DEMO_REMINDER_STEPS: ReminderStep[] = DEFAULT_REMINDER_STEPS.map((s) =>
  s.backup ? { ...s, backup: { ...s.backup, afterMinutes: 5 } } : s,
);

// Two hours and two minutes ahead: its 2 h reminder is due two minutes after the seed.
export const DEMO_SOON_MINUTES = 122;

// An appointment starting soon, for a patient WhatsApp and the app can reach, on an agenda
// where the generated appointments that would overlap it are dropped (the database refuses
// overlaps). Returns the rows to insert.
export function withDemoSoonAppointment(
  rows: NewAppointment[],
  soon: Omit<NewAppointment, "startsAt" | "endsAt" | "status">,
  now: Date,
): NewAppointment[] {
  const startsAt = new Date(Math.ceil(addMinutes(now, DEMO_SOON_MINUTES).getTime() / 60_000) * 60_000);
  const endsAt = addMinutes(startsAt, 20);
  const clear = rows.filter((r) => r.agendaId !== soon.agendaId || r.endsAt! <= startsAt || r.startsAt! >= endsAt);
  return [...clear, { ...soon, startsAt, endsAt, status: "confirmed", statusChangedAt: now, createdAt: now }];
}

// The demo rule, and the reminders still to come of the upcoming appointments (as booking
// them through the app would have made; the seed's history starts now, so none is "sent").
export async function seedReminders(db: Database, clinic: { id: string; timeZone: string }, appointments: NewAppointment[], now: Date) {
  const [rule] = await db.insert(reminderRules).values({ clinicId: clinic.id, steps: DEMO_REMINDER_STEPS }).returning();
  const rules = { timeZone: clinic.timeZone, rules: [rule] };
  const rows = appointments
    .filter((a) => isRemindable(a.status ?? "confirmed") && a.startsAt! > now)
    .flatMap((a) =>
      reminderRowsFor({ id: a.id!, clinicId: clinic.id, agendaId: a.agendaId, motifId: a.motifId, startsAt: a.startsAt! }, rules, now),
    )
    .filter((r) => r.status === "scheduled");
  await insertInBatches(db, scheduledReminders, rows);
  return rows.length;
}
