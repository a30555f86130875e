import "server-only";
import { and, asc, eq, gt, gte, isNull, lt, lte, ne, or } from "drizzle-orm";
import { agendaMotifs, agendas, appointments, blockedPeriods, closures, motifs, openingHours, staffUsers } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { ConflictError, NotFoundError } from "@/lib/errors/app-errors";
import type { ClosedDays, OpenStretch } from "@/lib/scheduling/free-slots";
import { clinicDayRange } from "@/lib/time/clinic-time";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// The clinic's agendas still open for booking, each with the visit reasons it offers.
export async function listAgendas(ctx: Ctx) {
  const [rows, offered] = await Promise.all([
    ctx.db
      .select({ id: agendas.id, name: agendas.name, doctorId: agendas.doctorId })
      .from(agendas)
      .where(inClinic(ctx, agendas, isNull(agendas.retiredAt)))
      .orderBy(asc(agendas.name)),
    ctx.db.select({ agendaId: agendaMotifs.agendaId, motifId: agendaMotifs.motifId }).from(agendaMotifs).where(inClinic(ctx, agendaMotifs)),
  ]);
  return rows.map((a) => ({ ...a, visitReasonIds: offered.filter((o) => o.agendaId === a.id).map((o) => o.motifId) }));
}

// The clinic's active doctors, whom an agenda can belong to.
export async function listPractitioners(ctx: Ctx) {
  return ctx.db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(inClinic(ctx, staffUsers, eq(staffUsers.role, "doctor"), eq(staffUsers.active, true)))
    .orderBy(asc(staffUsers.name));
}

export async function listVisitReasons(ctx: Ctx) {
  return ctx.db
    .select({ id: motifs.id, name: motifs.name, durationMinutes: motifs.durationMinutes, colour: motifs.colour })
    .from(motifs)
    .where(inClinic(ctx, motifs))
    .orderBy(asc(motifs.name));
}

// An agenda of this clinic still open for booking, or a 404 (another clinic's is not found);
// a retired one is a 409 that says so, since the receptionist can act on it.
export async function requireOpenAgenda(ctx: Ctx, agendaId: string): Promise<void> {
  const [agenda] = await ctx.db
    .select({ retiredAt: agendas.retiredAt })
    .from(agendas)
    .where(inClinic(ctx, agendas, eq(agendas.id, agendaId)))
    .limit(1);
  if (!agenda) throw new NotFoundError("Agenda");
  if (agenda.retiredAt)
    throw new ConflictError("agenda_retired", "This agenda is retired: nothing new is booked or moved on it. Book on another agenda.");
}

type Held = { startsAt: Date; endsAt: Date };
// The appointments of an agenda that hold time overlapping [start, end): a cancelled one frees it.
export function holdingTime(agendaId: string, start: Date, end: Date) {
  return [
    eq(appointments.agendaId, agendaId),
    ne(appointments.status, "cancelled"),
    lt(appointments.startsAt, end),
    gt(appointments.endsAt, start),
  ];
}

export type AgendaCalendar = { week: OpenStretch[]; closures: ClosedDays[]; booked: Held[]; blocked: Held[] };

// What free slots are computed from, for one agenda over local dates [from, to]: its week,
// its own and the clinic's closures, the appointments that hold time and its blocked periods.
export async function loadAgendaCalendar(ctx: Ctx, agendaId: string, from: string, to: string): Promise<AgendaCalendar> {
  await requireOpenAgenda(ctx, agendaId);
  const start = clinicDayRange(from, ctx.clinic.timeZone).start;
  const end = clinicDayRange(to, ctx.clinic.timeZone).end;
  const [week, closed, booked, blocked] = await Promise.all([
    ctx.db
      .select({ weekday: openingHours.weekday, opensAt: openingHours.opensAt, closesAt: openingHours.closesAt })
      .from(openingHours)
      .where(inClinic(ctx, openingHours, eq(openingHours.agendaId, agendaId))),
    ctx.db
      .select({ startsOn: closures.startsOn, endsOn: closures.endsOn })
      .from(closures)
      .where(
        inClinic(
          ctx,
          closures,
          or(eq(closures.agendaId, agendaId), isNull(closures.agendaId)),
          lte(closures.startsOn, to),
          gte(closures.endsOn, from),
        ),
      ),
    ctx.db
      .select({ startsAt: appointments.startsAt, endsAt: appointments.endsAt })
      .from(appointments)
      .where(inClinic(ctx, appointments, ...holdingTime(agendaId, start, end))),
    ctx.db
      .select({ startsAt: blockedPeriods.startsAt, endsAt: blockedPeriods.endsAt })
      .from(blockedPeriods)
      .where(
        inClinic(
          ctx,
          blockedPeriods,
          eq(blockedPeriods.agendaId, agendaId),
          lt(blockedPeriods.startsAt, end),
          gte(blockedPeriods.endsAt, start),
        ),
      ),
  ]);
  return { week, closures: closed, booked, blocked };
}

// A visit reason this agenda offers, or null (unknown, another clinic's, or not offered here).
export async function offeredVisitReason(ctx: Ctx, agendaId: string, motifId: string) {
  const [row] = await ctx.db
    .select({ id: motifs.id, durationMinutes: motifs.durationMinutes })
    .from(motifs)
    .innerJoin(agendaMotifs, and(eq(agendaMotifs.motifId, motifs.id), eq(agendaMotifs.agendaId, agendaId)))
    .where(inClinic(ctx, motifs, eq(motifs.id, motifId)))
    .limit(1);
  return row ?? null;
}
