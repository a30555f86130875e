import "server-only";
import { and, gte, inArray, isNull, lte, or } from "drizzle-orm";
import { closures, openingHours } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { localDatesBetween, openIntervals } from "@/lib/scheduling/free-slots";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

const DEFAULT_HOURS = { minMinutes: 8 * 60, maxMinutes: 19 * 60 };

// What the time grid shades, for some agendas over local dates [from, to], in two queries:
// each agenda's open stretches as instants, its closed days with their reason, and the hours
// to show (from the earliest opening to the latest closing of the week, on the hour).
export async function agendaGrid(ctx: Ctx, agendaIds: string[], range: { from: string; to: string }) {
  if (!agendaIds.length) return { open: [], closed: [], ...DEFAULT_HOURS };
  const [week, closed] = await Promise.all([
    ctx.db
      .select({
        agendaId: openingHours.agendaId,
        weekday: openingHours.weekday,
        opensAt: openingHours.opensAt,
        closesAt: openingHours.closesAt,
      })
      .from(openingHours)
      .where(inClinic(ctx, openingHours, inArray(openingHours.agendaId, agendaIds))),
    ctx.db
      .select({ agendaId: closures.agendaId, startsOn: closures.startsOn, endsOn: closures.endsOn, reason: closures.reason })
      .from(closures)
      .where(
        inClinic(
          ctx,
          closures,
          and(
            or(inArray(closures.agendaId, agendaIds), isNull(closures.agendaId)),
            lte(closures.startsOn, range.to),
            gte(closures.endsOn, range.from),
          ),
        ),
      ),
  ]);
  const timeZone = ctx.clinic.timeZone;
  const open = agendaIds.flatMap((agendaId) =>
    openIntervals({
      timeZone,
      ...range,
      week: week.filter((w) => w.agendaId === agendaId),
      closures: closed.filter((c) => c.agendaId === agendaId || c.agendaId === null),
    }).map((o) => ({ agendaId, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() })),
  );
  const closedDays = agendaIds.flatMap((agendaId) =>
    closed
      .filter((c) => c.agendaId === agendaId || c.agendaId === null)
      .flatMap((c) =>
        localDatesBetween(c.startsOn < range.from ? range.from : c.startsOn, c.endsOn > range.to ? range.to : c.endsOn).map((day) => ({
          agendaId,
          day,
          reason: c.reason,
        })),
      ),
  );
  if (!week.length) return { open, closed: closedDays, ...DEFAULT_HOURS };
  return {
    open,
    closed: closedDays,
    minMinutes: Math.floor(Math.min(...week.map((w) => w.opensAt)) / 60) * 60,
    maxMinutes: Math.min(1440, Math.ceil(Math.max(...week.map((w) => w.closesAt)) / 60) * 60),
  };
}
