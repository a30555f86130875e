import "server-only";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { appointments, type Appointment } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import { UPCOMING_STATUSES } from "@/lib/scheduling/appointment-status";
import { addLocalDays, clinicLocalDate, clinicLocalToUtc } from "@/lib/time/clinic-time";
import type { AppointmentChange } from "./schemas";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;
type SeriesChange = Extract<AppointmentChange, { action: "reschedule" | "cancel" }>;
export type OccurrenceChange = { occurrence: Appointment; change: SeriesChange };

const DAY = 86_400_000;

// A change made "from this one on": the appointment and every later occurrence of its series
// still to come, each with its own change. A move shifts each one by the same number of days
// to the new clock time (so a weekly 09:00 moved to Thursday 10:30 stays weekly, on Thursdays,
// at 10:30 on the clinic's clock across a DST change). Ordered so that no occurrence is moved
// onto a neighbour that has not moved yet: the last first when moving later.
export async function followingOccurrences(ctx: Ctx, appointmentId: string, change: SeriesChange): Promise<OccurrenceChange[]> {
  const [from] = await ctx.db
    .select()
    .from(appointments)
    .where(inClinic(ctx, appointments, eq(appointments.id, appointmentId)))
    .limit(1);
  if (!from) throw new NotFoundError("Appointment");
  if (!from.seriesId) throw new InvalidInputError("Invalid change.", { scope: ["this appointment is not part of a series"] });
  const later = await ctx.db
    .select()
    .from(appointments)
    .where(
      inClinic(
        ctx,
        appointments,
        and(
          eq(appointments.seriesId, from.seriesId),
          gt(appointments.startsAt, from.startsAt),
          inArray(appointments.status, [...UPCOMING_STATUSES]),
        ),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  const occurrences = [from, ...later];
  if (change.action === "cancel") return occurrences.map((occurrence) => ({ occurrence, change }));

  const { timeZone } = ctx.clinic;
  const fromDate = clinicLocalDate(from.startsAt, timeZone);
  const shiftDays = Math.round((Date.parse(change.startsAt.slice(0, 10)) - Date.parse(fromDate)) / DAY);
  const clock = change.startsAt.slice(11);
  const planned = occurrences.map((occurrence) => ({
    occurrence,
    change: { ...change, startsAt: `${addLocalDays(clinicLocalDate(occurrence.startsAt, timeZone), shiftDays)}T${clock}` },
  }));
  const movesLater = clinicLocalToUtc(change.startsAt, timeZone) > from.startsAt;
  return movesLater ? planned.reverse() : planned;
}
