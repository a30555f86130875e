import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { deliveries, scheduledReminders, type Channel, type DeliveryStatus, type ScheduledReminder } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import type { SkipReason } from "@/lib/notifications/skip-reasons";

export type ReminderDelivery = { id: string; channel: Channel; status: DeliveryStatus; skipReason: SkipReason | null; backup: boolean };
export type ReminderView = Omit<ScheduledReminder, "clinicId" | "createdAt"> & { deliveries: ReminderDelivery[] };

// The reminders of some appointments, for their "Scheduled notifications": when each goes out
// (or went, on which channels, or why not), longest offset first, with the deliveries they made.
export async function remindersOf(
  ctx: Pick<StaffContext, "db" | "clinicId">,
  appointmentIds: string[],
): Promise<Map<string, ReminderView[]>> {
  const byAppointment = new Map<string, ReminderView[]>();
  if (!appointmentIds.length) return byAppointment;
  const rows = await ctx.db
    .select()
    .from(scheduledReminders)
    .where(inClinic(ctx, scheduledReminders, inArray(scheduledReminders.appointmentId, appointmentIds)))
    .orderBy(asc(scheduledReminders.appointmentId), desc(scheduledReminders.offsetMinutes));
  const eventIds = rows.flatMap((r) => [r.eventId, r.backupEventId].filter((id): id is string => Boolean(id)));
  const made = eventIds.length
    ? await ctx.db
        .select({
          id: deliveries.id,
          eventId: deliveries.eventId,
          channel: deliveries.channel,
          status: deliveries.status,
          skipReason: deliveries.skipReason,
        })
        .from(deliveries)
        .where(inClinic(ctx, deliveries, inArray(deliveries.eventId, eventIds), eq(deliveries.audience, "patient")))
        .orderBy(asc(deliveries.createdAt))
    : [];
  for (const { clinicId: _clinic, createdAt: _created, ...row } of rows) {
    const of = (eventId: string | null, backup: boolean) =>
      made
        .filter((d) => eventId && d.eventId === eventId)
        .map((d) => ({ id: d.id, channel: d.channel, status: d.status, skipReason: d.skipReason as SkipReason | null, backup }));
    const view = { ...row, deliveries: [...of(row.eventId, false), ...of(row.backupEventId, true)] };
    byAppointment.set(row.appointmentId, [...(byAppointment.get(row.appointmentId) ?? []), view]);
  }
  return byAppointment;
}
