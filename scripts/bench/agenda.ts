import { agendaSlots } from "@/lib/appointments/agenda-slots";
import { listAppointmentsBetween } from "@/lib/appointments/list-appointments";
import { insertInBatches } from "@/db/seed/insert";
import { appointments, type NewAppointment } from "@/db/schema";
import { freeSlots } from "@/lib/scheduling/free-slots";
import { makeBookableAgenda, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { agendaGrid } from "@/lib/appointments/agenda-grid";
import { applyAppointmentChange } from "@/lib/appointments/apply-appointment-change";
import { loadAgendaCalendar } from "@/lib/appointments/agendas";
import { addLocalDays, clinicLocalToUtc } from "@/lib/time/clinic-time";
import { percentile, round, timeIt } from "./stats";
import type { Benchmark } from "./types";

const ROUNDS = 40;
const FROM = "2027-03-01"; // a Monday; the four weeks cross Paris's spring-forward Sunday (28 March)
const TO = addLocalDays(FROM, 27);

// Free slots and the agenda view on a busy clinic: 10 agendas, the first with 2,000
// appointments over four weeks, the others 40 a day (10-minute visits, Monday to Saturday).
export const agendaBenchmark: Benchmark = {
  name: "agenda",
  description:
    "free slots over four weeks with 2,000 booked (handler and pure function); the agenda day view of 10 agendas; the time grid's week data of 10 agendas × 40 a day; a drag-and-drop move (server)",
  async run(ctx) {
    const db = ctx.handle.db;
    const clinic = await makeClinic(db, { timeZone: "Europe/Paris" });
    const patient = await makePatient(db, clinic.id);
    const agendas: Awaited<ReturnType<typeof makeBookableAgenda>>[] = [];
    for (let i = 0; i < 10; i++) agendas.push(await makeBookableAgenda(db, clinic.id, { durationMinutes: i === 0 ? 5 : 10 }));
    const rows: NewAppointment[] = [];
    for (const [index, { agenda, motif }] of agendas.entries()) {
      // The busy agenda books 5-minute visits (a vaccination line), leaving every eighth start
      // free; the others 40 ten-minute visits a day.
      const [wanted, minutes, perDay] = index === 0 ? [2000, 5, Infinity] : [Infinity, 10, 40];
      let n = 0;
      let start = 0;
      for (let d = 0; d < 28 && n < wanted; d++) {
        const date = addLocalDays(FROM, d);
        if (new Date(`${date}T12:00:00Z`).getUTCDay() === 0) continue;
        let today = 0;
        for (const [open, close] of [
          [8 * 60, 12 * 60],
          [14 * 60, 18 * 60],
        ]) {
          for (let m = open; m + minutes <= close && n < wanted && today < perDay; m += minutes) {
            if (index === 0 && start++ % 8 === 7) continue;
            const startsAt = clinicLocalToUtc(
              `${date}T${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`,
              clinic.timeZone,
            );
            rows.push({
              clinicId: clinic.id,
              agendaId: agenda.id,
              motifId: motif.id,
              patientId: patient.id,
              bookingReference: `B-${index}-${n++}`,
              startsAt,
              endsAt: new Date(startsAt.getTime() + minutes * 60_000),
              status: "confirmed",
            });
            today++;
          }
        }
      }
    }
    await insertInBatches(db, appointments, rows);
    const staffCtx = { db, clinicId: clinic.id, clinic };
    const now = new Date("2027-02-01T08:00:00Z");
    const [busy] = agendas;
    const query = { from: FROM, to: TO, visitReasonId: busy.motif.id };

    await agendaSlots(staffCtx, busy.agenda.id, query, now);
    const handler: number[] = [];
    for (let i = 0; i < ROUNDS; i++) handler.push((await timeIt(() => agendaSlots(staffCtx, busy.agenda.id, query, now))).ms);
    const calendar = await loadAgendaCalendar(staffCtx, busy.agenda.id, FROM, TO);
    const pure: number[] = [];
    let offered = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      offered = freeSlots({ timeZone: clinic.timeZone, from: FROM, to: TO, ...calendar, durationMinutes: 5, now }).length;
      pure.push(performance.now() - started);
    }

    // What the Agenda page loads for one day of 10 agendas side by side: one query for the
    // appointments, the free slots per agenda.
    const day = addLocalDays(FROM, 9);
    const ids = agendas.map((a) => a.agenda.id);
    const dayView = async () =>
      Promise.all([
        listAppointmentsBetween(staffCtx, { from: day, to: day, agendaIds: ids }),
        ...agendas.map(({ agenda, motif }) => agendaSlots(staffCtx, agenda.id, { from: day, to: day, visitReasonId: motif.id }, now)),
      ]);
    await dayView();
    const view: number[] = [];
    for (let i = 0; i < ROUNDS; i++) view.push((await timeIt(dayView)).ms);
    // The week's appointments of the 10 agendas, the query behind a week view.
    const weekQuery = () => listAppointmentsBetween(staffCtx, { from: addLocalDays(FROM, 7), to: addLocalDays(FROM, 13), agendaIds: ids });
    const weekRows = (await weekQuery()).length;
    const weekSamples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) weekSamples.push((await timeIt(weekQuery)).ms);

    // The time grid's week: the 10 agendas' appointments and their hours and closures, as the
    // Agenda page loads them (two queries for the shading, one for the appointments).
    const week = { from: addLocalDays(FROM, 7), to: addLocalDays(FROM, 13) };
    const gridWeek = () => Promise.all([listAppointmentsBetween(staffCtx, { ...week, agendaIds: ids }), agendaGrid(staffCtx, ids, week)]);
    await gridWeek();
    const gridSamples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) gridSamples.push((await timeIt(gridWeek)).ms);

    // A drag-and-drop move: the one PATCH's work (rules, update, reminders re-timed, the patient's
    // event stored and queued), back and forth between two free times on the second agenda.
    const mover = await staffContextFor(db, clinic);
    const [target] = rows.filter((r) => r.agendaId === agendas[1].agenda.id);
    const [moveRow] = await listAppointmentsBetween(staffCtx, { from: FROM, to: FROM, agendaIds: [agendas[1].agenda.id] }).then((r) =>
      r.filter((a) => a.bookingReference === target.bookingReference),
    );
    const evening = [`${addLocalDays(FROM, 1)}T17:30`, `${addLocalDays(FROM, 1)}T17:45`];
    const moves: number[] = [];
    for (let i = 0; i < ROUNDS; i++)
      moves.push(
        (await timeIt(() => applyAppointmentChange(mover, moveRow.id, { action: "reschedule", startsAt: evening[i % 2] }, now))).ms,
      );

    return {
      booked_on_busy_agenda: calendar.booked.length,
      free_slots_offered: offered,
      slots_handler_p50_ms: round(percentile(handler, 50), 2),
      slots_handler_p95_ms: round(percentile(handler, 95), 2),
      slots_pure_p50_ms: round(percentile(pure, 50), 3),
      slots_pure_p95_ms: round(percentile(pure, 95), 3),
      day_view_10_agendas_p50_ms: round(percentile(view, 50), 2),
      day_view_10_agendas_p95_ms: round(percentile(view, 95), 2),
      week_query_10_agendas_rows: weekRows,
      week_query_10_agendas_p50_ms: round(percentile(weekSamples, 50), 2),
      week_query_10_agendas_p95_ms: round(percentile(weekSamples, 95), 2),
      grid_week_10_agendas_p50_ms: round(percentile(gridSamples, 50), 2),
      grid_week_10_agendas_p95_ms: round(percentile(gridSamples, 95), 2),
      drag_move_server_p50_ms: round(percentile(moves, 50), 2),
      drag_move_server_p95_ms: round(percentile(moves, 95), 2),
    };
  },
};
