import "server-only";
import { asc, eq } from "drizzle-orm";
import { appointments } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { isUpcoming } from "@/lib/scheduling/appointment-status";

type Ctx = Pick<StaffContext, "db" | "clinicId">;

// Where an appointment stands in its recurring series: "4 of 10", the last one's start, and how
// many later occurrences are still to come (what "this one and the following" would change).
export async function seriesPlace(ctx: Ctx, appointment: { id: string; seriesId: string | null }) {
  if (!appointment.seriesId) return null;
  const members = await ctx.db
    .select({ id: appointments.id, startsAt: appointments.startsAt, status: appointments.status })
    .from(appointments)
    .where(inClinic(ctx, appointments, eq(appointments.seriesId, appointment.seriesId)))
    .orderBy(asc(appointments.startsAt));
  const index = members.findIndex((m) => m.id === appointment.id);
  return {
    position: index + 1,
    total: members.length,
    lastStartsAt: members.at(-1)!.startsAt,
    following: members.slice(index + 1).filter((m) => isUpcoming(m.status)).length,
  };
}

export type SeriesPlace = NonNullable<Awaited<ReturnType<typeof seriesPlace>>>;
