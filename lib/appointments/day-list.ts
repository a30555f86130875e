import "server-only";
import type { StaffContext } from "@/lib/auth/staff-context";
import { blockedPeriodsBetween } from "./agenda-grid";
import { dayListColumns, listAppointmentsBetween } from "./list-appointments";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// The printed day of some agendas, for the desk and the doctor: who comes when, for what, how
// to call them, reception's note; the time blocked, with its reason. Cancelled appointments are
// left out (they hold no time). Two queries.
export async function dayList(ctx: Ctx, date: string, agendaIds: string[]) {
  if (!agendaIds.length) return [];
  const [rows, blocked] = await Promise.all([
    listAppointmentsBetween(ctx, { from: date, to: date, agendaIds }, dayListColumns),
    blockedPeriodsBetween(ctx, agendaIds, { from: date, to: date }),
  ]);
  return agendaIds.map((agendaId) => ({
    agendaId,
    appointments: rows.filter((r) => r.agendaId === agendaId && r.status !== "cancelled"),
    blocked: blocked.filter((b) => b.agendaId === agendaId),
  }));
}
