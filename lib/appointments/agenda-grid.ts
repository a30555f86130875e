import "server-only";
import { and, asc, gte, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { blockedPeriods, closures, openingHours } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { localDatesBetween, openIntervals } from "@/lib/scheduling/free-slots";
import { clinicDayRange } from "@/lib/time/clinic-time";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// The agendas' blocked periods that touch local dates [from, to], in time order.
export function blockedPeriodsBetween(ctx: Ctx, agendaIds: string[], range: { from: string; to: string }) {
  return ctx.db
    .select({
      id: blockedPeriods.id,
      agendaId: blockedPeriods.agendaId,
      startsAt: blockedPeriods.startsAt,
      endsAt: blockedPeriods.endsAt,
      reason: blockedPeriods.reason,
    })
    .from(blockedPeriods)
    .where(
      inClinic(
        ctx,
        blockedPeriods,
        inArray(blockedPeriods.agendaId, agendaIds),
        lt(blockedPeriods.startsAt, clinicDayRange(range.to, ctx.clinic.timeZone).end),
        gte(blockedPeriods.endsAt, clinicDayRange(range.from, ctx.clinic.timeZone).start),
      ),
    )
    .orderBy(asc(blockedPeriods.startsAt));
}

const DEFAULT_HOURS = { minMinutes: 8 * 60, maxMinutes: 19 * 60 };

// What the time grid shades, for some agendas over local dates [from, to], in two queries:
// each agenda's open stretches as instants, its closed days with their reason, its blocked
// periods, and the hours to show (from the earliest opening to the latest closing, on the hour).
export async function agendaGrid(ctx: Ctx, agendaIds: string[], range: { from: string; to: string }) {
  if (!agendaIds.length) return { open: [], closed: [], blocked: [], ...DEFAULT_HOURS };
  const [week, closed, blockedRows] = await Promise.all([
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
    blockedPeriodsBetween(ctx, agendaIds, range),
  ]);
  const blocked = blockedRows.map((b) => ({ ...b, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() }));
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
  if (!week.length) return { open, closed: closedDays, blocked, ...DEFAULT_HOURS };
  return {
    open,
    closed: closedDays,
    blocked,
    minMinutes: Math.floor(Math.min(...week.map((w) => w.opensAt)) / 60) * 60,
    maxMinutes: Math.min(1440, Math.ceil(Math.max(...week.map((w) => w.closesAt)) / 60) * 60),
  };
}
