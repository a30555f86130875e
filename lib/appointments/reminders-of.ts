import "server-only";
import { asc, desc, inArray } from "drizzle-orm";
import { scheduledReminders } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";

// The reminders of some appointments, for their "Scheduled notifications": when each goes out
// (or went, or why not), longest offset first.
export async function remindersOf(ctx: Pick<StaffContext, "db" | "clinicId">, appointmentIds: string[]) {
  if (!appointmentIds.length) return new Map<string, (typeof scheduledReminders.$inferSelect)[]>();
  const rows = await ctx.db
    .select()
    .from(scheduledReminders)
    .where(inClinic(ctx, scheduledReminders, inArray(scheduledReminders.appointmentId, appointmentIds)))
    .orderBy(asc(scheduledReminders.appointmentId), desc(scheduledReminders.offsetMinutes));
  const byAppointment = new Map<string, typeof rows>();
  for (const row of rows) byAppointment.set(row.appointmentId, [...(byAppointment.get(row.appointmentId) ?? []), row]);
  return byAppointment;
}
